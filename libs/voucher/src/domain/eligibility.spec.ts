import { EligibilityFacts, EligibilityProgram, HOLDABLE_ORDER_STATUSES, ineligibleReasons } from './eligibility';

/** A program with every restriction switched on, and facts that meet all of them. */
const program: EligibilityProgram = {
  status: 'OPEN',
  smeTechOnly: true,
  smeTeamsAllowed: false,
  smeRegionCodes: ['350500'], // 泉州市
  smeFieldCodes: ['MATERIALS'],
  eligibleCategories: ['SCALE_UP', 'TYPE_TEST'],
  excludedPurposes: ['STATUTORY_TESTING'],
  platformIds: ['p-1', 'p-2'],
  minRecognitionLevel: 'PROVINCE',
  onePerPair: true,
};

const facts: EligibilityFacts = {
  sme: { techSme: true, isTeam: false, regionCode: '350582' }, // 晋江市, under 泉州市
  service: { category: 'SCALE_UP', fieldCodes: ['MATERIALS_GRAPHENE'], voucherEligible: true },
  platform: { id: 'p-1', status: 'LISTED', recognitionLevel: 'PROVINCE' },
  order: { status: 'CONTRACTED' },
  voucher: { status: 'ACTIVE', validFrom: '2026-03-01', validUntil: '2026-12-31', availableFen: 50_000 },
  today: '2026-06-15',
  relatedParty: false,
  pairAlreadySubsidised: false,
  capsRemaining: { perOrderFen: 100_000, smeYearFen: 100_000, platformYearFen: 100_000 },
};

type Patch = { program?: Partial<EligibilityProgram>; facts?: Partial<EligibilityFacts> };

function check({ program: p = {}, facts: f = {} }: Patch) {
  return ineligibleReasons({ ...program, ...p }, { ...facts, ...f });
}

const voucher = (patch: Partial<NonNullable<EligibilityFacts['voucher']>>) => ({
  voucher: { ...facts.voucher!, ...patch },
});

