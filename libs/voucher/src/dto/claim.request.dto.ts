import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { PageQueryDto, trimString } from '@pilotlink/core';
import { CLAIM_STATUSES } from '../domain/voucher-state';
import type { ClaimStatus } from '../domain/voucher-state';
import { MAX_FEN } from './program.request.dto';

export class FileClaimDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() orderId: string;
  @ApiProperty({ description: "The order's contract number" })
  @Transform(trimString)
  @IsString()
  @Length(1, 64)
  contractNumber: string;
  @ApiProperty({ example: '35002612345678' }) @Transform(trimString) @IsString() @Length(1, 64) invoiceNumber: string;
  @ApiProperty({ description: 'Invoice amount, fen' }) @IsInt() @Min(1) @Max(MAX_FEN) invoiceAmountFen: number;
  @ApiProperty({ description: "The payment's reference (bank transfer number)" })
  @Transform(trimString)
  @IsString()
  @Length(1, 120)
  paymentReference: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Acceptance report: one of the order's deliverables" })
  @IsOptional()
  @IsUUID()
  acceptanceFileId?: string;
}

export class ClaimListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programId?: string;
  @ApiPropertyOptional({ enum: CLAIM_STATUSES }) @IsOptional() @IsIn(CLAIM_STATUSES) status?: ClaimStatus;
}

export class CreateBatchDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programId: string;
  @ApiProperty({ type: [String], description: 'APPROVED claims of the program, paid together' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1_000)
  @IsUUID('all', { each: true })
  claimIds: string[];
  @ApiProperty({ example: '泉财拨〔2026〕18号' }) @Transform(trimString) @IsString() @Length(1, 120) reference: string;
}

export interface ReasonDtoLike {
  reason: string;
}
