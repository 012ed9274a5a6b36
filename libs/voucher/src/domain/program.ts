import { RECOGNITION_RANK, RecognitionLevel } from '@pilotlink/core';
import { assertTransition, TransitionTable } from '@pilotlink/core';

/** SPEC §6 program kinds: 中试服务券 | 科技创新券. */
export const PROGRAM_KINDS = ['PILOT_SERVICE', 'INNOVATION'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

/**
 * REIMBURSE (通用, 企业兑付): the SME pays in full and claims the subsidy itself.
 * DEDUCT (通兑, 服务机构兑付): the voucher is deducted at checkout and the platform claims it.
 */
export const REDEMPTION_MODES = ['REIMBURSE', 'DEDUCT'] as const;
export type RedemptionMode = (typeof REDEMPTION_MODES)[number];

export const PROGRAM_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

/** A draft that is never opened may be closed directly; nothing reopens a closed program. */
export const PROGRAM_TRANSITIONS: TransitionTable<ProgramStatus> = {
  DRAFT: ['OPEN', 'CLOSED'],
  OPEN: ['CLOSED'],
  CLOSED: [],
};

export function assertProgramTransition(from: ProgramStatus, to: ProgramStatus): void {
  assertTransition('VoucherProgram', PROGRAM_TRANSITIONS, from, to);
}

/** Purposes a program may exclude; statutory/mandatory testing is not subsidised in practice. */
export const EXCLUDABLE_PURPOSES = ['STATUTORY_TESTING'] as const;
export type ExcludablePurpose = (typeof EXCLUDABLE_PURPOSES)[number];

/** A service's excludable purposes: the catalogue marks statutory testing as `voucherEligible = false`. */
export function servicePurposes(service: { voucherEligible: boolean }): ExcludablePurpose[] {
  return service.voucherEligible ? [] : ['STATUTORY_TESTING'];
}

/**
 * Does a platform's recognition meet the program's minimum (NONE < CITY < PROVINCE < NATIONAL)?
 * An unknown level ranks below NONE, so bad data never passes a minimum.
 */
export function meetsRecognition(level: string, minimum: RecognitionLevel): boolean {
  const rank = (RECOGNITION_RANK as Record<string, number | undefined>)[level] ?? -1;
  return rank >= RECOGNITION_RANK[minimum];
}
