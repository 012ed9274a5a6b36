import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate, Clock, DomainError, fieldInvalid, parseFen } from '@pilotlink/core';
import { uniqueViolation, withTransaction } from '@pilotlink/database';
import { Actor, RequestContext } from '@pilotlink/core';
import { DataSource } from 'typeorm';
import { owedFen, owingTerms, PAYABLE_STATUSES, paymentProblem } from '../domain/order';
import { RecordPaymentDto } from '../dto/order.request.dto';
import { findReadable, lockForParty } from './order-access';
import { OrderChanges } from './order-changes.service';
import { OrderPayment } from './order-records.entity';
import { paidOn } from './orders.service';

export interface OrderPayments {
  items: OrderPayment[];
  agreedAmountFen: number;
  paidFen: number;
  owedFen: number;
}

/** The SME's payments to the platform: proof of payment for claims. PilotLink moves no money. */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: OrderChanges,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, orderId: string): Promise<OrderPayments> {
    const manager = this.dataSource.manager;
    const order = await findReadable(manager, actor, orderId);
    const items = await manager.find(OrderPayment, { where: { orderId }, order: { paidOn: 'ASC', createdAt: 'ASC' } });
    const paidFen = items.reduce((sum, p) => sum + parseFen(p.amountFen), 0);
    const agreedAmountFen = parseFen(order.agreedAmountFen);
    return { items, agreedAmountFen, paidFen, owedFen: owedFen(owingTerms(order), paidFen) };
  }

  /**
   * Recorded by the SME. The order row is locked while the sum is checked, so two racing payments
   * can never together pay more than is owed.
   */
  async record(ctx: RequestContext, orderId: string, input: RecordPaymentDto): Promise<OrderPayment> {
    if (input.paidOn > chinaDate(this.clock.now()))
      throw fieldInvalid('paidOn', 'A payment date cannot be in the future');
    return withTransaction(this.dataSource, async (manager) => {
      const { order, party } = await lockForParty(manager, ctx.actor, orderId);
      if (party !== 'SME') throw new DomainError('FORBIDDEN', 'Only the SME records its payments');
      if (!PAYABLE_STATUSES.includes(order.status)) {
        throw new DomainError('CONFLICT', 'Payments are recorded once the contract is confirmed', {
          currentState: order.status,
        });
      }
      const owed = owedFen(owingTerms(order), await paidOn(manager, orderId));
      if (paymentProblem(input.amountFen, owed) === 'EXCEEDS_OWED') {
        throw new DomainError('PAYMENT_EXCEEDS_OWED', `At most ${owed} fen is owed on this order`, {
          field: 'amountFen',
          owedFen: owed,
        });
      }
      try {
        const payment = await manager.save(
          manager.create(OrderPayment, {
            orderId,
            amountFen: String(input.amountFen),
            paidOn: input.paidOn,
            method: input.method,
            reference: input.reference,
            recordedBy: ctx.actor.userId,
          }),
        );
        await this.changes.record(manager, ctx, order, {
          action: 'order.payment_recorded',
          from: order.status,
          details: { paymentId: payment.id, amountFen: input.amountFen, reference: input.reference },
        });
        return payment;
      } catch (error) {
        if (uniqueViolation(error) === 'order_payments_order_id_reference_key') {
          throw new DomainError('CONFLICT', 'A payment with this reference is already recorded on the order', {
            field: 'reference',
          });
        }
        throw error;
      }
    });
  }
}
