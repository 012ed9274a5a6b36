import { Injectable } from '@nestjs/common';
import { DomainError, parseFen } from '@pilotlink/core';
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
  async used(
    manager: EntityManager,
    programId: string,
    s: Subjects,
  ): Promise<Record<'sme' | 'platform' | 'pair', number>> {
    const rows = await manager.query<{ scope: Scope; used_fen: string }[]>(
      `SELECT scope, used_fen FROM voucher_cap_usage
        WHERE program_id = $1 AND (scope, subject_key) IN (('SME', $2), ('PLATFORM', $3), ('PAIR', $4))`,
      [programId, s.smeOrgId, s.platformId, pairKey(s)],
    );
    const of = (scope: Scope) => parseFen(rows.find((r) => r.scope === scope)?.used_fen ?? '0');
    return { sme: of('SME'), platform: of('PLATFORM'), pair: of('PAIR') };
  }

  async take(manager: EntityManager, program: VoucherProgram, s: Subjects, amountFen: number): Promise<void> {
    for (const { scope, key, cap, once } of countersOf(program, s)) {
      const rows = await manager.query<unknown[]>(
        `INSERT INTO voucher_cap_usage (program_id, scope, subject_key, used_fen) VALUES ($1, $2, $3, $4)
         ON CONFLICT (program_id, scope, subject_key) DO UPDATE
           SET used_fen = voucher_cap_usage.used_fen + EXCLUDED.used_fen
         WHERE ($6 AND voucher_cap_usage.used_fen = 0)
            OR (NOT $6 AND voucher_cap_usage.used_fen + EXCLUDED.used_fen <= $5::bigint)
         RETURNING used_fen`,
        [program.id, scope, key, String(amountFen), cap === null ? null : String(cap), once],
      );
      if (rows.length === 0) {
        throw new DomainError(CAP_REASON[scope], 'A cap of the program is reached for this order', {
          reasons: [CAP_REASON[scope]],
        });
      }
    }
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

function pairKey(s: Subjects): string {
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
