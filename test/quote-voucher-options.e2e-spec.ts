import { createPrivilegedOrg, createTestApp, RegisteredOrg, TestApp } from '@pilotlink/testing';
import { expectStatus, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

/** The SME's subsidy preview per quote: the order's voucher rules against the quote price, creating nothing. */
describe('quote voucher preview (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let operatorA: RegisteredOrg;
  let platformA: string;
  let operatorB: RegisteredOrg;
  let platformB: string;
  let sme: RegisteredOrg;
  let otherSme: RegisteredOrg;
  let voucherId: string;
  let demandId: string;

  const preview = (quoteId: string, who: RegisteredOrg) =>
    t.http.get(`/api/quotes/${quoteId}/voucher-options`).set(who.auth);
  const quote = async (operator: RegisteredOrg, platformId: string, priceFen: number, serviceId?: string) =>
    (
      await expectStatus(
        t.http.post(`/api/demands/${demandId}/quotes`).set(operator.auth).send({
          platformId,
          serviceId,
          priceFen,
          timelineDays: 30,
          scope: '功能面料中试放大与性能验证',
          validUntil: '2030-01-31',
        }),
        201,
      )
    ).body.id as string;
  const counts = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM voucher_holds) AS holds,
                (SELECT count(*)::int FROM ledger_transactions) AS transactions`,
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    w = await new VoucherWorld(t).init();
    ({ operator: operatorA, platformId: platformA } = await w.listedPlatform('晋江市纺织面料中试服务平台'));
    ({ operator: operatorB, platformId: platformB } = await w.listedPlatform('石狮市服装中试服务平台'));
    sme = await w.verifiedSme();
    otherSme = await w.verifiedSme();
    // 50 % of the price, a ¥10,000 voucher
    const programId = await w.openProgram({ name: '2026 年晋江市中试服务券', eligibleCategories: ['SCALE_UP'] });
    voucherId = await w.voucher(sme, programId, 1_000_000);
    const demand = await expectStatus(
      t.http
        .post('/api/demands')
        .set(sme.auth)
        .send({
          title: '功能面料中试',
          fieldCode: 'TEXTILE_FIBER',
          stage: 'PILOT',
          categories: ['SCALE_UP'],
          mode: 'OPEN',
          confidentiality: 'PUBLIC',
        }),
      201,
    );
    demandId = demand.body.id;
    await expectStatus(t.http.post(`/api/demands/${demandId}/publish`).set(sme.auth), 200);
  });
  afterAll(() => t.close());

  it('says what the best voucher would pay on each quote, by the order rules, and writes nothing', async () => {
    const cheap = await quote(operatorA, platformA, 800_000);
    const dear = await quote(operatorB, platformB, 3_000_000);
    const before = await counts();

    const cheapPreview = await expectStatus(preview(cheap, sme), 200);
    expect(cheapPreview.body).toMatchObject({
      quoteId: cheap,
      quoteAmountFen: 800_000,
      estimatedSubsidyFen: 400_000,
      bestProgramName: '2026 年晋江市中试服务券',
    });
    expect(cheapPreview.body.options).toEqual([
      expect.objectContaining({ voucherId, amountFen: 400_000, limitedBy: 'RULE', reasons: [], best: true }),
    ]);
    // half of ¥30,000 is more than the voucher holds: the balance bounds it
    const dearPreview = await expectStatus(preview(dear, sme), 200);
    expect(dearPreview.body).toMatchObject({ quoteAmountFen: 3_000_000, estimatedSubsidyFen: 1_000_000 });
    expect(dearPreview.body.options[0]).toMatchObject({ limitedBy: 'VOUCHER_BALANCE', best: true });
    expect(await counts()).toEqual(before);

    // accepted, the order's own options say the same
    const accepted = await expectStatus(t.http.post(`/api/quotes/${cheap}/accept`).set(sme.auth), 200);
    const orderOptions = await expectStatus(
      t.http.get(`/api/orders/${accepted.body.orderId}/voucher-options`).set(sme.auth),
      200,
    );
    expect(orderOptions.body.options[0].amountFen).toBe(cheapPreview.body.estimatedSubsidyFen);
  });

  it('a quote under an ineligible service previews 0 with the reason', async () => {
    const demand = await expectStatus(
      t.http
        .post('/api/demands')
        .set(sme.auth)
        .send({
          title: '面料检测',
          fieldCode: 'TEXTILE_FIBER',
          stage: 'PILOT',
          categories: ['SCALE_UP'],
          mode: 'OPEN',
          confidentiality: 'PUBLIC',
        }),
      201,
    );
    demandId = demand.body.id;
    await expectStatus(t.http.post(`/api/demands/${demandId}/publish`).set(sme.auth), 200);
    const perf = await w.fixedService(operatorA, platformA, 500_000, {
      title: '面料性能检测',
      category: 'PERFORMANCE_TEST',
    });
    const quoteId = await quote(operatorA, platformA, 500_000, perf);
    const res = await expectStatus(preview(quoteId, sme), 200);
    expect(res.body).toMatchObject({ estimatedSubsidyFen: 0, bestProgramName: null });
    expect(res.body.options[0]).toMatchObject({ amountFen: 0, reasons: ['CATEGORY_NOT_ELIGIBLE'], best: false });
  });

  it('only the buyer: another SME, the quoting platform and a bureau get 404', async () => {
    const quoteId = await quote(operatorB, platformB, 600_000);
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    for (const stranger of [otherSme, operatorB, bureau]) {
      const res = await preview(quoteId, stranger);
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    expect((await preview('00000000-0000-4000-8000-000000000000', sme)).status).toBe(404);
    expect((await t.http.get(`/api/quotes/${quoteId}/voucher-options`)).status).toBe(401);
  });
});
