import { NestFactory } from '@nestjs/core';
import { DemoIdentitySeed, SeedResult } from './demo-identity.seed';
import { SeedModule } from './seed.module';

export async function runSeed(): Promise<SeedResult> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    return await app.get(DemoIdentitySeed).run();
  } finally {
    await app.close();
  }
}
