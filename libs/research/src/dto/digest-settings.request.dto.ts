import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DIGEST_SETTINGS } from '../digest/digest-period';
import type { DigestSetting } from '../digest/digest-period';

export class DigestSettingsDto {
  @ApiProperty({
    enum: DIGEST_SETTINGS,
    description:
      'How often the org receives the research digest (new results fitting its services or fields): WEEKLY ' +
      '(default; weeks start Monday 00:00 China time), DAILY, or OFF',
  })
  @IsIn(DIGEST_SETTINGS)
  frequency: DigestSetting;
}
