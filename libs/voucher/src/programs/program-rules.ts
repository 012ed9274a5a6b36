import { parseFen } from '@pilotlink/core';
import type { ProgramRulesDto } from '../dto/program.request.dto';
import type { VoucherProgram } from '../entities/voucher-program.entity';

/** A program's rules as the API states them (fen as numbers): what a PATCH merges into, and what is shown. */
export function rulesOf(p: VoucherProgram): ProgramRulesDto {
  const fen = (v: string | null) => (v === null ? null : parseFen(v));
  return {
    kind: p.kind,
    name: p.name,
    year: p.year,
    rule: p.rule as ProgramRulesDto['rule'],
    maxVoucherFen: parseFen(p.maxVoucherFen),
    capPerSmeYearFen: fen(p.capPerSmeYearFen),
    capPerOrderFen: fen(p.capPerOrderFen),
    capPerPlatformYearFen: fen(p.capPerPlatformYearFen),
    onePerPair: p.onePerPair,
    smeTechOnly: p.smeTechOnly,
    smeTeamsAllowed: p.smeTeamsAllowed,
    smeRegionCodes: p.smeRegionCodes,
    smeFieldCodes: p.smeFieldCodes,
    eligibleCategories: p.eligibleCategories,
    excludedPurposes: p.excludedPurposes,
    platformIds: p.platformIds,
    minRecognitionLevel: p.minRecognitionLevel,
    applyFrom: p.applyFrom,
    applyUntil: p.applyUntil,
    validityDays: p.validityDays,
    redemptionMode: p.redemptionMode,
    cofunders: p.cofunders,
    noticeDays: p.noticeDays,
    claimWindowDays: p.claimWindowDays,
    spotCheckBp: p.spotCheckBp,
    makerChecker: p.makerChecker,
  };
}
