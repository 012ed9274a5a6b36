import { Injectable } from '@nestjs/common';
import { StoryKit } from './story-kit';

@Injectable()
export class DemoGovernanceSeed {
  constructor(private readonly kit: StoryKit) {}

  async run(): Promise<{ created: number }> {
    return { created: 0 };
  }
}
