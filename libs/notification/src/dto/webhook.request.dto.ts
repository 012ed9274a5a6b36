import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches, MaxLength } from 'class-validator';
import { trimString } from '@pilotlink/core';

export class PutWebhookDto {
  @ApiProperty({ example: 'https://erp.example.cn/pilotlink/webhook', description: 'http(s) URL receiving POSTs' })
  @Transform(trimString)
  // The shape only; the host is judged by the SSRF guard (webhook-url-guard.ts), numeric forms included.
  @Matches(/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ default: true, description: 'false pauses deliveries (the inbox still fills)' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'true: replace the signing secret; the answer shows the new one once' })
  @IsOptional()
  @IsBoolean()
  rotateSecret?: boolean;
}
