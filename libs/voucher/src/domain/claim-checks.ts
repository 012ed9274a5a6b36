/** What a claim is checked against before a person looks at it (SPEC §6). Dates are YYYY-MM-DD. */
export interface ClaimCheckFacts {
  invoiceAmountFen: number;
  contractAmountFen: number;
  /** What the SME had to pay itself: the agreed amount, less the deduction under DEDUCT. */
  owedBySmeFen: number;
  paidFen: number;
  completedOn: string | null;
  voucherValidFrom: string;
  voucherValidUntil: string;
  holdCreatedOn: string;
  /** As typed on the claim. */
  contractNumberGiven: string;
  /** As recorded on the order. */
  contractNumber: string;
  /**
   * The hold survived its voucher's expiry (its order was contracted before valid_until): completion may
   * then fall after valid_until, within the claim window (SPEC §6 releases).
   */
  survivedExpiry?: boolean;
}

export const CLAIM_CHECK_CODES = [
  'INVOICE_MATCHES_CONTRACT',
  'CONTRACT_NUMBER_MATCHES',
  'PAYMENTS_COVER_SME_SHARE',
  'COMPLETED_WITHIN_VALIDITY',
  'HELD_WITHIN_VALIDITY',
] as const;
export type ClaimCheckCode = (typeof CLAIM_CHECK_CODES)[number];

export interface ClaimCheck {
  code: ClaimCheckCode;
  passed: boolean;
  detail: string;
}

/** Contract numbers are compared as people write them: ignoring surrounding spaces and case. */
function normaliseContractNumber(value: string | null | undefined): string {
  return (value ?? '').trim().toUpperCase();
}

function within(date: string, from: string, until: string): boolean {
  return date >= from && date <= until;
}

/** Every check, in `CLAIM_CHECK_CODES` order, with a detail a reviewer can read. */
export function claimChecks(f: ClaimCheckFacts): ClaimCheck[] {
  const given = normaliseContractNumber(f.contractNumberGiven);
  const recorded = normaliseContractNumber(f.contractNumber);
  const validity = `${f.voucherValidFrom}..${f.voucherValidUntil}`;
  const completedInside =
    f.completedOn !== null &&
    (f.survivedExpiry
      ? f.completedOn >= f.voucherValidFrom
      : within(f.completedOn, f.voucherValidFrom, f.voucherValidUntil));
  return [
    {
      code: 'INVOICE_MATCHES_CONTRACT',
      passed: f.invoiceAmountFen === f.contractAmountFen,
      detail: `invoice ${f.invoiceAmountFen} fen, contract ${f.contractAmountFen} fen`,
    },
    {
      code: 'CONTRACT_NUMBER_MATCHES',
      passed: recorded !== '' && given === recorded,
      detail: recorded === '' ? 'no contract number on the order' : `given "${given}", order "${recorded}"`,
    },
    {
      code: 'PAYMENTS_COVER_SME_SHARE',
      passed: f.paidFen >= f.owedBySmeFen,
      detail: `paid ${f.paidFen} fen of ${f.owedBySmeFen} fen owed by the SME`,
    },
    {
      code: 'COMPLETED_WITHIN_VALIDITY',
      passed: completedInside,
      detail:
        f.completedOn === null
          ? 'order not completed'
          : `completed ${f.completedOn}, valid ${validity}${f.survivedExpiry ? ' (contracted before expiry: the hold survived it)' : ''}`,
    },
    {
      code: 'HELD_WITHIN_VALIDITY',
      passed: within(f.holdCreatedOn, f.voucherValidFrom, f.voucherValidUntil),
      detail: `held ${f.holdCreatedOn}, valid ${validity}`,
    },
  ];
}

export function allChecksPassed(checks: readonly ClaimCheck[]): boolean {
  return checks.every((check) => check.passed);
}
