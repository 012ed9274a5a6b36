import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf, parseFen } from '@pilotlink/core';
import type { BookableEquipment } from '@pilotlink/catalogue';
import { RESERVATION_STATUSES } from '../../domain/reservation';
import type { ReservationStatus } from '../../domain/reservation';
import type { EquipmentBlock } from '../equipment-block.entity';
import type { Reservation } from '../reservation.entity';

export class ReservationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) equipmentId: string;
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty({ format: 'uuid' }) bookerOrgId: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The order line it created' })
  orderId: string | null;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ enum: RESERVATION_STATUSES }) status: ReservationStatus;
  @ApiProperty({ description: "The platform's own use (no order, not counted as shared)" }) internal: boolean;
  @ApiProperty({ description: 'fen' }) priceFen: number;
  @ApiProperty({ description: 'fen owed for a late cancellation or a no-show' }) feeFen: number;
  @ApiProperty() purpose: string;
  @ApiPropertyOptional({ nullable: true, type: Date }) checkedInAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) completedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) cancelledAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) actualMinutes: number | null;
  @ApiProperty() createdAt: Date;

  static from(r: Reservation): ReservationResponseDto {
    return {
      id: r.id,
      equipmentId: r.equipmentId,
      platformId: r.platformId,
      bookerOrgId: r.bookerOrgId,
      orderId: r.orderId,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      status: r.status,
      internal: r.internal,
      priceFen: parseFen(r.priceFen),
      feeFen: parseFen(r.feeFen),
      purpose: r.purpose,
      checkedInAt: r.checkedInAt,
      completedAt: r.completedAt,
      cancelledAt: r.cancelledAt,
      actualMinutes: r.actualMinutes,
      createdAt: r.createdAt,
    };
  }
}

export class ReservationPageDto extends pageDtoOf(ReservationResponseDto, 'ReservationPageDto') {}

export class BookingRulesResponseDto {
  @ApiProperty({ format: 'uuid' }) equipmentId: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'array',
      items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
    },
    description: 'Opening windows per weekday (MON … SUN), each [from, to] as HH:mm',
    example: { MON: [['08:00', '12:00']] },
  })
  openingHours: Record<string, Array<[string, string]>>;
  @ApiProperty() freeCancellationHours: number;
  @ApiProperty() lateCancellationFeeBp: number;
  @ApiProperty() noShowFeeBp: number;
  @ApiProperty({ description: 'fen per hour; a reservation costs it per started quarter hour' }) hourlyRateFen: number;

  static from(e: BookableEquipment): BookingRulesResponseDto {
    return {
      equipmentId: e.id,
      timeZone: 'Asia/Shanghai',
      openingHours: e.openingHours,
      freeCancellationHours: e.freeCancellationHours,
      lateCancellationFeeBp: e.lateCancellationFeeBp,
      noShowFeeBp: e.noShowFeeBp,
      hourlyRateFen: parseFen(e.hourlyRateFen),
    };
  }
}

export class TimeSlotDto {
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
}

export class AvailabilityResponseDto {
  @ApiProperty({ format: 'uuid' }) equipmentId: string;
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ example: 15 }) slotMinutes: number;
  @ApiProperty({ type: [TimeSlotDto], description: 'Free, bookable time: any quarter-hour-aligned part of one' })
  free: TimeSlotDto[];
  @ApiProperty({ type: BookingRulesResponseDto }) rules: BookingRulesResponseDto;
}

export class BlockResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) equipmentId: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty() reason: string;
  @ApiProperty() createdAt: Date;

  static from(b: EquipmentBlock): BlockResponseDto {
    return {
      id: b.id,
      equipmentId: b.equipmentId,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      reason: b.reason,
      createdAt: b.createdAt,
    };
  }
}

export class UtilisationResponseDto {
  @ApiProperty({ format: 'uuid' }) equipmentId: string;
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ description: 'Reservations starting in the period (cancelled ones excluded)' }) reservations: number;
  @ApiProperty({ description: 'Hours the instrument was open in the period' }) openHours: number;
  @ApiProperty() scheduledHours: number;
  @ApiProperty({ description: 'Actually used (completed reservations; a no-show counts 0)' }) usedHours: number;
  @ApiProperty({ description: 'Used hours booked by orgs other than the platform operator' }) externalHours: number;
  @ApiProperty({ description: 'externalHours / usedHours in basis points' }) sharingRateBp: number;
  @ApiProperty({ description: 'usedHours / openHours in basis points' }) utilisationRateBp: number;
}
