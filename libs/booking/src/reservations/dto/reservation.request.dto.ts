import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, trimString } from '@pilotlink/core';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { RESERVATION_STATUSES } from '../../domain/reservation';
import type { ReservationStatus } from '../../domain/reservation';

/** Instants must say their offset: a bare local time would be read in the server's zone. */
const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const IsInstant = () =>
  applyDecorators(
    IsISO8601({ strict: true }),
    Matches(WITH_OFFSET, { message: '$property must be an ISO 8601 instant with an offset (Z or +08:00)' }),
  );

export class TimeRangeQueryDto {
  @ApiProperty({ example: '2030-03-04T00:00:00+08:00' })
  @IsInstant()
  from: string;

  @ApiProperty({ example: '2030-03-11T00:00:00+08:00', description: 'Exclusive; after `from`' })
  @IsInstant()
  to: string;
}

export class CreateReservationDto {
  @ApiProperty({ example: '2030-03-04T09:00:00+08:00', description: 'On a quarter hour, not in the past' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2030-03-04T11:30:00+08:00', description: 'On a quarter hour, after startsAt' })
  @IsInstant()
  endsAt: string;

  @ApiPropertyOptional({ example: '石墨烯薄膜截面形貌观察' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(0, 1000)
  purpose?: string;
}

export class ReservationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RESERVATION_STATUSES })
  @IsOptional()
  @IsIn(RESERVATION_STATUSES)
  status?: ReservationStatus;
}

export class CompleteReservationDto {
  @ApiPropertyOptional({
    description: 'Minutes actually used; by default the time since check-in (rounded up to a minute)',
    example: 90,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60)
  actualMinutes?: number;
}

export class CreateBlockDto {
  @ApiProperty({ example: '2030-03-05T08:30:00+08:00', description: 'On a quarter hour' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2030-03-05T12:00:00+08:00', description: 'On a quarter hour, after startsAt' })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ example: '年度校准' })
  @Transform(trimString)
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class BookingRulesDto {
  @ApiProperty({
    description:
      'Per weekday (MON…SUN, all seven) a list of [start, end) local times in Asia/Shanghai on quarter hours',
    example: {
      MON: [
        ['08:30', '12:00'],
        ['13:30', '17:30'],
      ],
      TUE: [],
      WED: [],
      THU: [],
      FRI: [],
      SAT: [],
      SUN: [],
    },
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  openingHours: Record<string, unknown>;

  @ApiProperty({ description: 'Cancelling at least this many hours before the start is free', example: 24 })
  @IsInt()
  @Min(0)
  @Max(720)
  freeCancellationHours: number;

  @ApiProperty({ description: 'Share of the price charged for a later cancellation (basis points)', example: 3000 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  lateCancellationFeeBp: number;

  @ApiProperty({ description: 'Share of the price charged for a no-show (basis points)', example: 5000 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  noShowFeeBp: number;
}
