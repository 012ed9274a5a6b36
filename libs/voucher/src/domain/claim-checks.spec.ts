import { allChecksPassed, ClaimCheckFacts, claimChecks } from './claim-checks';

const facts: ClaimCheckFacts = {
  invoiceAmountFen: 200_000,
  contractAmountFen: 200_000,
  owedBySmeFen: 140_000, // DEDUCT: 200,000 agreed − 60,000 deducted
  paidFen: 140_000,
  completedOn: '2026-06-20',
  voucherValidFrom: '2026-03-01',
  voucherValidUntil: '2026-12-31',
  holdCreatedOn: '2026-04-02',
  contractNumberGiven: 'JJ-2026-017',
  contractNumber: 'JJ-2026-017',
};

const failed = (f: Partial<ClaimCheckFacts>) =>
  claimChecks({ ...facts, ...f })
    .filter((check) => !check.passed)
    .map((check) => check.code);

describe('claimChecks', () => {
  it('all pass, in order, with details', () => {
    const checks = claimChecks(facts);
    expect(checks.map((c) => [c.code, c.passed])).toEqual([
      ['INVOICE_MATCHES_CONTRACT', true],
      ['CONTRACT_NUMBER_MATCHES', true],
      ['PAYMENTS_COVER_SME_SHARE', true],
      ['COMPLETED_WITHIN_VALIDITY', true],
      ['HELD_WITHIN_VALIDITY', true],
    ]);
    expect(checks[0].detail).toBe('invoice 200000 fen, contract 200000 fen');
    expect(checks[2].detail).toBe('paid 140000 fen of 140000 fen owed by the SME');
    expect(allChecksPassed(checks)).toBe(true);
  });

  it.each<[string, Partial<ClaimCheckFacts>, string[]]>([
    ['invoice 1 fen short', { invoiceAmountFen: 199_999 }, ['INVOICE_MATCHES_CONTRACT']],
    ['invoice 1 fen over', { invoiceAmountFen: 200_001 }, ['INVOICE_MATCHES_CONTRACT']],
    ['another contract number', { contractNumberGiven: 'JJ-2026-018' }, ['CONTRACT_NUMBER_MATCHES']],
    ['no contract number on the order', { contractNumber: '', contractNumberGiven: '' }, ['CONTRACT_NUMBER_MATCHES']],
    ['contract number with spaces and lower case', { contractNumberGiven: ' jj-2026-017 ' }, []],
    ['paid 1 fen less than owed', { paidFen: 139_999 }, ['PAYMENTS_COVER_SME_SHARE']],
    ['paid more than owed', { paidFen: 200_000 }, []],
    ['not completed', { completedOn: null }, ['COMPLETED_WITHIN_VALIDITY']],
    ['completed the day after expiry', { completedOn: '2027-01-01' }, ['COMPLETED_WITHIN_VALIDITY']],
    ['completed on the last valid day', { completedOn: '2026-12-31' }, []],
    ['held the day before validity', { holdCreatedOn: '2026-02-28' }, ['HELD_WITHIN_VALIDITY']],
    ['held on the first valid day', { holdCreatedOn: '2026-03-01' }, []],
    ['held after expiry', { holdCreatedOn: '2027-01-01' }, ['HELD_WITHIN_VALIDITY']],
  ])('%s', (_label, patch, expected) => {
    expect(failed(patch)).toEqual(expected);
  });

  it('says why, for a reviewer', () => {
    const checks = claimChecks({ ...facts, completedOn: null, contractNumber: '' });
    expect(checks[1].detail).toBe('no contract number on the order');
    expect(checks[3].detail).toBe('order not completed');
    expect(claimChecks({ ...facts, holdCreatedOn: '2027-01-01' })[4].detail).toBe(
      'held 2027-01-01, valid 2026-03-01..2026-12-31',
    );
    expect(allChecksPassed(checks)).toBe(false);
  });
});
