import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * The booking context's command port for the voucher deduction on an order (DEDUCT programs: the SME pays
 * its share, the voucher the rest). The voucher context sets it in the transaction of its hold, so it
 * takes the caller's `EntityManager`.
 */
@Injectable()
export class OrderDeductions {
  /** Sets the order's voucher deduction (0 when its hold is released). */
  async set(manager: EntityManager, orderId: string, amountFen: number): Promise<void> {
    await manager.query(`UPDATE orders SET voucher_deduction_fen = $2, updated_at = now() WHERE id = $1`, [
      orderId,
      String(amountFen),
    ]);
  }

  /** Every order carrying a deduction, with its amount (a decimal string): the ledger verifier's side of orders. */
  async nonZero(manager: EntityManager): Promise<{ orderId: string; deductionFen: string }[]> {
    return manager.query<{ orderId: string; deductionFen: string }[]>(
      `SELECT id AS "orderId", voucher_deduction_fen::text AS "deductionFen" FROM orders
        WHERE voucher_deduction_fen <> 0 ORDER BY id`,
    );
  }
}
