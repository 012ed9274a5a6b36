import { OrderDeductions } from '@pilotlink/booking';
import { EntityManager } from 'typeorm';

/** One broken invariant: which one, and the offending ids and amounts. */
export interface LedgerViolation {
  invariant: string;
  detail: string;
}

/** bigint and numeric columns arrive as strings from pg: amounts are compared in SQL and only quoted here. */
type Row = Record<string, string | number | boolean | null>;

export interface LedgerInvariant {
  name: string;
  description: string;
  /** Returns one row per offence (none when the invariant holds). */
  sql: string;
  /** The statement's parameters, when it needs another context's figures (read in the same snapshot). */
  params?: (manager: EntityManager) => Promise<unknown[]>;
  detail: (row: Row) => string;
}

/** Booking's side of the deductions: the orders carrying one. It keeps no state. */
const orderDeductions = new OrderDeductions();

/** Statuses of a hold whose amount still sits in the voucher's HOLD account. */
const LIVE_HELD = `('HELD', 'CLAIMED')`;

/**
 * The invariants of the voucher money (SPEC §6), each one query over the whole database returning the
 * offending rows. Cached balances are checked against the postings first; the later per-program and
 * per-voucher checks read the cached balances.
 */
export const LEDGER_INVARIANTS: readonly LedgerInvariant[] = [
  {
    name: 'transaction-balanced',
    description: "each ledger transaction's postings sum to 0 and it has at least 2 postings",
    sql: `
      SELECT t.id, t.kind, count(p.id)::int AS postings, coalesce(sum(p.amount_fen), 0)::text AS total
        FROM ledger_transactions t LEFT JOIN ledger_postings p ON p.transaction_id = t.id
       GROUP BY t.id, t.kind
      HAVING count(p.id) < 2 OR coalesce(sum(p.amount_fen), 0) <> 0
       ORDER BY t.id`,
    detail: (r) => `transaction ${r.id} (${r.kind}): ${r.postings} posting(s) summing to ${r.total}`,
  },
  {
    name: 'posting-same-program',
    description: "each posting's account belongs to its transaction's program",
    sql: `
      SELECT p.id, p.transaction_id, t.program_id AS transaction_program, a.id AS account_id,
             a.program_id AS account_program
        FROM ledger_postings p
        JOIN ledger_transactions t ON t.id = p.transaction_id
        JOIN ledger_accounts a ON a.id = p.account_id
       WHERE a.program_id <> t.program_id
       ORDER BY p.id`,
    detail: (r) =>
      `posting ${r.id} of transaction ${r.transaction_id} (program ${r.transaction_program}) ` +
      `moves account ${r.account_id} of program ${r.account_program}`,
  },
  {
    name: 'account-balance-cached',
    description: "each account's cached balance_fen equals the sum of its postings",
    sql: `
      SELECT a.id, a.kind, a.voucher_id, a.cofunder_key, a.balance_fen::text AS cached,
             coalesce(s.total, 0)::text AS posted
        FROM ledger_accounts a
        LEFT JOIN (SELECT account_id, sum(amount_fen) AS total FROM ledger_postings GROUP BY account_id) s
               ON s.account_id = a.id
       WHERE a.balance_fen <> coalesce(s.total, 0)
       ORDER BY a.id`,
    detail: (r) => `account ${r.id} (${accountName(r)}): balance_fen ${r.cached}, postings sum to ${r.posted}`,
  },
  {
    name: 'no-negative-balance',
    description: 'no account other than FUNDING is below 0',
    sql: `
      SELECT id, kind, voucher_id, cofunder_key, balance_fen::text AS balance
        FROM ledger_accounts WHERE kind <> 'FUNDING' AND balance_fen < 0
       ORDER BY id`,
    detail: (r) => `account ${r.id} (${accountName(r)}) has balance ${r.balance}`,
  },
  {
    name: 'program-funding',
    description: 'per program: -FUNDING = budget_fen, and FUNDING + BUDGET + ΣVOUCHER + ΣHOLD + PAYABLE + ΣPAID = 0',
    sql: `
      SELECT p.id, p.budget_fen::text AS budget, coalesce(a.funding, 0)::text AS funding,
             coalesce(a.total, 0)::text AS total
        FROM voucher_programs p
        LEFT JOIN (SELECT program_id, sum(balance_fen) FILTER (WHERE kind = 'FUNDING') AS funding,
                          sum(balance_fen) AS total
                     FROM ledger_accounts GROUP BY program_id) a ON a.program_id = p.id
       WHERE -coalesce(a.funding, 0) <> p.budget_fen OR coalesce(a.total, 0) <> 0
       ORDER BY p.id`,
    detail: (r) =>
      `program ${r.id}: budget_fen ${r.budget}, FUNDING balance ${r.funding} (want ${negate(r.budget)}), ` +
      `all accounts sum to ${r.total} (want 0)`,
  },
  {
    name: 'voucher-hold-balance',
    description: 'per voucher: HOLD account = Σ amount of its holds in status HELD or CLAIMED',
    sql: `
      SELECT v.id, coalesce(a.balance_fen, 0)::text AS hold, coalesce(h.total, 0)::text AS held
        FROM vouchers v
        LEFT JOIN ledger_accounts a ON a.voucher_id = v.id AND a.kind = 'HOLD'
        LEFT JOIN (SELECT voucher_id, sum(amount_fen) AS total FROM voucher_holds
                    WHERE status IN ${LIVE_HELD} GROUP BY voucher_id) h ON h.voucher_id = v.id
       WHERE coalesce(a.balance_fen, 0) <> coalesce(h.total, 0)
       ORDER BY v.id`,
    detail: (r) => `voucher ${r.id}: HOLD account ${r.hold}, holds HELD/CLAIMED sum to ${r.held}`,
  },
  {
    name: 'voucher-face-value',
    description:
      'per voucher: face_value_fen = VOUCHER + HOLD + Σ converted holds + Σ returned to budget on expiry or revocation (EXPIRE_RETURN, REVOKE_RETURN)',
    sql: `
      WITH balances AS (
        SELECT voucher_id, sum(balance_fen) FILTER (WHERE kind = 'VOUCHER') AS available,
               sum(balance_fen) FILTER (WHERE kind = 'HOLD') AS held
          FROM ledger_accounts WHERE voucher_id IS NOT NULL GROUP BY voucher_id
      ), converted AS (
        SELECT voucher_id, sum(amount_fen) AS total FROM voucher_holds WHERE status = 'CONVERTED' GROUP BY voucher_id
      ), returned AS (
        SELECT a.voucher_id, -sum(p.amount_fen) AS total
          FROM ledger_postings p
          JOIN ledger_transactions t ON t.id = p.transaction_id AND t.kind IN ('EXPIRE_RETURN', 'REVOKE_RETURN')
          JOIN ledger_accounts a ON a.id = p.account_id AND a.kind = 'VOUCHER'
         GROUP BY a.voucher_id
      )
      SELECT v.id, v.face_value_fen::text AS face, coalesce(b.available, 0)::text AS available,
             coalesce(b.held, 0)::text AS held, coalesce(c.total, 0)::text AS converted,
             coalesce(r.total, 0)::text AS returned,
             (coalesce(b.available, 0) + coalesce(b.held, 0) + coalesce(c.total, 0) + coalesce(r.total, 0))::text AS sum
        FROM vouchers v
        LEFT JOIN balances b ON b.voucher_id = v.id
        LEFT JOIN converted c ON c.voucher_id = v.id
        LEFT JOIN returned r ON r.voucher_id = v.id
       WHERE v.face_value_fen <>
             coalesce(b.available, 0) + coalesce(b.held, 0) + coalesce(c.total, 0) + coalesce(r.total, 0)
       ORDER BY v.id`,
    detail: (r) =>
      `voucher ${r.id}: face value ${r.face} ≠ VOUCHER ${r.available} + HOLD ${r.held} + converted ${r.converted} ` +
      `+ returned on expiry ${r.returned} = ${r.sum}`,
  },
  {
    name: 'program-payable-paid',
    description: 'per program: PAYABLE = Σ APPROVED and UNDER_OBJECTION claims and ΣPAID accounts = Σ PAID claims',
    sql: `
      SELECT p.id, coalesce(a.payable, 0)::text AS payable, coalesce(c.approved, 0)::text AS approved,
             coalesce(a.paid, 0)::text AS paid, coalesce(c.paid, 0)::text AS paid_claims
        FROM voucher_programs p
        LEFT JOIN (SELECT program_id, sum(balance_fen) FILTER (WHERE kind = 'PAYABLE') AS payable,
                          sum(balance_fen) FILTER (WHERE kind = 'PAID') AS paid
                     FROM ledger_accounts GROUP BY program_id) a ON a.program_id = p.id
        LEFT JOIN (SELECT program_id, sum(amount_fen) FILTER (WHERE status IN ('APPROVED', 'UNDER_OBJECTION')) AS approved,
                          sum(amount_fen) FILTER (WHERE status = 'PAID') AS paid
                     FROM voucher_claims GROUP BY program_id) c ON c.program_id = p.id
       WHERE coalesce(a.payable, 0) <> coalesce(c.approved, 0) OR coalesce(a.paid, 0) <> coalesce(c.paid, 0)
       ORDER BY p.id`,
    detail: (r) =>
      `program ${r.id}: PAYABLE ${r.payable} vs APPROVED claims ${r.approved}; ` +
      `ΣPAID ${r.paid} vs PAID claims ${r.paid_claims}`,
  },
  {
    name: 'claim-payouts',
    description: "each PAID claim's payouts sum to its amount_fen (and unpaid claims have no payouts)",
    sql: `
      SELECT c.id, c.status, c.amount_fen::text AS amount, count(cp.claim_id)::int AS payouts,
             coalesce(sum(cp.amount_fen), 0)::text AS paid_out
        FROM voucher_claims c LEFT JOIN claim_payouts cp ON cp.claim_id = c.id
       GROUP BY c.id, c.status, c.amount_fen
      HAVING (c.status = 'PAID' AND c.amount_fen <> coalesce(sum(cp.amount_fen), 0))
          OR (c.status <> 'PAID' AND count(cp.claim_id) > 0)
       ORDER BY c.id`,
    detail: (r) => `claim ${r.id} (${r.status}, amount ${r.amount}): ${r.payouts} payout(s) summing to ${r.paid_out}`,
  },
  {
    name: 'cofunder-paid',
    description: "per program and co-funder: PAID account = Σ that co-funder's payouts",
    sql: `
      WITH accounts AS (
        SELECT program_id, cofunder_key, balance_fen FROM ledger_accounts WHERE kind = 'PAID'
      ), payouts AS (
        SELECT c.program_id, cp.cofunder_key, sum(cp.amount_fen) AS total
          FROM claim_payouts cp JOIN voucher_claims c ON c.id = cp.claim_id
         GROUP BY c.program_id, cp.cofunder_key
      )
      SELECT coalesce(a.program_id, p.program_id) AS program_id, coalesce(a.cofunder_key, p.cofunder_key) AS cofunder,
             a.balance_fen::text AS account, coalesce(p.total, 0)::text AS paid_out
        FROM accounts a FULL JOIN payouts p ON p.program_id = a.program_id AND p.cofunder_key = a.cofunder_key
       WHERE a.balance_fen IS NULL OR a.balance_fen <> coalesce(p.total, 0)
       ORDER BY 1, 2`,
    detail: (r) =>
      `program ${r.program_id}, co-funder ${r.cofunder}: PAID account ${r.account ?? '(missing)'}, ` +
      `payouts sum to ${r.paid_out}`,
  },
  {
    name: 'application-voucher',
    description:
      'APPROVED applications have a voucher (same program and SME) with face value = approved_fen; ' +
      'PENDING/REJECTED applications have none; every voucher comes from an approved application',
    sql: `
      SELECT 'application' AS what, a.id, a.status, a.voucher_id, a.approved_fen::text AS approved,
             v.face_value_fen::text AS face
        FROM voucher_applications a LEFT JOIN vouchers v ON v.id = a.voucher_id
       WHERE (a.status = 'APPROVED' AND (v.id IS NULL OR a.approved_fen IS DISTINCT FROM v.face_value_fen
                                         OR v.program_id <> a.program_id OR v.sme_org_id <> a.sme_org_id))
          OR (a.status <> 'APPROVED' AND a.voucher_id IS NOT NULL)
      UNION ALL
      SELECT 'voucher', v.id, v.status, NULL, NULL, v.face_value_fen::text
        FROM vouchers v
       WHERE NOT EXISTS (SELECT 1 FROM voucher_applications a WHERE a.voucher_id = v.id AND a.status = 'APPROVED')
       ORDER BY 1, 2`,
    detail: (r) =>
      r.what === 'voucher'
        ? `voucher ${r.id} (${r.status}, face value ${r.face}) has no approved application`
        : `application ${r.id} (${r.status}, approved ${r.approved ?? '-'}): voucher ${r.voucher_id ?? '(none)'}` +
          ` with face value ${r.face ?? '-'}`,
  },
  {
    name: 'order-deduction',
    description:
      'orders.voucher_deduction_fen = its live (HELD/CLAIMED/CONVERTED) hold amount when the program is DEDUCT, else 0',
    // Orders are booking's: it lists those carrying a deduction ($1), compared here with the holds (each
    // hold's order exists: a foreign key).
    sql: `
      SELECT coalesce(o."orderId", h.order_id) AS id, coalesce(o."deductionFen", 0)::text AS deduction,
             coalesce(h.total, 0)::text AS expected
        FROM jsonb_to_recordset($1::jsonb) AS o("orderId" uuid, "deductionFen" bigint)
        FULL JOIN (SELECT h.order_id, sum(h.amount_fen) AS total
                     FROM voucher_holds h JOIN voucher_programs p ON p.id = h.program_id
                    WHERE h.status IN ('HELD', 'CLAIMED', 'CONVERTED') AND p.redemption_mode = 'DEDUCT'
                    GROUP BY h.order_id) h ON h.order_id = o."orderId"
       WHERE coalesce(o."deductionFen", 0) <> coalesce(h.total, 0)
       ORDER BY 1`,
    params: async (manager) => [JSON.stringify(await orderDeductions.nonZero(manager))],
    detail: (r) => `order ${r.id}: voucher_deduction_fen ${r.deduction}, expected ${r.expected}`,
  },
  {
    name: 'one-hold-per-order',
    description: 'at most one non-RELEASED hold per order',
    sql: `
      SELECT order_id, count(*)::int AS holds, string_agg(id::text, ', ' ORDER BY id) AS ids
        FROM voucher_holds WHERE status <> 'RELEASED'
       GROUP BY order_id HAVING count(*) > 1
       ORDER BY order_id`,
    detail: (r) => `order ${r.order_id} has ${r.holds} live holds: ${r.ids}`,
  },
  {
    name: 'cap-usage',
    description:
      'cap counters (SME by sme_org_id, PLATFORM by platform_id) = Σ non-RELEASED hold amounts of the program and subject',
    sql: `
      WITH live AS (
        SELECT program_id, 'SME' AS scope, sme_org_id::text AS subject_key, sum(amount_fen) AS total
          FROM voucher_holds WHERE status <> 'RELEASED' GROUP BY program_id, sme_org_id
        UNION ALL
        SELECT program_id, 'PLATFORM', platform_id::text, sum(amount_fen)
          FROM voucher_holds WHERE status <> 'RELEASED' GROUP BY program_id, platform_id
      )
      SELECT u.program_id, u.scope, u.subject_key, u.used_fen::text AS used, coalesce(l.total, 0)::text AS held
        FROM voucher_cap_usage u
        LEFT JOIN live l ON l.program_id = u.program_id AND l.scope = u.scope AND l.subject_key = u.subject_key
       WHERE u.scope IN ('SME', 'PLATFORM') AND u.used_fen <> coalesce(l.total, 0)
       ORDER BY 1, 2, 3`,
    detail: (r) =>
      `program ${r.program_id}, ${r.scope} ${r.subject_key}: used_fen ${r.used}, live holds sum to ${r.held}`,
  },
  {
    name: 'voucher-status',
    description: 'EXHAUSTED vouchers have VOUCHER + HOLD = 0; ACTIVE ones have VOUCHER + HOLD > 0',
    sql: `
      SELECT v.id, v.status, coalesce(sum(a.balance_fen), 0)::text AS balance
        FROM vouchers v LEFT JOIN ledger_accounts a ON a.voucher_id = v.id AND a.kind IN ('VOUCHER', 'HOLD')
       WHERE v.status IN ('ACTIVE', 'EXHAUSTED')
       GROUP BY v.id, v.status
      HAVING (v.status = 'EXHAUSTED' AND coalesce(sum(a.balance_fen), 0) <> 0)
          OR (v.status = 'ACTIVE' AND coalesce(sum(a.balance_fen), 0) <= 0)
       ORDER BY v.id`,
    detail: (r) => `voucher ${r.id} is ${r.status} with VOUCHER + HOLD = ${r.balance}`,
  },
];

