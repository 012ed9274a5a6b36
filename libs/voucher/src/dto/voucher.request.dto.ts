import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQueryDto, trimString } from '@pilotlink/core';
import { APPLICATION_STATUSES, VOUCHER_STATUSES } from '../domain/voucher-state';
import type { ApplicationStatus, VoucherStatus } from '../domain/voucher-state';
import { MAX_FEN } from './program.request.dto';

export class ApplyDto {
  @ApiProperty({ description: 'Face value asked for, fen' }) @IsInt() @Min(1) @Max(MAX_FEN) amountFen: number;
  @ApiProperty({ example: '石墨烯改性涂料中试放大及性能检测' })
  @Transform(trimString)
  @IsString()
  @Length(2, 2_000)
  purpose: string;
}

export class ApproveApplicationDto {
  @ApiPropertyOptional({ description: 'Face value granted (at most what was asked); default: as asked' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen?: number;
}

export class ReasonDto {
  @ApiProperty({ example: '申请材料不全：缺少科技型中小企业入库证明' })
  @Transform(trimString)
  @IsString()
  @Length(2, 2_000)
  reason: string;
}

export class ApplicationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programId?: string;
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
}

export class VoucherListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VOUCHER_STATUSES }) @IsOptional() @IsIn(VOUCHER_STATUSES) status?: VoucherStatus;
}

export class HoldDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() voucherId: string;
}
