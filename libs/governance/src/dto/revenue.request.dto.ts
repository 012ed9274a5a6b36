import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { trimString } from '@pilotlink/core';

const MAX_FEN = 1_000_000_000_000;

export class DeclareRevenueDto {
  @ApiProperty({
    description: "The year's 服务性收入 (service revenue, on and off PilotLink), fen",
    example: 400_000_000,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  serviceRevenueFen: number;
  @ApiProperty({ example: '2031 年度审计报告第 12 页；服务合同 36 份（编号 SR-2031-001…036）' })
  @Transform(trimString)
  @IsString()
  @Length(2, 4_000)
  evidence: string;
}

export class DecideRevenueDto {
  @ApiProperty({ enum: ['ACCEPT', 'RETURN'] }) @IsIn(['ACCEPT', 'RETURN']) decision: 'ACCEPT' | 'RETURN';
  @ApiPropertyOptional({ description: 'Required when returning: what the operator must fix', example: '缺审计报告' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 1_000)
  note?: string;
}
