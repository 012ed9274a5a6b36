import { Injectable } from '@nestjs/common';
import { DomainError, parseFen } from '@pilotlink/core';
import { querySql, rawSql, Sql, sql } from '@pilotlink/database';
import { EntityManager } from 'typeorm';
import type { IneligibleReason } from '../domain/eligibility';
import type { VoucherProgram } from '../entities/voucher-program.entity';

type Scope = 'SME' | 'PLATFORM' | 'PAIR';

interface Subjects {
  smeOrgId: string;
  platformId: string;
}

const CAP_REASON: Record<Scope, IneligibleReason> = {
  SME: 'SME_YEAR_CAP_REACHED',
  PLATFORM: 'PLATFORM_YEAR_CAP_REACHED',
  PAIR: 'PAIR_ALREADY_SUBSIDISED',
};

/**
 * What a program has committed per SME, per platform and per SME–platform pair (live and converted
 * holds), for its yearly caps (a program is one year's). Only the caps a program has are counted.
 * Taking is one conditional upsert per counter: of two racing holds, the one that would pass the cap
 * changes no row and is refused, whatever the two read before.
 */
@Injectable()
export class CapCounters {
  async used(manager: EntityManager, programId: string, s: Subjects): Promise<CapsUsed> {
    const [{ used }] = await manager.query<{ used: Record<string, string> }[]>(
      `SELECT ${capsUsedJson('$1', '$2', '$3', '$4')} AS used`,
      [programId, s.smeOrgId, s.platformId, pairKey(s)],
    );
    return capsUsedOf(used);
  }

  /** All the program's counters in one statement; any counter it would take past its cap refuses the hold. */
  async take(manager: EntityManager, program: VoucherProgram, s: Subjects, amountFen: number): Promise<void> {
    const taking = this.takeSql(program, s, amountFen, 'caps');
    if (!taking) return;
    const [row] = await querySql<Record<string, unknown>>(manager, sql`WITH ${taking.ctes} SELECT ${taking.result}`);
    taking.check(row);
  }

  /**
   * `take` as part of a caller's statement (null when the program has no cap): `ctes` (named `<name>`) is one
   * conditional upsert per counter, `result` the select-list item naming the counters taken, `check` refuses
   * the hold when one was not.
   */
  takeSql(
    program: VoucherProgram,
    s: Subjects,
    amountFen: number,
    name: string,
  ): { ctes: Sql; result: Sql; check: (row: Record<string, unknown>) => void } | null {
    const counters = countersOf(program, s);
    if (counters.length === 0) return null;
    const ctes = sql`${rawSql(name)}_c(scope, subject_key, cap, once) AS (
         SELECT * FROM unnest(${counters.map((c) => c.scope)}::text[], ${counters.map((c) => c.key)}::text[],
                              ${counters.map((c) => (c.cap === null ? null : String(c.cap)))}::bigint[],
                              ${counters.map((c) => c.once)}::boolean[])),
       ${rawSql(name)} AS (
         INSERT INTO voucher_cap_usage AS u (program_id, scope, subject_key, used_fen)
         SELECT ${program.id}::uuid, c.scope, c.subject_key, ${String(amountFen)}::bigint FROM ${rawSql(name)}_c c
         ON CONFLICT (program_id, scope, subject_key) DO UPDATE SET used_fen = u.used_fen + EXCLUDED.used_fen
         WHERE (SELECT CASE WHEN c.once THEN u.used_fen = 0 ELSE u.used_fen + EXCLUDED.used_fen <= c.cap END
                  FROM ${rawSql(name)}_c c WHERE c.scope = EXCLUDED.scope)
         RETURNING scope)`;
    const result = sql`(SELECT coalesce(array_agg(scope), '{}') FROM ${rawSql(name)}) AS ${rawSql(name)}_taken`;
    const check = (row: Record<string, unknown>) => {
      const taken = row[`${name}_taken`] as Scope[];
      const refused = counters.find((c) => !taken.includes(c.scope));
      if (refused) {
        throw new DomainError(CAP_REASON[refused.scope], 'A cap of the program is reached for this order', {
          reasons: [CAP_REASON[refused.scope]],
        });
      }
    };
    return { ctes, result, check };
  }

  async give(manager: EntityManager, program: VoucherProgram, s: Subjects, amountFen: number): Promise<void> {
    for (const { scope, key } of countersOf(program, s)) {
      await manager.query(
        `UPDATE voucher_cap_usage SET used_fen = used_fen - $4 WHERE program_id = $1 AND scope = $2 AND subject_key = $3`,
        [program.id, scope, key, String(amountFen)],
      );
    }
  }
}

export type CapsUsed = Record<'sme' | 'platform' | 'pair', number>;

/**
 * What the program has used of its SME, platform and pair counters, as a JSON object keyed by scope: a
 * subquery the holds embed in their voucher query. The arguments are SQL expressions (parameters).
 */
export function capsUsedJson(programId: string, smeOrgId: string, platformId: string, pair: string): string {
  return `(SELECT coalesce(json_object_agg(u.scope, u.used_fen), '{}') FROM voucher_cap_usage u
            WHERE u.program_id = ${programId}
              AND (u.scope, u.subject_key) IN (('SME', ${smeOrgId}::text), ('PLATFORM', ${platformId}::text), ('PAIR', ${pair}::text)))`;
}

export function capsUsedOf(json: Record<string, string | number>): CapsUsed {
  const of = (scope: Scope) => parseFen(String(json[scope] ?? '0'));
  return { sme: of('SME'), platform: of('PLATFORM'), pair: of('PAIR') };
}

export function pairKey(s: Subjects): string {
  return `${s.smeOrgId}:${s.platformId}`;
}

function countersOf(program: VoucherProgram, s: Subjects) {
  const counters: { scope: Scope; key: string; cap: number | null; once: boolean }[] = [];
  if (program.capPerSmeYearFen !== null) {
    counters.push({ scope: 'SME', key: s.smeOrgId, cap: parseFen(program.capPerSmeYearFen), once: false });
  }
  if (program.capPerPlatformYearFen !== null) {
    counters.push({ scope: 'PLATFORM', key: s.platformId, cap: parseFen(program.capPerPlatformYearFen), once: false });
  }
  if (program.onePerPair) counters.push({ scope: 'PAIR', key: pairKey(s), cap: null, once: true });
  return counters;
}
