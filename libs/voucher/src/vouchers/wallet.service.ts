import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrderFacts } from '@pilotlink/booking';
import { chinaDate, Clock, NotFoundError, Page, parseFen, toPage } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { DataSource, In } from 'typeorm';
import { claimBy } from '../domain/expiry';
import { VoucherListQueryDto } from '../dto/voucher.request.dto';
import { VoucherResponseDto } from '../dto/voucher.response.dto';
import { VoucherProgram } from '../entities/voucher-program.entity';
import { Voucher, VoucherHold } from '../entities/voucher.entity';
import { Ledger } from '../ledger/ledger.service';

const DAY_MS = 86_400_000;

/** The SME's wallet (SPEC §6): each voucher with its balance, holds, expiry countdown and where it can be spent. */
@Injectable()
export class WalletService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    private readonly clock: Clock,
    private readonly orders: OrderFacts,
  ) {}

  async list(actor: Actor, query: VoucherListQueryDto): Promise<Page<VoucherResponseDto>> {
    const where = {
      ...(actor.orgKind !== 'ADMIN' && { smeOrgId: actor.orgId }),
      ...(query.status && { status: query.status }),
    };
    const [vouchers, total] = await this.dataSource.manager.findAndCount(Voucher, {
      where,
      order: { validUntil: 'ASC', id: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return toPage(await this.describe(vouchers), total, query);
  }

  async get(actor: Actor, id: string): Promise<VoucherResponseDto> {
    const voucher = await this.dataSource.manager.findOneBy(Voucher, { id });
    if (!voucher || (voucher.smeOrgId !== actor.orgId && actor.orgKind !== 'ADMIN')) throw new NotFoundError('Voucher');
    return (await this.describe([voucher]))[0];
  }

  private async describe(vouchers: Voucher[]): Promise<VoucherResponseDto[]> {
    if (!vouchers.length) return [];
    const manager = this.dataSource.manager;
    const ids = vouchers.map((v) => v.id);
    const [balances, programs, holds] = await Promise.all([
      this.ledger.voucherBalances(manager, ids),
      manager.findBy(VoucherProgram, { id: In([...new Set(vouchers.map((v) => v.programId))]) }),
      manager.find(VoucherHold, { where: { voucherId: In(ids) }, order: { createdAt: 'ASC' } }),
    ]);
    const programById = new Map(programs.map((p) => [p.id, p]));
    const survivors = holds.filter((h) => h.survivesExpiry);
    const dates = await this.orders.datesOf(
      manager,
      survivors.map((h) => h.orderId),
    );
    const today = chinaDate(this.clock.now());
    return vouchers.map((v) => {
      const { availableFen, heldFen } = balances.get(v.id)!;
      const program = programById.get(v.programId)!;
      const daysLeft = (Date.parse(v.validUntil) - Date.parse(today)) / DAY_MS;
      return {
        id: v.id,
        code: v.code,
        programId: v.programId,
        programName: program.name,
        redemptionMode: program.redemptionMode,
        faceValueFen: parseFen(v.faceValueFen),
        balanceFen: availableFen + heldFen,
        availableFen,
        heldFen,
        status: v.status,
        validFrom: v.validFrom,
        validUntil: v.validUntil,
        daysLeft: v.status === 'EXPIRED' || daysLeft < 0 ? null : daysLeft,
        eligibleCategories: program.eligibleCategories,
        claimWindowDays: program.claimWindowDays,
        holds: holds
          .filter((h) => h.voucherId === v.id)
          .map((h) => ({
            holdId: h.id,
            orderId: h.orderId,
            amountFen: parseFen(h.amountFen),
            status: h.status,
            survivesExpiry: h.survivesExpiry,
            claimBy: h.survivesExpiry
              ? claimBy(dates.get(h.orderId)?.completedOn ?? null, program.claimWindowDays)
              : null,
          })),
      };
    });
  }
}