/**
 * Checks every invariant of LEDGER_INVARIANTS over the whole database and returns each violation
 * (empty when all hold). Outside a transaction it opens a read-only REPEATABLE READ one, so every query
 * sees the same snapshot even while money moves; inside one it uses the caller's.
 */
export async function verifyLedger(manager: EntityManager): Promise<LedgerViolation[]> {
  if (!manager.queryRunner?.isTransactionActive) {
    return manager.transaction('REPEATABLE READ', async (tx) => {
      await tx.query('SET TRANSACTION READ ONLY');
      return runInvariants(tx);
    });
  }
  return runInvariants(manager);
}

async function runInvariants(manager: EntityManager): Promise<LedgerViolation[]> {
  const violations: LedgerViolation[] = [];
  for (const invariant of LEDGER_INVARIANTS) {
    const rows = await manager.query<Row[]>(invariant.sql, invariant.params && (await invariant.params(manager)));
    for (const row of rows) violations.push({ invariant: invariant.name, detail: invariant.detail(row) });
  }
  return violations;
}

/** What the verifier looked at: row counts of the ledger and the voucher tables. */
export async function ledgerCounts(manager: EntityManager): Promise<Record<string, number>> {
  const [row] = await manager.query<Record<string, number>[]>(`
    SELECT (SELECT count(*) FROM voucher_programs)::int AS programs,
           (SELECT count(*) FROM ledger_accounts)::int AS accounts,
           (SELECT count(*) FROM ledger_transactions)::int AS transactions,
           (SELECT count(*) FROM ledger_postings)::int AS postings,
           (SELECT count(*) FROM vouchers)::int AS vouchers,
           (SELECT count(*) FROM voucher_holds)::int AS holds,
           (SELECT count(*) FROM voucher_claims)::int AS claims`);
  return row;
}

/** "HOLD of voucher …", "PAID to …", or the bare kind. */
export function accountName(row: Row): string {
  if (row.voucher_id) return `${row.kind} of voucher ${row.voucher_id}`;
  if (row.cofunder_key) return `${row.kind} to ${row.cofunder_key}`;
  return String(row.kind);
}

/** The negation of an integer given as a decimal string (no float: amounts may pass 2^53 in a sum). */
export function negate(value: Row[string]): string {
  const text = String(value ?? '0');
  if (text === '0') return '0';
  return text.startsWith('-') ? text.slice(1) : `-${text}`;
}
