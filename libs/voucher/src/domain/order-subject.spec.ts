import { ineligibleReasons } from './eligibility';
import { orderSubject } from './order-subject';

describe('what an order bought, for eligibility (quote and reservation orders too)', () => {
  const testing = { category: 'TESTING', fieldCodes: ['TEXTILE_FIBER'], voucherEligible: false };

  it('an order with a service is judged by that service — a quote delivered under a service included', () => {
    expect(orderSubject({ service: testing, reservation: null, demand: null })).toEqual(testing);
  });

  it('a reservation is EQUIPMENT_SHARING, voucher-eligible only if the platform offers sharing as an eligible service', () => {
    const reservation = { platformFieldCodes: ['TEXTILE'], equipmentSharingEligible: false };
    expect(orderSubject({ service: null, reservation, demand: null })).toEqual({
      category: 'EQUIPMENT_SHARING',
      fieldCodes: ['TEXTILE'],
      voucherEligible: false,
    });
    expect(
      orderSubject({ service: null, reservation: { ...reservation, equipmentSharingEligible: true }, demand: null })
        .voucherEligible,
    ).toBe(true);
  });

  it('a quote naming no service takes the demand’s category and is not declared voucher-eligible', () => {
    expect(
      orderSubject({
        service: null,
        reservation: null,
        demand: { categories: ['SCALE_UP', 'TESTING'], fieldCode: 'MATERIALS' },
      }),
    ).toEqual({ category: 'SCALE_UP', fieldCodes: ['MATERIALS'], voucherEligible: false });
  });

  it('so a 中试服务券 for SCALE_UP only refuses a quote order delivered under a TESTING service', () => {
    const program = {
      status: 'OPEN',
      smeTechOnly: false,
      smeTeamsAllowed: true,
      smeRegionCodes: [],
      smeFieldCodes: [],
      eligibleCategories: ['SCALE_UP'],
      excludedPurposes: ['STATUTORY_TESTING'],
      platformIds: [],
      minRecognitionLevel: 'NONE',
      onePerPair: false,
    } as const;
    const reasons = ineligibleReasons(program as never, {
      sme: { techSme: true, isTeam: false, regionCode: '350582' },
      service: orderSubject({ service: testing, reservation: null, demand: null }),
      platform: { id: 'p', status: 'LISTED', recognitionLevel: 'NONE' },
      order: { status: 'ACCEPTED' },
      today: '2026-03-02',
      relatedParty: false,
      pairAlreadySubsidised: false,
    });
    expect(reasons).toEqual(['CATEGORY_NOT_ELIGIBLE', 'PURPOSE_EXCLUDED']);
  });
});
