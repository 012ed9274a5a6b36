import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate, Clock, parseFen } from '@pilotlink/core';
import { OrderFacts } from '@pilotlink/booking';
import { withTransaction } from '@pilotlink/database';
import { DataSource, In, LessThan } from 'typeorm';
import { claimBy, claimWindowLapsed, holdFateAtExpiry } from '../domain/expiry';
import { VoucherProgram } from '../entities/voucher-program.entity';
import { Voucher, VoucherHold } from '../entities/voucher.entity';
import { Ledger } from '../ledger/ledger.service';
import { VoucherEvents } from '../voucher-events.service';
import { HoldsService } from './holds.service';

/** When an order was contracted (both parties confirmed) and completed — China dates — for its hold's fate. */

/**
 * The scheduled expiry of vouchers past their valid-until date (China calendar days). SPEC §6 releases:
 * "A hold on an order contracted before the voucher expired survives expiry until its claim window
 * (program setting, default 90 days after completion) ends; only holds on orders not yet contracted are
 * released at expiry." So at expiry an unclaimed hold either survives (marked, still HELD) or is released;
 * what is left unheld goes back to the program budget. A hold with a filed claim stays for the bureau to
 * decide. Later runs release the surviving holds whose claim window has lapsed — their amount goes back to
 * the budget too (HoldsService.release on an expired voucher). One transaction per voucher, its row locked.
 */
@Injectable()
export class VoucherExpiryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    private readonly holds: HoldsService,
    private readonly events: VoucherEvents,
    private readonly clock: Clock,
    private readonly orders: OrderFacts,
  ) {}

  async expireDue(): Promise<{ vouchers: number; releasedHolds: number; returnedFen: number }> {
    const today = chinaDate(this.clock.now());
    const due = await this.dataSource.manager.find(Voucher, {
      select: { id: true },
      where: { status: In(['ACTIVE', 'EXHAUSTED']), validUntil: LessThan(today) },
      order: { validUntil: 'ASC' },
      take: 1_000,
    });
    const totals = { vouchers: 0, releasedHolds: 0, returnedFen: 0 };
    for (const { id } of due) {
      const result = await this.expire(id, today);
      if (!result) continue;
      totals.vouchers += 1;
      totals.releasedHolds += result.releasedHolds;
      totals.returnedFen += result.returnedFen;
    }
    const lapsed = await this.releaseLapsed(today);
    totals.releasedHolds += lapsed.releasedHolds;
    totals.returnedFen += lapsed.returnedFen;
    return totals;
  }

  private expire(id: string, today: string) {
    return withTransaction(this.dataSource, async (manager) => {
      const voucher = await manager.findOne(Voucher, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!voucher || !['ACTIVE', 'EXHAUSTED'].includes(voucher.status) || voucher.validUntil >= today) return null;
      const program = await manager.findOneByOrFail(VoucherProgram, { id: voucher.programId });
      const unclaimed = await manager.find(VoucherHold, {
        where: { voucherId: id, status: 'HELD' },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const dates = await this.orders.datesOf(
        manager,
        unclaimed.map((h) => h.orderId),
      );
      const released: VoucherHold[] = [];
      const surviving: { orderId: string; amountFen: number; claimBy: string | null }[] = [];
      for (const hold of unclaimed) {
        const d = dates.get(hold.orderId) ?? { contractedOn: null, completedOn: null };
        const fate = holdFateAtExpiry({
          contractedOn: d.contractedOn,
          completedOn: d.completedOn,
          voucherValidUntil: voucher.validUntil,
          claimWindowDays: program.claimWindowDays,
          today,
        });
        if (fate === 'RELEASE') {
          released.push(hold);
        } else {
          await manager.update(VoucherHold, hold.id, { survivesExpiry: true });
          surviving.push({
            orderId: hold.orderId,
            amountFen: parseFen(hold.amountFen),
            claimBy: claimBy(d.completedOn, program.claimWindowDays),
          });
        }
      }
      // The voucher is EXPIRED first, so each released hold goes on to the budget (HoldsService.release).
      const { availableFen } = (await this.ledger.voucherBalances(manager, [id])).get(id)!;
      voucher.status = 'EXPIRED';
      voucher.expiredAt = this.clock.now();
      await manager.save(voucher);
      await this.holds.returnToBudget(manager, voucher, availableFen);
      let returnedFen = availableFen;
      for (const hold of released) {
        await this.holds.release(manager, null, hold, 'VOUCHER_EXPIRED');
        returnedFen += parseFen(hold.amountFen);
      }
      await this.events.record(manager, null, {
        action: 'voucher.expired',
        entityType: 'voucher',
        entityId: id,
        subjectOrgId: voucher.smeOrgId,
        notify: [voucher.smeOrgId],
        after: {
          code: voucher.code,
          returnedFen,
          releasedHolds: released.length,
          survivingHolds: surviving,
          claimWindowDays: program.claimWindowDays,
        },
      });
      return { releasedHolds: released.length, returnedFen };
    });
  }

  /**
   * Surviving holds whose claim window has passed without a claim are released (and go back to the budget),
   * at most 1000 a run: the holds are the voucher context's, their orders' completion dates booking's.
   */
  private async releaseLapsed(today: string): Promise<{ releasedHolds: number; returnedFen: number }> {
    const manager = this.dataSource.manager;
    const survivors = await manager.query<{ id: string; order_id: string; claim_window_days: number }[]>(
      `SELECT h.id, h.order_id, p.claim_window_days
         FROM voucher_holds h JOIN voucher_programs p ON p.id = h.program_id
        WHERE h.survives_expiry AND h.status = 'HELD'
        ORDER BY h.id`,
    );
    const dates = await this.orders.datesOf(
      manager,
      survivors.map((s) => s.order_id),
    );
    const candidates = survivors
      .map((s) => ({ id: s.id, completedOn: dates.get(s.order_id)?.completedOn ?? null, days: s.claim_window_days }))
      .filter((c): c is { id: string; completedOn: string; days: number } => c.completedOn !== null)
      .slice(0, 1000);
    const totals = { releasedHolds: 0, returnedFen: 0 };
    for (const c of candidates) {
      if (!claimWindowLapsed(c.completedOn, c.days, today)) continue;
      await withTransaction(this.dataSource, async (manager) => {
        const hold = await manager.findOne(VoucherHold, { where: { id: c.id }, lock: { mode: 'pessimistic_write' } });
        if (!hold || hold.status !== 'HELD') return;
        await this.holds.release(manager, null, hold, 'CLAIM_WINDOW_LAPSED');
        totals.releasedHolds += 1;
        totals.returnedFen += parseFen(hold.amountFen);
      });
    }
    return totals;
  }
}
