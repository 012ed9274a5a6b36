import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate, Clock } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { DataSource, In, LessThan } from 'typeorm';
import { Voucher, VoucherHold } from '../entities/voucher.entity';
import { Ledger } from '../ledger/ledger.service';
import { VoucherEvents } from '../voucher-events';
import { HoldsService } from './holds.service';

/**
 * The scheduled expiry of vouchers past their valid-until date (China calendar days): holds on orders
 * without a filed claim are released, then what is left goes back to the program budget. A hold with
 * a filed claim stays for the bureau to decide; if that claim is rejected, its amount also returns to
 * the budget (HoldsService.release). One transaction per voucher, the voucher row locked.
 */
@Injectable()
export class VoucherExpiryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    private readonly holds: HoldsService,
    private readonly events: VoucherEvents,
    private readonly clock: Clock,
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
    return totals;
  }

  private expire(id: string, today: string) {
    return withTransaction(this.dataSource, async (manager) => {
      const voucher = await manager.findOne(Voucher, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!voucher || !['ACTIVE', 'EXHAUSTED'].includes(voucher.status) || voucher.validUntil >= today) return null;
      const unclaimed = await manager.find(VoucherHold, {
        where: { voucherId: id, status: 'HELD' },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      for (const hold of unclaimed) await this.holds.release(manager, null, hold, 'VOUCHER_EXPIRED');
      const { availableFen } = (await this.ledger.voucherBalances(manager, [id])).get(id)!;
      voucher.status = 'EXPIRED';
      voucher.expiredAt = this.clock.now();
      await manager.save(voucher);
      await this.holds.returnToBudget(manager, voucher, availableFen);
      await this.events.record(manager, null, {
        action: 'voucher.expired',
        entityType: 'voucher',
        entityId: id,
        subjectOrgId: voucher.smeOrgId,
        notify: [voucher.smeOrgId],
        after: { code: voucher.code, returnedFen: availableFen, releasedHolds: unclaimed.length },
      });
      return { releasedHolds: unclaimed.length, returnedFen: availableFen };
    });
  }
}
