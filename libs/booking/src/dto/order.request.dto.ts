import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQueryDto, trimString } from '@pilotlink/core';
import { ORDER_STATUSES, OrderStatus } from '../domain/order';
import { PAYMENT_METHODS, PaymentMethod } from '../orders/order-records.entity';

export class CreateOrderDto {
  @ApiProperty({ format: 'uuid', description: 'A published FIXED- or UNIT-priced service' })
  @IsUUID()
  serviceId: string;

  @ApiPropertyOptional({ default: 1, description: 'Units, for a UNIT-priced service (1 for FIXED)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity?: number;

  @ApiPropertyOptional({ example: '样品 3 批，每批 20 kg，希望 12 月前完成' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(0, 2_000)
  note?: string;
}

export class OrderListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;
}

export class OrderActionDto {
  @ApiPropertyOptional({ description: 'Why (required to dispute)', example: '检测报告缺少第 3 批数据' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 2_000)
  note?: string;
}

export class RecordPaymentDto {
  @ApiProperty({ description: 'fen, more than 0 and at most what is owed', example: 3_000_000 })
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  amountFen: number;

  @ApiProperty({ example: '2026-11-20', description: 'Date paid (China time), not in the future' })
  @IsDateString({ strict: true })
  paidOn: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  method: PaymentMethod;

  @ApiProperty({ example: '工行转账 20261120-0001', description: 'Bank or receipt reference, unique per order' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  reference: string;
}
