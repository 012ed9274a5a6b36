import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf, parseFen } from '@pilotlink/core';
import {
  availableOrderActions,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  OrderAction,
  OrderParty,
  OrderStatus,
  owedFen,
  owingTerms,
} from '../domain/order';
import { OrderEvent, OrderPayment, PAYMENT_METHODS, PaymentMethod } from '../orders/order-records.entity';
import { Order } from '../orders/order.entity';
import { IpTermsResponseDto } from './ip-terms.response.dto';

/** Who looks at an order: their side of it, and whether it is an equipment reservation's order. */
export interface OrderViewer {
  party: OrderParty | null;
  reservation: boolean;
}

export class OrderEventDto {
  @ApiProperty() action: string;
  @ApiProperty({ enum: ORDER_STATUSES }) fromStatus: OrderStatus;
  @ApiProperty({ enum: ORDER_STATUSES }) toStatus: OrderStatus;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) actorOrgId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) note: string | null;
  @ApiProperty() at: Date;

  static from(event: OrderEvent): OrderEventDto {
    return {
      action: event.action,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actorOrgId: event.actorOrgId,
      note: event.note,
      at: event.createdAt,
    };
  }
}

export class OrderResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'PL-2026-000042' }) contractNumber: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ format: 'uuid' }) smeOrgId: string;
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty({ format: 'uuid' }) platformOrgId: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) serviceId: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) demandId: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A research result’s verification: the SME adopting the result that co-funds it',
  })
  coFunderOrgId: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: '揭榜挂帅: the reward (fen) the challenge stated, when the order came from an awarded challenge',
  })
  challengeRewardFen: number | null;
  @ApiProperty({ type: IpTermsResponseDto, description: 'Who owns what the pilot produces (from the accepted quote)' })
  ipTerms: IpTermsResponseDto;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) quoteId: string | null;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'fen' }) agreedAmountFen: number;
  @ApiPropertyOptional({ description: 'fen paid so far (detail view)' }) paidFen?: number;
  @ApiPropertyOptional({ description: 'fen the SME still owes (detail view), after any DEDUCT voucher' })
  owedFen?: number;
  @ApiPropertyOptional({ description: 'fen a DEDUCT (通兑) voucher pays of this order (detail view)' })
  voucherDeductionFen?: number;
  @ApiPropertyOptional({ type: String, nullable: true }) requestNote: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) smeConfirmedAt: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) platformConfirmedAt: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) deliveredAt: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) completedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ type: [OrderEventDto], description: 'History, oldest first (detail view)' })
  history?: OrderEventDto[];
  @ApiPropertyOptional({
    enum: ['SME', 'PLATFORM'],
    nullable: true,
    type: String,
    description: 'Which side of the order the caller is on (null: an admin) — list and detail views',
  })
  yourParty?: OrderParty | null;
  @ApiPropertyOptional({
    enum: ORDER_ACTIONS,
    isArray: true,
    description:
      'The transitions the caller may take now (POST /orders/:id/{action}; `dispute` needs a `note`) — list and ' +
      'detail views. Empty for an admin and in a final state.',
  })
  availableActions?: OrderAction[];

  static from(
    order: Order,
    detail?: { paidFen: number; history: OrderEvent[] },
    viewer?: OrderViewer,
  ): OrderResponseDto {
    const agreed = parseFen(order.agreedAmountFen);
    return {
      id: order.id,
      contractNumber: order.contractNumber,
      status: order.status,
      smeOrgId: order.smeOrgId,
      platformId: order.platformId,
      platformOrgId: order.platformOrgId,
      serviceId: order.serviceId,
      demandId: order.demandId,
      coFunderOrgId: order.coFunderOrgId ?? null,
      challengeRewardFen: order.challengeRewardFen === null ? null : Number(order.challengeRewardFen),
      ipTerms: IpTermsResponseDto.from(order),
      quoteId: order.quoteId,
      quantity: order.quantity,
      agreedAmountFen: agreed,
      requestNote: order.requestNote,
      smeConfirmedAt: order.smeConfirmedAt,
      platformConfirmedAt: order.platformConfirmedAt,
      deliveredAt: order.deliveredAt,
      completedAt: order.completedAt,
      createdAt: order.createdAt,
      ...(detail && {
        paidFen: detail.paidFen,
        voucherDeductionFen: parseFen(order.voucherDeductionFen),
        owedFen: owedFen(owingTerms(order), detail.paidFen),
        history: detail.history.map((e) => OrderEventDto.from(e)),
      }),
      ...(viewer && {
        yourParty: viewer.party,
        availableActions: availableOrderActions(order, viewer.party, viewer.reservation),
      }),
    };
  }
}

export class OrderPageDto extends pageDtoOf(OrderResponseDto, 'OrderPageDto') {}

export class PaymentResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() amountFen: number;
  @ApiProperty() paidOn: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) method: PaymentMethod;
  @ApiProperty() reference: string;
  @ApiProperty() recordedAt: Date;

  static from(payment: OrderPayment): PaymentResponseDto {
    return {
      id: payment.id,
      amountFen: parseFen(payment.amountFen),
      paidOn: payment.paidOn,
      method: payment.method,
      reference: payment.reference,
      recordedAt: payment.createdAt,
    };
  }
}

export class PaymentsResponseDto {
  @ApiProperty({ type: [PaymentResponseDto] }) items: PaymentResponseDto[];
  @ApiProperty() agreedAmountFen: number;
  @ApiProperty() paidFen: number;
  @ApiProperty() owedFen: number;
}
