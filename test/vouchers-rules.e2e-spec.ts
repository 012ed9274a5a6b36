import { createPrivilegedOrg, createTestApp, RegisteredOrg, TestApp } from '@pilotlink/testing';
import { verifyLedger } from '@pilotlink/voucher/ledger/ledger-verifier';
import { expectStatus, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

/** Who may use which voucher on which order, and who may see or decide what: refusals write nothing. */
describe('vouchers: eligibility, related parties and access (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let operatorA: RegisteredOrg;
  let platformA: string;
  let operatorB: RegisteredOrg;
  let platformB: string;
  let sme: RegisteredOrg;
  let otherSme: RegisteredOrg;
  let scaleUpA: string;

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    w = await new VoucherWorld(t).init();
    ({ operator: operatorA, platformId: platformA } = await w.listedPlatform('晋江市纺织面料中试服务平台'));
    ({ operator: operatorB, platformId: platformB } = await w.listedPlatform('石狮市服装中试服务平台'));
    sme = await w.verifiedSme();
    otherSme = await w.verifiedSme();
    scaleUpA = await w.fixedService(operatorA, platformA, 1_000_000, { title: '面料中试放大', category: 'SCALE_UP' });
  });
  afterAll(() => t.close());
  afterEach(async () => {
    expect(await verifyLedger(t.db.manager)).toEqual([]);
  });

  /** A hold that must be refused with `code` and leave holds, ledger, caps and claims as they were. */
  async function expectRefusedHold(
    programId: string,
    orderId: string,
    voucherId: string,
    status: number,
    code: string,
    who = sme,
  ) {
    const before = await w.footprint(programId, orderId);
    const res = await w.hold(who, orderId, voucherId);
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(await w.footprint(programId, orderId)).toEqual(before);
    expect(before.liveHolds).toBe(0);
    return res;
  }

  describe('related parties (关联交易)', () => {
    let operator: RegisteredOrg;
    let relatedSme: RegisteredOrg;
    let programId: string;
    let voucherId: string;
    let serviceId: string;

    beforeAll(async () => {
      let platformId: string;
      ({ operator, platformId } = await w.listedPlatform('晋江市陶瓷材料中试服务平台'));
      serviceId = await w.fixedService(operator, platformId, 1_000_000, { title: '陶瓷釉料中试' });
      relatedSme = await w.verifiedSme();
      programId = await w.openProgram({ name: '2026 年晋江市中试服务券（关联）' });
      voucherId = await w.voucher(relatedSme, programId, 1_000_000);
    });

    it('the same legal representative: hold refused with RELATED_PARTY, nothing written', async () => {
      for (const org of [relatedSme, operator]) await w.correctFacts(org, { legalRepresentative: '陈建国' });
      const order = await w.order(relatedSme, serviceId);
      const refused = await expectRefusedHold(programId, order.id, voucherId, 422, 'RELATED_PARTY', relatedSme);
      expect(refused.body.details.reasons).toEqual(['RELATED_PARTY']);
      const options = await expectStatus(
        t.http.get(`/api/orders/${order.id}/voucher-options`).set(relatedSme.auth),
        200,
      );
      expect(options.body.options).toEqual([
        expect.objectContaining({ voucherId, amountFen: 0, reasons: ['RELATED_PARTY'], best: false }),
      ]);
    });

    it('a common shareholder of ≥ 50 % in both: refused; 49.99 % in one: allowed', async () => {
      await w.correctFacts(relatedSme, { legalRepresentative: '林志强' });
      const holder = { holderKey: '91350582MA2Y000001', holderName: '福建恒信投资有限公司' };
      const shareholders = (org: RegisteredOrg, shareBp: number) =>
        w.correctFacts(org, { shareholders: [{ ...holder, shareBp }] });
      await shareholders(relatedSme, 5000);
      await shareholders(operator, 6000);
      const order = await w.order(relatedSme, serviceId);
      await expectRefusedHold(programId, order.id, voucherId, 422, 'RELATED_PARTY', relatedSme);

      await shareholders(relatedSme, 4999);
      const held = await expectStatus(w.hold(relatedSme, order.id, voucherId), 201);
      expect(held.body.amountFen).toBe(500_000); // 50 % of 1,000,000

      // they become related after the hold: the claim is refused and nothing is written
      await w.complete(relatedSme, operator, order.id);
      await expectStatus(w.pay(relatedSme, order.id, 1_000_000), 201);
      await shareholders(relatedSme, 5000);
      const before = await w.footprint(programId, order.id);
      const claim = await w.fileClaim(relatedSme, w.claimBody(order));
      expect([claim.status, claim.body.code]).toEqual([422, 'RELATED_PARTY']);
      expect(await w.footprint(programId, order.id)).toEqual(before);
      expect(before.claims).toBe(0);
    });
  });

  describe('ineligibility: each reason refused with its code, nothing written', () => {
    it.each([
      ['CATEGORY_NOT_ELIGIBLE', { eligibleCategories: ['SCALE_UP'] }, 'perf'],
      ['PURPOSE_EXCLUDED', { excludedPurposes: ['STATUTORY_TESTING'] }, 'statutory'],
      ['PLATFORM_NOT_IN_PROGRAM', { platformIds: ['<B>'] }, 'scaleUp'],
      ['RECOGNITION_TOO_LOW', { minRecognitionLevel: 'PROVINCE' }, 'scaleUp'],
    ])('%s', async (code, over, service) => {
      const serviceId =
        service === 'perf'
          ? await w.fixedService(operatorA, platformA, 1_000_000, {
              title: '面料性能检测',
              category: 'PERFORMANCE_TEST',
            })
          : service === 'statutory'
            ? await w.fixedService(operatorA, platformA, 1_000_000, {
                title: '强制性产品检验',
                category: 'INSPECTION_TESTING',
                voucherEligible: false,
              })
            : scaleUpA;
      const rules = Object.fromEntries(
        Object.entries(over).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (x === '<B>' ? platformB : x)) : v]),
      );
      const programId = await w.openProgram({ name: `2026 年专项券 ${code}`, ...rules });
      const voucherId = await w.voucher(sme, programId, 1_000_000);
      const order = await w.order(sme, serviceId);
      const refused = await expectRefusedHold(programId, order.id, voucherId, 422, code);
      expect(refused.body.details.reasons).toEqual([code]);
    });

    /** Issue 16 point 11: a quote order is judged by the service it is delivered under, like any order. */
    it('a quote order under an ineligible category is refused (CATEGORY_NOT_ELIGIBLE); under an eligible one, held', async () => {
      const programId = await w.openProgram({ name: '2026 年专项券 报价订单', eligibleCategories: ['SCALE_UP'] });
      const voucherId = await w.voucher(sme, programId, 1_000_000);
      const perf = await w.fixedService(operatorA, platformA, 800_000, {
        title: '面料性能检测（报价）',
        category: 'PERFORMANCE_TEST',
      });
      const quoteOrder = async (serviceId: string) => {
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
        await expectStatus(t.http.post(`/api/demands/${demand.body.id}/publish`).set(sme.auth), 200);
        const quote = await expectStatus(
          t.http.post(`/api/demands/${demand.body.id}/quotes`).set(operatorA.auth).send({
            platformId: platformA,
            serviceId,
            priceFen: 800_000,
            timelineDays: 30,
            scope: '面料性能检测与中试',
            validUntil: '2030-01-31',
          }),
          201,
        );
        expect(quote.body.serviceId).toBe(serviceId);
        const accepted = await expectStatus(t.http.post(`/api/quotes/${quote.body.id}/accept`).set(sme.auth), 200);
        return accepted.body.orderId as string;
      };
      // the demand asks for SCALE_UP, but the proposal is delivered under a PERFORMANCE_TEST service
      const refused = await expectRefusedHold(
        programId,
        await quoteOrder(perf),
        voucherId,
        422,
        'CATEGORY_NOT_ELIGIBLE',
      );
      expect(refused.body.details.reasons).toEqual(['CATEGORY_NOT_ELIGIBLE']);
      const held = await expectStatus(w.hold(sme, await quoteOrder(scaleUpA), voucherId), 201);
      expect(held.body).toMatchObject({ amountFen: 400_000, status: 'HELD' });
      // a quote may only name a published service of its own platform
      const foreign = await w.fixedService(operatorB, platformB, 800_000);
      const demand = await expectStatus(
        t.http.post('/api/demands').set(sme.auth).send({
          title: '功能面料中试 2',
          fieldCode: 'TEXTILE_FIBER',
          stage: 'PILOT',
          mode: 'OPEN',
          confidentiality: 'PUBLIC',
        }),
        201,
      );
      await expectStatus(t.http.post(`/api/demands/${demand.body.id}/publish`).set(sme.auth), 200);
      const bad = await t.http.post(`/api/demands/${demand.body.id}/quotes`).set(operatorA.auth).send({
        platformId: platformA,
        serviceId: foreign,
        priceFen: 800_000,
        timelineDays: 30,
        scope: '面料性能检测与中试',
        validUntil: '2030-01-31',
      });
      expect([bad.status, bad.body.details.fields[0].field]).toEqual([400, 'serviceId']);
    });

    it('VOUCHER_EXPIRED: a voucher past its valid-until date', async () => {
      const programId = await w.openProgram({ name: '2026 年专项券 过期' });
      const voucherId = await w.voucher(sme, programId, 1_000_000);
      await t.db.query(`UPDATE vouchers SET valid_from = '2024-01-01', valid_until = '2024-12-31' WHERE id = $1`, [
        voucherId,
      ]);
      const order = await w.order(sme, scaleUpA);
      await expectRefusedHold(programId, order.id, voucherId, 422, 'VOUCHER_EXPIRED');
    });

    it('SME_YEAR_CAP: the cap limits the second hold and refuses the third', async () => {
      // cap 300,000 a year; a ¥4,000 order holds 50 % = 200,000, the next only the 100,000 left, then nothing
      const programId = await w.openProgram({ name: '2026 年专项券 封顶', capPerSmeYearFen: 300_000 });
      const voucherId = await w.voucher(sme, programId, 1_000_000);
      const serviceId = await w.fixedService(operatorA, platformA, 400_000, { title: '小批量试制' });
      const first = await expectStatus(w.hold(sme, (await w.order(sme, serviceId)).id, voucherId), 201);
      expect(first.body).toMatchObject({ amountFen: 200_000, limitedBy: 'RULE' });
      const second = await expectStatus(w.hold(sme, (await w.order(sme, serviceId)).id, voucherId), 201);
      expect(second.body).toMatchObject({ amountFen: 100_000, limitedBy: 'SME_YEAR_CAP' });
      const third = await w.order(sme, serviceId);
      await expectRefusedHold(programId, third.id, voucherId, 422, 'SME_YEAR_CAP_REACHED');
      expect(await w.wallet(sme, voucherId)).toMatchObject({ availableFen: 700_000, heldFen: 300_000 });
    });

    it('PAIR_ALREADY_SUBSIDISED: one subsidised order per SME–platform pair; another platform is fine', async () => {
      const programId = await w.openProgram({ name: '2026 年专项券 一对一', onePerPair: true });
      const voucherId = await w.voucher(sme, programId, 2_000_000);
      await expectStatus(w.hold(sme, (await w.order(sme, scaleUpA)).id, voucherId), 201);
      const second = await w.order(sme, scaleUpA);
      await expectRefusedHold(programId, second.id, voucherId, 422, 'PAIR_ALREADY_SUBSIDISED');
      const serviceB = await w.fixedService(operatorB, platformB, 1_000_000, { title: '服装版型中试' });
      await expectStatus(w.hold(sme, (await w.order(sme, serviceB)).id, voucherId), 201);
    });

    it('ORDER_STATE: no hold on a completed or cancelled order', async () => {
      const programId = await w.openProgram({ name: '2026 年专项券 订单状态' });
      const voucherId = await w.voucher(sme, programId, 1_000_000);
      const [completed] = await t.db.query(
        `INSERT INTO orders (sme_org_id, platform_id, platform_org_id, service_id, agreed_amount_fen, contract_number, status,
                             sme_confirmed_at, platform_confirmed_at, completed_at)
         VALUES ($1, $2, $3, $4, 1000000, 'T-' || gen_random_uuid(), 'COMPLETED', now(), now(), now()) RETURNING id`,
        [sme.orgId, platformA, operatorA.orgId, scaleUpA],
      );
      await expectRefusedHold(programId, completed.id, voucherId, 409, 'ORDER_STATE');
      const cancelled = await w.order(sme, scaleUpA);
      await expectStatus(w.act(sme, cancelled.id, 'cancel', { note: '不再需要' }), 200);
      await expectRefusedHold(programId, cancelled.id, voucherId, 409, 'ORDER_STATE');
    });

    it('applications: closed program, amount over the voucher maximum, tech-SME only', async () => {
      const programId = await w.openProgram({ name: '2026 年专项券 申领', maxVoucherFen: 500_000, smeTechOnly: true });
      const over = await w.apply(sme, programId, 500_001);
      expect([over.status, over.body.code]).toEqual([422, 'AMOUNT_OVER_VOUCHER_MAX']);
      const notTech = await w.apply(sme, programId, 500_000);
      expect([notTech.status, notTech.body.code]).toEqual([422, 'SME_NOT_TECH_SME']);
      await w.correctFacts(otherSme, { techSme: true });
      await expectStatus(w.apply(otherSme, programId, 500_000), 201);
      await expectStatus(t.http.post(`/api/voucher-programs/${programId}/close`).set(w.bureau.auth), 200);
      const closed = await w.apply(otherSme, programId, 500_000);
      expect([closed.status, closed.body.code]).toEqual([422, 'PROGRAM_NOT_OPEN']);
      const [apps] = await t.db.query(`SELECT count(*)::int AS n FROM voucher_applications WHERE program_id = $1`, [
        programId,
      ]);
      expect(apps.n).toBe(1);
    });
  });

  /** Issue 16: "One open application per SME per program (409 APPLICATION_EXISTS); a rejected or withdrawn one may be followed by a new one." */
  it('one open application per SME and program: a second is refused, also when racing; withdrawn or rejected, a new one is taken', async () => {
    const programId = await w.openProgram({ name: '2026 年专项券 一企一申请' });
    const first = await expectStatus(w.apply(sme, programId, 300_000), 201);
    const second = await w.apply(sme, programId, 200_000);
    expect([second.status, second.body.code, second.body.details]).toEqual([
      409,
      'APPLICATION_EXISTS',
      { applicationId: first.body.id },
    ]);
    // another SME's application to the same program is its own
    await expectStatus(w.apply(otherSme, programId, 200_000), 201);
    // only the applicant withdraws (another org: 404); then it may apply again — five racing tries, one wins
    expect((await t.http.post(`/api/voucher-applications/${first.body.id}/withdraw`).set(otherSme.auth)).status).toBe(
      404,
    );
    const withdrawn = await expectStatus(
      t.http.post(`/api/voucher-applications/${first.body.id}/withdraw`).set(sme.auth),
      200,
    );
    expect(withdrawn.body.status).toBe('WITHDRAWN');
    const racing = await Promise.all([1, 2, 3, 4, 5].map(() => w.apply(sme, programId, 250_000)));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of racing.filter((x) => x.status === 409)) expect(r.body.code).toBe('APPLICATION_EXISTS');
    const open = racing.find((r) => r.status === 201)!;
    await expectStatus(
      t.http.post(`/api/voucher-applications/${open.body.id}/reject`).set(w.bureau.auth).send({ reason: '材料不全' }),
      200,
    );
    await expectStatus(w.apply(sme, programId, 250_000), 201); // after a rejection
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM voucher_applications WHERE program_id = $1 AND sme_org_id = $2`,
      [programId, sme.orgId],
    );
    expect(n).toBe(3); // withdrawn, rejected, pending
  });

  /** Issue 16 point 14: "Amounts are rounded down to the fen per tier" — said in the contract, not only in code. */
  it('the OpenAPI document states the rounding in the rule and hold schemas', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const schemas = doc.components.schemas;
    const rounding = /rounded down to the fen/;
    expect(schemas.RuleDto.properties.kind.description).toMatch(rounding);
    expect(schemas.RuleDto.properties.ratioBp.description).toMatch(rounding);
    expect(schemas.RuleTierDto.properties.ratioBp.description).toMatch(rounding);
    expect(schemas.HoldResponseDto.properties.amountFen.description).toMatch(rounding);
    expect(schemas.VoucherOptionDto.properties.amountFen.description).toMatch(rounding);
  });

  describe('access', () => {
    let programId: string;
    let voucherId: string;
    let claimId: string;
    let applicationId: string;
    let otherBureau: RegisteredOrg;

    beforeAll(async () => {
      otherBureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
      programId = await w.openProgram({ name: '2026 年晋江市中试服务券（权限）' });
      voucherId = await w.voucher(sme, programId, 1_000_000);
      const order = await w.order(sme, scaleUpA);
      await expectStatus(w.hold(sme, order.id, voucherId), 201);
      await w.complete(sme, operatorA, order.id);
      await expectStatus(w.pay(sme, order.id, 1_000_000), 201);
      claimId = (await expectStatus(w.fileClaim(sme, w.claimBody(order)), 201)).body.id;
      applicationId = (await expectStatus(w.apply(sme, programId, 300_000), 201)).body.id;
    });

    it("another SME's voucher and claim are 404, also to hold with", async () => {
      expect((await t.http.get(`/api/vouchers/${voucherId}`).set(otherSme.auth)).status).toBe(404);
      const list = await expectStatus(t.http.get('/api/vouchers').set(otherSme.auth), 200);
      expect(list.body.items.map((v: { id: string }) => v.id)).not.toContain(voucherId);
      expect((await t.http.get(`/api/claims/${claimId}`).set(otherSme.auth)).status).toBe(404);
      const claims = await expectStatus(t.http.get('/api/claims').set(otherSme.auth), 200);
      expect(claims.body.items).toEqual([]);
      expect((await t.http.get(`/api/claims/${claimId}`).set(operatorB.auth)).status).toBe(404);
      expect((await t.http.get(`/api/claims/${claimId}`).set(operatorA.auth)).status).toBe(200);

      // a fully verified other SME with its own order still cannot spend this voucher
      const programForOther = await w.openProgram({ name: '2026 年专项券 他人' });
      await w.voucher(otherSme, programForOther, 100_000);
      const order = await w.order(otherSme, scaleUpA);
      const before = await w.footprint(programId, order.id);
      const res = await w.hold(otherSme, order.id, voucherId);
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
      expect(await w.footprint(programId, order.id)).toEqual(before);
      // nor hold on someone else's order
      const own = await w.order(sme, scaleUpA);
      expect((await w.hold(otherSme, own.id, voucherId)).status).toBe(404);
      expect((await t.http.get(`/api/orders/${own.id}/voucher-options`).set(otherSme.auth)).status).toBe(404);
    });

    it('an SME cannot approve (403); another bureau cannot decide or see this program (404)', async () => {
      const bySme = await w.approve(applicationId, {}, sme);
      expect([bySme.status, bySme.body.code]).toEqual([403, 'FORBIDDEN']);
      expect((await w.approve(applicationId, {}, otherBureau)).status).toBe(404);
      for (const action of ['approve', 'pay']) {
        const res = await t.http.post(`/api/claims/${claimId}/${action}`).set(otherBureau.auth).send({});
        expect({ action, status: res.status }).toEqual({ action, status: 404 });
      }
      const reject = await t.http
        .post(`/api/claims/${claimId}/reject`)
        .set(otherBureau.auth)
        .send({ reason: '不是我的' });
      expect(reject.status).toBe(404);
      expect((await t.http.get(`/api/claims/${claimId}`).set(otherBureau.auth)).status).toBe(404);
      expect((await t.http.get(`/api/voucher-programs/${programId}/summary`).set(otherBureau.auth)).status).toBe(404);
      const batch = await t.http
        .post('/api/disbursement-batches')
        .set(otherBureau.auth)
        .send({ programId, claimIds: [claimId], reference: '他局拨付' });
      expect(batch.status).toBe(404);
      // the SME may not decide its own claim either
      expect((await t.http.post(`/api/claims/${claimId}/approve`).set(sme.auth).send({})).status).toBe(403);

      const [state] = await t.db.query(
        `SELECT (SELECT status FROM voucher_claims WHERE id = $1) AS claim,
                (SELECT status FROM voucher_applications WHERE id = $2) AS application`,
        [claimId, applicationId],
      );
      expect(state).toEqual({ claim: 'SUBMITTED', application: 'PENDING' });
      // the bureau running the program may
      await expectStatus(w.approve(applicationId), 200);
      await expectStatus(t.http.post(`/api/claims/${claimId}/approve`).set(w.bureau.auth).send({}), 200);
    });
  });
});
