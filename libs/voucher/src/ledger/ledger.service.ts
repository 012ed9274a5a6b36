import { Injectable } from '@nestjs/common';
import { DomainError, parseFen } from '@pilotlink/core';
import { EntityManager } from 'typeorm';

export const ACCOUNT_KINDS = ['FUNDING', 'BUDGET', 'VOUCHER', 'HOLD', 'PAYABLE', 'PAID'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const LEDGER_TRANSACTION_KINDS = [
  'BUDGET_GRANT',
  'ISSUE',
  'HOLD',
  'RELEASE',
  'APPROVE',
  'PAY',
  'EXPIRE_RETURN',
] as const;
export type LedgerTransactionKind = (typeof LEDGER_TRANSACTION_KINDS)[number];

export interface AccountRef {
  kind: AccountKind;
  voucherId?: string;
  cofunderKey?: string;
}

export interface LedgerEntry {
  programId: string;
  kind: LedgerTransactionKind;
  refType: string;
  refId: string;
  memo?: string;
  /** Signed amounts: money leaves an account with a negative posting and arrives with a positive one. */
  postings: { account: AccountRef; amountFen: number }[];
}

/** Which account a message names when it would go negative. */
const SHORT_OF: Record<AccountKind, string> = {
  FUNDING: 'funding',
  BUDGET: 'The program budget',
  VOUCHER: "The voucher's available balance",
  HOLD: 'The held amount',
  PAYABLE: 'The payable amount',
  PAID: 'The paid amount',
};

/**
 * The double-entry ledger of voucher money (SPEC §6). Every movement is one transaction whose postings
 * sum to zero (checked here and again by a deferred trigger at commit); balances are kept on the
 * account rows, changed only here, under row locks taken in id order (so two movements over the same
 * accounts queue rather than deadlock); a movement that would take an account other than FUNDING
 * below zero is refused before anything is written, and a CHECK refuses it if this code were wrong.
 */
@Injectable()
export class Ledger {
  private readonly ids = new Map<string, string>();

  /** The program's fixed accounts: funding (outside money), unissued budget, payable, paid per co-funder. */
  async openProgramAccounts(manager: EntityManager, programId: string, cofunderKeys: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO ledger_accounts (program_id, kind, cofunder_key)
       SELECT $1::uuid, kind, NULL::text FROM unnest(ARRAY['FUNDING', 'BUDGET']) kind
       UNION ALL SELECT $1::uuid, 'PAID', key FROM unnest($2::text[]) key
       ON CONFLICT DO NOTHING`,
      [programId, cofunderKeys],
    );
  }

  /** A voucher's two accounts: its available balance and what is held on orders. */
  async openVoucherAccounts(manager: EntityManager, programId: string, voucherId: string): Promise<void> {
    await manager.query(
      `INSERT INTO ledger_accounts (program_id, kind, voucher_id) VALUES ($1::uuid, 'VOUCHER', $2::uuid), ($1::uuid, 'HOLD', $2::uuid), ($1::uuid, 'PAYABLE', $2::uuid)
       ON CONFLICT DO NOTHING`,
      [programId, voucherId],
    );
  }

  async post(manager: EntityManager, entry: LedgerEntry): Promise<string> {
    const postings = entry.postings.filter((p) => p.amountFen !== 0);
    for (const p of postings) {
      if (!Number.isSafeInteger(p.amountFen)) throw new Error(`Ledger amount ${p.amountFen} is not an integer fen`);
    }
    if (postings.reduce((sum, p) => sum + p.amountFen, 0) !== 0) throw new Error('Ledger postings must sum to zero');
    const accounts = await this.lockAccounts(
      manager,
      entry.programId,
      postings.map((p) => p.account),
    );
    const deltas = new Map<string, number>();
    postings.forEach((p, i) => deltas.set(accounts[i].id, (deltas.get(accounts[i].id) ?? 0) + p.amountFen));
    for (const account of accounts) {
      const after = account.balanceFen + (deltas.get(account.id) ?? 0);
      if (account.kind !== 'FUNDING' && after < 0) {
        throw new DomainError('INSUFFICIENT_BALANCE', `${SHORT_OF[account.kind]} is too small for this`, {
          account: account.kind,
          balanceFen: account.balanceFen,
          neededFen: account.balanceFen - after,
        });
      }
    }
    const ids = [...deltas.keys()];
    await manager.query(
      `UPDATE ledger_accounts a SET balance_fen = a.balance_fen + d.delta
         FROM unnest($1::uuid[], $2::bigint[]) d(id, delta) WHERE a.id = d.id`,
      [ids, ids.map((id) => String(deltas.get(id)))],
    );
    // The transaction and its postings in one statement (one round trip).
    const [{ transaction_id: transactionId }] = await manager.query<{ transaction_id: string }[]>(
      `WITH t AS (
         INSERT INTO ledger_transactions (program_id, kind, ref_type, ref_id, memo) VALUES ($1, $2, $3, $4, $5) RETURNING id)
       INSERT INTO ledger_postings (transaction_id, account_id, amount_fen)
       SELECT t.id, p.account_id, p.amount FROM t, unnest($6::uuid[], $7::bigint[]) p(account_id, amount)
       RETURNING transaction_id`,
      [
        entry.programId,
        entry.kind,
        entry.refType,
        entry.refId,
        entry.memo ?? null,
        accounts.map((a) => a.id),
        postings.map((p) => String(p.amountFen)),
      ],
    );
    return transactionId;
  }

  /** Moves `amountFen` from one account to another as one transaction. */
  transfer(
    manager: EntityManager,
    head: Omit<LedgerEntry, 'postings'>,
    from: AccountRef,
    to: AccountRef,
    amountFen: number,
  ): Promise<string> {
    return this.post(manager, {
      ...head,
      postings: [
        { account: from, amountFen: -amountFen },
        { account: to, amountFen },
      ],
    });
  }

  /** Balances of a voucher: available and held. */
  async voucherBalances(
    manager: EntityManager,
    voucherIds: string[],
  ): Promise<Map<string, { availableFen: number; heldFen: number }>> {
    const rows = await manager.query<{ voucher_id: string; kind: AccountKind; balance_fen: string }[]>(
      `SELECT voucher_id, kind, balance_fen FROM ledger_accounts
        WHERE voucher_id = ANY($1::uuid[]) AND kind IN ('VOUCHER', 'HOLD')`,
      [voucherIds],
    );
    const balances = new Map<string, { availableFen: number; heldFen: number }>();
    for (const id of voucherIds) balances.set(id, { availableFen: 0, heldFen: 0 });
    for (const row of rows) {
      const b = balances.get(row.voucher_id)!;
      if (row.kind === 'VOUCHER') b.availableFen = parseFen(row.balance_fen);
      if (row.kind === 'HOLD') b.heldFen = parseFen(row.balance_fen);
    }
    return balances;
  }

  /** The program's account balances by kind (PAID also per co-funder). */
  async programBalances(
    manager: EntityManager,
    programId: string,
  ): Promise<{ byKind: Record<AccountKind, number>; paidByCofunder: Record<string, number> }> {
    const rows = await manager.query<{ kind: AccountKind; cofunder_key: string | null; total: string }[]>(
      `SELECT kind, cofunder_key, sum(balance_fen)::bigint AS total FROM ledger_accounts
        WHERE program_id = $1 GROUP BY kind, cofunder_key`,
      [programId],
    );
    const byKind = Object.fromEntries(ACCOUNT_KINDS.map((k) => [k, 0])) as Record<AccountKind, number>;
    const paidByCofunder: Record<string, number> = {};
    for (const row of rows) {
      byKind[row.kind] += parseFen(row.total);
      if (row.kind === 'PAID' && row.cofunder_key) paidByCofunder[row.cofunder_key] = parseFen(row.total);
    }
    return { byKind, paidByCofunder };
  }

  /**
   * Locks the accounts (by primary key, in id order) and returns them in the order of `refs`. Account
   * ids never change, so they are remembered; an id remembered from a transaction that rolled back finds
   * no row, and is then looked up again.
   */
  private async lockAccounts(manager: EntityManager, programId: string, refs: AccountRef[]): Promise<LockedAccount[]> {
    let ids = await this.accountIds(manager, programId, refs, false);
    let locked = await this.lockByIds(manager, ids);
    if (locked.size < new Set(ids).size) {
      ids = await this.accountIds(manager, programId, refs, true);
      locked = await this.lockByIds(manager, ids);
    }
    return refs.map((ref, i) => {
      const account = locked.get(ids[i]);
      if (!account) throw new Error(`Ledger account ${accountKey(programId, ref)} is not open`);
      return account;
    });
  }

  private async lockByIds(manager: EntityManager, ids: string[]): Promise<Map<string, LockedAccount>> {
    const rows = await manager.query<{ id: string; kind: AccountKind; balance_fen: string }[]>(
      `SELECT id, kind, balance_fen FROM ledger_accounts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind, balanceFen: parseFen(r.balance_fen) }]));
  }

  /** The ids of the accounts, from memory unless `fresh`; unknown ones in two indexed queries. */
  private async accountIds(manager: EntityManager, programId: string, refs: AccountRef[], fresh: boolean) {
    const missing = refs.filter((ref) => fresh || !this.ids.has(accountKey(programId, ref)));
    if (missing.length) {
      const voucherIds = [...new Set(missing.map((r) => r.voucherId).filter((id): id is string => !!id))];
      const rows = await manager.query<
        { id: string; kind: AccountKind; voucher_id: string | null; cofunder_key: string | null }[]
      >(
        `SELECT id, kind, voucher_id, cofunder_key FROM ledger_accounts WHERE voucher_id = ANY($2::uuid[])
         UNION ALL
         SELECT id, kind, voucher_id, cofunder_key FROM ledger_accounts
          WHERE program_id = $1 AND kind IN ('FUNDING', 'BUDGET', 'PAID')`,
        [programId, voucherIds],
      );
      if (this.ids.size > MAX_REMEMBERED_ACCOUNTS) this.ids.clear();
      for (const row of rows) {
        this.ids.set(
          accountKey(programId, {
            kind: row.kind,
            voucherId: row.voucher_id ?? undefined,
            cofunderKey: row.cofunder_key ?? undefined,
          }),
          row.id,
        );
      }
    }
    return refs.map((ref) => this.ids.get(accountKey(programId, ref)) ?? '00000000-0000-0000-0000-000000000000');
  }
}

interface LockedAccount {
  id: string;
  kind: AccountKind;
  balanceFen: number;
}

/** Account ids remembered per process; plenty for the busiest programs, bounded all the same. */
const MAX_REMEMBERED_ACCOUNTS = 200_000;

function accountKey(programId: string, ref: AccountRef): string {
  return `${programId}|${ref.kind}|${ref.voucherId ?? ''}|${ref.cofunderKey ?? ''}`;
}
