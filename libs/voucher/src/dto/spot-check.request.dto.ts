import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { trimString } from '@pilotlink/core';

export class RecordSpotCheckDto {
  @ApiProperty({ enum: ['PASS', 'FAIL'] }) @IsIn(['PASS', 'FAIL']) result: 'PASS' | 'FAIL';
  @ApiProperty({ example: '现场核查：设备使用记录与验收报告不符' })
  @Transform(trimString)
  @IsString()
  @Length(2, 2000)
  note: string;
  @ApiPropertyOptional({ description: 'What was examined (documents, site visit, photos)', example: '现场照片 3 张' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(0, 4000)
  evidence?: string;
  @ApiPropertyOptional({
    description: "FAIL only: revoke the claim's voucher (REVOKED); its unheld balance returns to the program budget",
  })
  @IsOptional()
  @IsBoolean()
  revokeVoucher?: boolean;
}
