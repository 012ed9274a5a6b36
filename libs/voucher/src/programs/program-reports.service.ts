import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate, Clock, NotFoundError, Page, PageQueryDto, parseFen, toPage } from '@pilotlink/core';
import { PlatformDirectory } from '@pilotlink/catalogue';
import { OrgDirectory } from '@pilotlink/identity';
import type { Actor } from '@pilotlink/core';
import { splitByBasisPoints } from '@pilotlink/core';
import { DataSource } from 'typeorm';
import { PublicNoticeItemDto } from '../dto/claim.response.dto';
import { LedgerBalancesDto, LedgerPageDto, ProgramSummaryDto } from '../dto/program.response.dto';
import { VoucherProgram } from '../entities/voucher-program.entity';
import { Ledger } from '../ledger/ledger.service';
import { LEDGER_INVARIANTS, verifyLedger } from '../ledger/ledger-verifier';
import { programRunBy } from './program-access';

/** What a bureau (and the public, for notices) sees of a program's money — all derived from the ledger. */
@Injectable()
export class ProgramReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    private readonly clock: Clock,
    private readonly orgs: OrgDirectory,
    private readonly platforms: PlatformDirectory,
  ) {}

  async summary(actor: Actor, id: string): Promise<ProgramSummaryDto> {
    const manager = this.dataSource.manager;
    const program = await this.ownOrAdmin(actor, id);
    const { byKind, paidByCofunder } = await this.ledger.programBalances(manager, id);
    const [{ n, returned }] = await manager.query<{ n: number; returned: string }[]>(
      `SELECT (SELECT count(*)::int FROM vouchers WHERE program_id = $1) AS n,
              (SELECT coalesce(sum(p.amount_fen), 0)::bigint FROM ledger_postings p
                 JOIN ledger_transactions t ON t.id = p.transaction_id
                 JOIN ledger_accounts a ON a.id = p.account_id
                WHERE t.program_id = $1 AND t.kind = 'EXPIRE_RETURN' AND a.kind = 'BUDGET') AS returned`,
      [id],
    );
    const budgetFen = -byKind.FUNDING;
    const budgetShares = splitByBasisPoints(
      budgetFen,
      program.cofunders.map((c) => c.shareBp),
    );
    return {
      programId: id,
      budgetFen,
      issuedFen: budgetFen - byKind.BUDGET,
      heldFen: byKind.HOLD,
      availableOnVouchersFen: byKind.VOUCHER,
      payableFen: byKind.PAYABLE,
      paidFen: byKind.PAID,
      remainingFen: byKind.BUDGET,
      vouchersIssued: n,
      returnedOnExpiryFen: parseFen(returned),
      cofunders: program.cofunders.map((c, i) => ({
        key: c.key,
        name: c.name,
        shareBp: c.shareBp,
        budgetFen: budgetShares[i],
        paidFen: paidByCofunder[c.key] ?? 0,
      })),
    };
  }

  async ledgerPage(actor: Actor, id: string, page: PageQueryDto): Promise<LedgerPageDto> {
    await this.ownOrAdmin(actor, id);
    const manager = this.dataSource.manager;
    const [{ total }] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM ledger_transactions WHERE program_id = $1`,
      [id],
    );
    const rows = await manager.query<
      {
        id: string;
        kind: string;
        ref_type: string;
        ref_id: string;
        memo: string | null;
        created_at: Date;
        postings: { account: string; voucherId: string | null; cofunderKey: string | null; amountFen: string }[];
      }[]
    >(
      `SELECT t.id, t.kind, t.ref_type, t.ref_id, t.memo, t.created_at,
              json_agg(json_build_object('account', a.kind, 'voucherId', a.voucher_id, 'cofunderKey', a.cofunder_key,
                                         'amountFen', p.amount_fen::text) ORDER BY p.id) AS postings
         FROM ledger_transactions t
         JOIN ledger_postings p ON p.transaction_id = t.id
         JOIN ledger_accounts a ON a.id = p.account_id
        WHERE t.program_id = $1
        GROUP BY t.id ORDER BY t.created_at, t.id LIMIT $2 OFFSET $3`,
      [id, page.limit, page.offset],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        refType: r.ref_type,
        refId: r.ref_id,
        memo: r.memo,
        createdAt: r.created_at,
        postings: r.postings.map((p) => ({ ...p, amountFen: parseFen(p.amountFen) })),
      })),
      total,
      page: page.page,
      limit: page.limit,
    };
  }

  /**
   * The program's accounts with their balances, and the ledger verifier's result: it checks the whole
   * database in one snapshot, and only the violations naming one of this program's rows are shown.
   */
  async ledgerBalances(actor: Actor, id: string): Promise<LedgerBalancesDto> {
    await this.ownOrAdmin(actor, id);
    const manager = this.dataSource.manager;
    const accounts = await manager.query<
      { id: string; kind: string; voucher_id: string | null; cofunder_key: string | null; balance_fen: string }[]
    >(
      `SELECT id, kind, voucher_id, cofunder_key, balance_fen FROM ledger_accounts WHERE program_id = $1
        ORDER BY array_position(ARRAY['FUNDING','BUDGET','VOUCHER','HOLD','PAYABLE','PAID'], kind::text), id`,
      [id],
    );
    const violations = await verifyLedger(manager);
    const own = new Set<string>([id, ...accounts.map((a) => a.id), ...accounts.flatMap((a) => a.voucher_id ?? [])]);
    if (violations.length > 0) {
      const tx = await manager.query<{ id: string }[]>(`SELECT id FROM ledger_transactions WHERE program_id = $1`, [
        id,
      ]);
      tx.forEach((t) => own.add(t.id));
    }
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    return {
      programId: id,
      accounts: accounts.map((a) => ({
        id: a.id,
        kind: a.kind,
        voucherId: a.voucher_id,
        cofunderKey: a.cofunder_key,
        balanceFen: parseFen(a.balance_fen),
      })),
      verifiedAt: this.clock.now(),
      invariantsChecked: LEDGER_INVARIANTS.length,
      violations: violations.filter((v) => (v.detail.match(uuid) ?? []).some((u) => own.has(u))),
    };
  }

  /** 公示: approved claims during their notice period — public, as the policy documents require. */
  async publicNotice(id: string, page: PageQueryDto): Promise<Page<PublicNoticeItemDto>> {
    const manager = this.dataSource.manager;
    const program = await manager.findOneBy(VoucherProgram, { id });
    if (!program || program.status === 'DRAFT') throw new NotFoundError('Voucher program');
    const today = chinaDate(this.clock.now());
    const rows = await manager.query<
      {
        id: string;
        sme_org_id: string;
        platform_id: string;
        amount_fen: string;
        decided_at: Date;
        notice_until: string;
        status: 'APPROVED' | 'UNDER_OBJECTION';
      }[]
    >(
      `SELECT c.id, c.sme_org_id, c.platform_id, c.amount_fen, c.decided_at, c.notice_until::text AS notice_until, c.status
         FROM voucher_claims c
        WHERE c.program_id = $1 AND c.status IN ('APPROVED', 'UNDER_OBJECTION') AND c.notice_until >= $2
        ORDER BY c.decided_at DESC, c.id LIMIT $3 OFFSET $4`,
      [id, today, page.limit, page.offset],
    );
    // The names come from their owners, one batch each.
    const [smeNames, platforms] = await Promise.all([
      this.orgs.namesOf(rows.map((r) => r.sme_org_id)),
      this.platforms.ofIds(rows.map((r) => r.platform_id)),
    ]);
    const items = rows.map((r) => ({
      claimId: r.id,
      smeName: smeNames.get(r.sme_org_id)!,
      platformName: platforms.get(r.platform_id)!.name,
      amountFen: parseFen(r.amount_fen),
      approvedOn: chinaDate(r.decided_at),
      noticeUntil: r.notice_until,
      status: r.status,
    }));
    return toPage(items, await this.noticeCount(id, today), page);
  }

  private async noticeCount(id: string, today: string): Promise<number> {
    const [{ total }] = await this.dataSource.manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM voucher_claims
        WHERE program_id = $1 AND status IN ('APPROVED', 'UNDER_OBJECTION') AND notice_until >= $2`,
      [id, today],
    );
    return total;
  }

  private async ownOrAdmin(actor: Actor, id: string): Promise<VoucherProgram> {
    if (actor.orgKind === 'ADMIN') {
      const program = await this.dataSource.manager.findOneBy(VoucherProgram, { id });
      if (!program) throw new NotFoundError('Voucher program');
      return program;
    }
    return programRunBy(this.dataSource.manager, actor, id);
  }
}