describe('ineligibleReasons', () => {
  it('the base case is eligible', () => {
    expect(check({})).toEqual([]);
  });

  it.each<[string, Patch]>([
    ['PROGRAM_NOT_OPEN', { program: { status: 'DRAFT' } }],
    ['PROGRAM_NOT_OPEN', { program: { status: 'CLOSED' } }],
    ['VOUCHER_NOT_ACTIVE', { facts: voucher({ status: 'REVOKED' }) }],
    ['VOUCHER_EXPIRED', { facts: voucher({ status: 'EXPIRED' }) }],
    ['VOUCHER_EXPIRED', { facts: voucher({ validUntil: '2026-06-14' }) }],
    ['VOUCHER_NOT_YET_VALID', { facts: voucher({ validFrom: '2026-06-16' }) }],
    ['VOUCHER_EMPTY', { facts: voucher({ availableFen: 0 }) }],
    ['VOUCHER_EMPTY', { facts: voucher({ status: 'EXHAUSTED', availableFen: 0 }) }],
    ['SME_NOT_TECH_SME', { facts: { sme: { ...facts.sme, techSme: false } } }],
    ['SME_IS_TEAM', { facts: { sme: { ...facts.sme, isTeam: true } } }],
    ['SME_REGION', { facts: { sme: { ...facts.sme, regionCode: '350100' } } }], // 福州市
    ['SME_REGION', { facts: { sme: { ...facts.sme, regionCode: '350000' } } }], // the province is wider than the city
    ['SME_FIELD', { facts: { service: { ...facts.service, fieldCodes: ['ELECTRONICS_IC'] } } }],
    ['SME_FIELD', { facts: { service: { ...facts.service, fieldCodes: [] } } }],
    ['CATEGORY_NOT_ELIGIBLE', { facts: { service: { ...facts.service, category: 'CONSULTING_TRAINING' } } }],
    ['PURPOSE_EXCLUDED', { facts: { service: { ...facts.service, voucherEligible: false } } }],
    ['PLATFORM_NOT_LISTED', { facts: { platform: { ...facts.platform, status: 'SUSPENDED' } } }],
    ['PLATFORM_NOT_IN_PROGRAM', { facts: { platform: { ...facts.platform, id: 'p-3' } } }],
    ['RECOGNITION_TOO_LOW', { facts: { platform: { ...facts.platform, recognitionLevel: 'CITY' } } }],
    ['RECOGNITION_TOO_LOW', { facts: { platform: { ...facts.platform, recognitionLevel: 'UNKNOWN' } } }],
    ['ORDER_STATE', { facts: { order: { status: 'COMPLETED' } } }],
    ['ORDER_STATE', { facts: { order: { status: 'CANCELLED' } } }],
    ['ORDER_STATE', { facts: { order: { status: 'REJECTED' } } }],
    ['RELATED_PARTY', { facts: { relatedParty: true } }],
    ['PER_ORDER_CAP_REACHED', { facts: { capsRemaining: { ...facts.capsRemaining!, perOrderFen: 0 } } }],
    ['SME_YEAR_CAP_REACHED', { facts: { capsRemaining: { ...facts.capsRemaining!, smeYearFen: 0 } } }],
    ['SME_YEAR_CAP_REACHED', { facts: { capsRemaining: { ...facts.capsRemaining!, smeYearFen: -100 } } }],
    ['PLATFORM_YEAR_CAP_REACHED', { facts: { capsRemaining: { ...facts.capsRemaining!, platformYearFen: 0 } } }],
    ['PAIR_ALREADY_SUBSIDISED', { facts: { pairAlreadySubsidised: true } }],
  ])('%s alone', (reason, patch) => {
    expect(check(patch)).toEqual([reason]);
  });

  it.each<[string, Patch]>([
    ['the voucher is valid on its first day', { facts: voucher({ validFrom: '2026-06-15' }) }],
    ['the voucher is valid on its last day', { facts: voucher({ validUntil: '2026-06-15' }) }],
    ['1 fen available is enough', { facts: voucher({ availableFen: 1 }) }],
    ['no voucher: voucher reasons are not asked', { facts: { voucher: undefined } }],
    ['the region itself', { facts: { sme: { ...facts.sme, regionCode: '350500' } } }],
    ['the parent field itself', { facts: { service: { ...facts.service, fieldCodes: ['MATERIALS'] } } }],
    [
      'one of several fields matches',
      { facts: { service: { ...facts.service, fieldCodes: ['ELECTRONICS_IC', 'MATERIALS_POLYMER'] } } },
    ],
    ['a higher recognition', { facts: { platform: { ...facts.platform, recognitionLevel: 'NATIONAL' } } }],
    [
      'the SME is a team where teams are allowed',
      { program: { smeTeamsAllowed: true }, facts: { sme: { ...facts.sme, isTeam: true } } },
    ],
    [
      'not a tech SME where that is not required',
      { program: { smeTechOnly: false }, facts: { sme: { ...facts.sme, techSme: false } } },
    ],
    [
      'statutory testing where the program does not exclude it',
      { program: { excludedPurposes: [] }, facts: { service: { ...facts.service, voucherEligible: false } } },
    ],
    [
      'the pair was subsidised but the program allows repeats',
      { program: { onePerPair: false }, facts: { pairAlreadySubsidised: true } },
    ],
    [
      'empty lists mean any',
      {
        program: { smeRegionCodes: [], smeFieldCodes: [], eligibleCategories: [], platformIds: [] },
        facts: {
          sme: { ...facts.sme, regionCode: '440100' },
          service: { ...facts.service, category: 'SIMULATION', fieldCodes: [] },
          platform: { ...facts.platform, id: 'p-9' },
        },
      },
    ],
    ['uncapped', { facts: { capsRemaining: { perOrderFen: null, smeYearFen: null, platformYearFen: null } } }],
    ['caps not checked', { facts: { capsRemaining: undefined } }],
    [
      'no minimum recognition',
      {
        program: { minRecognitionLevel: 'NONE' },
        facts: { platform: { ...facts.platform, recognitionLevel: 'NONE' } },
      },
    ],
  ])('near miss, still eligible: %s', (_label, patch) => {
    expect(check(patch)).toEqual([]);
  });

  it.each(HOLDABLE_ORDER_STATUSES)('a hold may be placed on a %s order', (status) => {
    expect(check({ facts: { order: { status } } })).toEqual([]);
  });

  it('reports every reason that applies, in the declared order', () => {
    expect(
      check({
        program: { status: 'CLOSED' },
        facts: {
          relatedParty: true,
          sme: { ...facts.sme, isTeam: true },
          platform: { ...facts.platform, status: 'DELISTED', recognitionLevel: 'CITY' },
          ...voucher({ status: 'REVOKED', availableFen: 0 }),
        },
      }),
    ).toEqual([
      'PROGRAM_NOT_OPEN',
      'VOUCHER_NOT_ACTIVE',
      'VOUCHER_EMPTY',
      'SME_IS_TEAM',
      'PLATFORM_NOT_LISTED',
      'RECOGNITION_TOO_LOW',
      'RELATED_PARTY',
    ]);
  });
});
