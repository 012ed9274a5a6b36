import { Injectable } from '@nestjs/common';
import { DomainError, parseFen } from '@pilotlink/core';
import { querySql, rawSql, Sql, sql } from '@pilotlink/database';
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
  'REVOKE_RETURN',
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
    const movement = this.movementSql(entry, 'ledger');
    const [row] = await querySql<Record<string, unknown>>(
      manager,
      sql`WITH ${movement.ctes} SELECT ${movement.result}`,
    );
    return movement.check(row);
  }

  /**
   * A movement written as part of a caller's statement, so a service writes its change and the money's
   * movement in one round trip: `ctes` (named `<name>_…`) find the postings' accounts (a voucher's by voucher
   * and kind, the program's by kind and co-funder), lock them by primary key in id order (two movements over
   * the same accounts queue rather than deadlock), and only if every account exists and none but FUNDING
   * would go below zero, apply the deltas and write the transaction with its postings. `result` is the
   * select-list item reporting it, and `check` reads it back from the statement's row: the transaction id, or
   * the error saying which account is short (the caller's transaction then rolls back).
   */
  movementSql(
    entry: LedgerEntry,
    name: string,
  ): { ctes: Sql; result: Sql; check: (row: Record<string, unknown>) => string } {
    const postings = entry.postings.filter((p) => p.amountFen !== 0);
    for (const p of postings) {
      if (!Number.isSafeInteger(p.amountFen)) throw new Error(`Ledger amount ${p.amountFen} is not an integer fen`);
    }
    if (postings.reduce((sum, p) => sum + p.amountFen, 0) !== 0) throw new Error('Ledger postings must sum to zero');
    const n = (suffix: string) => rawSql(`${name}_${suffix}`);
    const ctes = sql`${n('ref')} AS (
         SELECT r.n, r.amount,
                CASE WHEN r.voucher_id IS NOT NULL
                  THEN (SELECT a.id FROM ledger_accounts a
                         WHERE a.program_id = ${entry.programId}::uuid AND a.kind = r.kind AND a.voucher_id = r.voucher_id)
                  ELSE (SELECT a.id FROM ledger_accounts a
                         WHERE a.program_id = ${entry.programId}::uuid AND a.kind = r.kind AND a.voucher_id IS NULL
                           AND a.cofunder_key IS NOT DISTINCT FROM r.cofunder_key)
                END AS id
           FROM unnest(${postings.map((p) => p.account.kind)}::text[], ${postings.map((p) => p.account.voucherId ?? null)}::uuid[],
                       ${postings.map((p) => p.account.cofunderKey ?? null)}::text[], ${postings.map((p) => String(p.amountFen))}::bigint[])
                WITH ORDINALITY AS r(kind, voucher_id, cofunder_key, amount, n)),
       ${n('delta')} AS (SELECT id, sum(amount) AS amount FROM ${n('ref')} WHERE id IS NOT NULL GROUP BY id),
       ${n('locked')} AS (
         SELECT id, kind, balance_fen FROM ledger_accounts WHERE id IN (SELECT id FROM ${n('delta')}) ORDER BY id FOR UPDATE),
       ${n('allowed')} AS (
         SELECT NOT EXISTS (SELECT 1 FROM ${n('ref')} WHERE id IS NULL)
            AND (SELECT count(*) FROM ${n('locked')}) = (SELECT count(*) FROM ${n('delta')})
            AND NOT EXISTS (SELECT 1 FROM ${n('locked')} l JOIN ${n('delta')} d USING (id)
                             WHERE l.kind <> 'FUNDING' AND l.balance_fen + d.amount < 0) AS ok),
       ${n('moved')} AS (  -- runs only after locked: it needs allowed, which reads all of locked
         UPDATE ledger_accounts a SET balance_fen = a.balance_fen + d.amount FROM ${n('delta')} d, ${n('allowed')} allowed
          WHERE a.id = d.id AND allowed.ok RETURNING a.id),
       ${n('t')} AS (
         INSERT INTO ledger_transactions (program_id, kind, ref_type, ref_id, memo)
         SELECT ${entry.programId}::uuid, ${entry.kind}::text, ${entry.refType}::text, ${entry.refId}::uuid, ${entry.memo ?? null}::text
           FROM ${n('allowed')} allowed WHERE allowed.ok RETURNING id),
       ${n('p')} AS (
         INSERT INTO ledger_postings (transaction_id, account_id, amount_fen)
         SELECT t.id, ref.id, ref.amount FROM ${n('t')} t, ${n('ref')} ref)`;
    const result = sql`(SELECT json_build_object(
         'transactionId', (SELECT id FROM ${n('t')}),
         'accounts', (SELECT json_agg(json_build_object('id', ref.id, 'kind', l.kind, 'balanceFen', l.balance_fen::text)
                                      ORDER BY ref.n)
                        FROM ${n('ref')} ref LEFT JOIN ${n('locked')} l USING (id)))) AS ${n('movement')}`;
    const check = (row: Record<string, unknown>) => {
      const moved = row[`${name}_movement`] as {
        transactionId: string | null;
        accounts: { id: string | null; kind: AccountKind | null; balanceFen: string | null }[];
      };
      const accounts = (moved.accounts ?? []).map((a) =>
        a.id && a.kind ? { id: a.id, kind: a.kind, balanceFen: parseFen(a.balanceFen ?? '0') } : null,
      );
      return this.outcome(entry, postings, accounts, moved.transactionId);
    };
    return { ctes, result, check };
  }

  /** The transaction id of a written movement; else why nothing was written. */
  private outcome(
    entry: LedgerEntry,
    postings: LedgerEntry['postings'],
    accounts: (LockedAccount | null)[],
    transactionId: string | null,
  ): string {
    const missing = postings.findIndex((_, i) => !accounts[i]);
    if (missing >= 0) {
      throw new Error(`Ledger account ${accountKey(entry.programId, postings[missing].account)} is not open`);
    }
    if (transactionId) return transactionId;
    // Nothing was written: say which account is short (the caller's transaction rolls back).
    const deltas = new Map<string, number>();
    postings.forEach((p, i) => deltas.set(accounts[i]!.id, (deltas.get(accounts[i]!.id) ?? 0) + p.amountFen));
    const short = accounts.find((a) => a!.kind !== 'FUNDING' && a!.balanceFen + deltas.get(a!.id)! < 0)!;
    throw new DomainError('INSUFFICIENT_BALANCE', `${SHORT_OF[short.kind]} is too small for this`, {
      account: short.kind,
      balanceFen: short.balanceFen,
      neededFen: -deltas.get(short.id)!,
    });
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

  /** `transfer` as part of a caller's statement (see `movementSql`). */
  transferSql(head: Omit<LedgerEntry, 'postings'>, from: AccountRef, to: AccountRef, amountFen: number, name: string) {
    return this.movementSql(
      {
        ...head,
        postings: [
          { account: from, amountFen: -amountFen },
          { account: to, amountFen },
        ],
      },
      name,
    );
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
}

interface LockedAccount {
  id: string;
  kind: AccountKind;
  balanceFen: number;
}

function accountKey(programId: string, ref: AccountRef): string {
  return `${programId}|${ref.kind}|${ref.voucherId ?? ''}|${ref.cofunderKey ?? ''}`;
}
