import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_CATEGORIES } from '@pilotlink/core';
import type { ServiceCategory } from '@pilotlink/core';
import { pageDtoOf } from '@pilotlink/core';
import type { Subscription } from '../domain/subscription.entity';

export class SubscriptionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: [String] }) fieldCodes: string[];
  @ApiProperty({ enum: SERVICE_CATEGORIES, isArray: true }) categories: ServiceCategory[];
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ type: [String] }) regionCodes: string[];
  @ApiProperty() createdAt: Date;

  static from(s: Subscription): SubscriptionResponseDto {
    return {
      id: s.id,
      fieldCodes: s.fieldCodes,
      categories: s.categories,
      keywords: s.keywords,
      regionCodes: s.regionCodes,
      createdAt: s.createdAt,
    };
  }
}

export class SubscriptionPageDto extends pageDtoOf(SubscriptionResponseDto, 'SubscriptionPageDto') {}
