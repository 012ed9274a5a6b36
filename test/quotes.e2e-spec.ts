import { chinaDate } from '@pilotlink/core';
import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, runJob, TestApp } from '@pilotlink/testing';
import { ShiftedClock } from './support/shifted-clock';

describe('quotes: submit, revise, decline, withdraw, accept → order (e2e)', () => {
  let t: TestApp;
  let bureau: RegisteredOrg;
  let sme: RegisteredOrg;
  let otherSme: RegisteredOrg;
  let operatorA: RegisteredOrg;
  let operatorB: RegisteredOrg;
  let platformA: string;
  let platformB: string;

  const listedPlatform = async (operator: RegisteredOrg) => {
    const res = await t.http
      .post('/api/platforms')
      .set(operator.auth)
      .send({
        name: '中试平台',
        type: 'PILOT_SERVICE',
        operatingModel: 'SPECIALIZED',
        fieldCodes: ['MATERIALS'],
        regionCode: '350582',
      });
    await t.http.post(`/api/platforms/${res.body.id}/submit`).set(operator.auth).expect(200);
    await t.http.post(`/api/platforms/${res.body.id}/list`).set(bureau.auth).expect(200);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    sme = await registerOrg(t.http);
    otherSme = await registerOrg(t.http);
    operatorA = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    operatorB = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    for (const org of [sme, otherSme, operatorA, operatorB]) {
      await t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);
    }
    platformA = await listedPlatform(operatorA);
    platformB = await listedPlatform(operatorB);
  });
  afterAll(() => t.close());

  const openDemand = async (over: Record<string, unknown> = {}) => {
    const res = await t.http
      .post('/api/demands')
      .set(sme.auth)
      .send({
        title: '陶瓷基板中试',
        fieldCode: 'MATERIALS_CERAMICS',
        stage: 'PILOT',
        mode: 'OPEN',
        confidentiality: 'PUBLIC',
        ...over,
      });
    await t.http.post(`/api/demands/${res.body.id}/publish`).set(sme.auth).expect(200);
    return res.body.id as string;
  };
  const terms = (over: Record<string, unknown> = {}) => ({
    priceFen: 12_000_000,
    timelineDays: 45,
    scope: '配方验证 + 3 批次中试放大 + 性能检测报告',
    validUntil: '2030-01-31',
    ...over,
  });
  const quote = (who: RegisteredOrg, demandId: string, platformId: string, over: Record<string, unknown> = {}) =>
    t.http
      .post(`/api/demands/${demandId}/quotes`)
      .set(who.auth)
      .send({ platformId, ...terms(over) });

  it('the full negotiation: quote, revision asked and given, a competitor declined with a reason, accept → order', async () => {
    const demandId = await openDemand();
    const a = await quote(operatorA, demandId, platformA);
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'SUBMITTED', priceFen: 12_000_000, revision: 1 });
    const b = await quote(operatorB, demandId, platformB, { priceFen: 15_000_000 });
    expect((await t.http.get(`/api/demands/${demandId}`).set(sme.auth)).body.quoteCount).toBe(2);

    const twice = await quote(operatorA, demandId, platformA);
    expect(twice.status).toBe(409);

    expect((await t.http.post(`/api/quotes/${a.body.id}/revise`).set(sme.auth).send({})).status).toBe(400);
    const asked = await t.http.post(`/api/quotes/${a.body.id}/revise`).set(sme.auth).send({ note: '请压缩到 30 天' });
    expect(asked.body).toMatchObject({ status: 'REVISION_REQUESTED', revisionNote: '请压缩到 30 天' });
    const revised = await t.http
      .post(`/api/quotes/${a.body.id}/revise`)
      .set(operatorA.auth)
      .send({ timelineDays: 30, priceFen: 13_000_000 });
    expect(revised.body).toMatchObject({ status: 'SUBMITTED', revision: 2, timelineDays: 30, priceFen: 13_000_000 });
    const unasked = await t.http.post(`/api/quotes/${a.body.id}/revise`).set(operatorA.auth).send({ timelineDays: 20 });
    expect(unasked.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'SUBMITTED' } });

    const declined = await t.http
      .post(`/api/quotes/${b.body.id}/decline`)
      .set(sme.auth)
      .send({ reason: 'PRICE_TOO_HIGH', comment: '预算有限' });
    expect(declined.body).toMatchObject({ status: 'DECLINED', declineReason: 'PRICE_TOO_HIGH' });
    const seenByB = await t.http.get(`/api/demands/${demandId}/quotes`).set(operatorB.auth);
    expect(seenByB.body.items).toHaveLength(1);
    expect(seenByB.body.items[0]).toMatchObject({ declineReason: 'PRICE_TOO_HIGH', declineComment: '预算有限' });

    expect((await t.http.post(`/api/quotes/${a.body.id}/accept`).set(operatorA.auth)).status).toBe(403);
    const accepted = await t.http.post(`/api/quotes/${a.body.id}/accept`).set(sme.auth);
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', orderId: expect.any(String) });
    const [order] = await t.db.query(`SELECT * FROM orders WHERE id = $1`, [accepted.body.orderId]);
    expect(order).toMatchObject({
      sme_org_id: sme.orgId,
      platform_id: platformA,
      demand_id: demandId,
      quote_id: a.body.id,
      agreed_amount_fen: '13000000',
      status: 'ACCEPTED',
    });
    expect(order.contract_number).toMatch(/^PL-\d{4}-\d{6}$/);
    expect((await t.http.get(`/api/demands/${demandId}`).set(sme.auth)).body.status).toBe('AWARDED');
    const again = await t.http.post(`/api/quotes/${a.body.id}/accept`).set(sme.auth);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'ACCEPTED' } });
    expect((await t.http.post(`/api/quotes/${a.body.id}/withdraw`).set(operatorA.auth)).status).toBe(409);
  });

  it("GET /quotes: a platform's own quotes on every demand with the demand's title, filterable by status", async () => {
    const demandId = await openDemand({ title: '我的报价列表用需求' });
    const mine = await quote(operatorB, demandId, platformB, { priceFen: 9_000_000 });
    const theirs = await quote(operatorA, demandId, platformA);
    await t.http
      .post(`/api/quotes/${mine.body.id}/decline`)
      .set(sme.auth)
      .send({ reason: 'TIMELINE_TOO_LONG', comment: '需要 20 天内完成' })
      .expect(200);

    const declined = await t.http.get('/api/quotes').query({ status: 'DECLINED' }).set(operatorB.auth);
    expect(declined.status).toBe(200);
    expect(declined.body.items[0]).toMatchObject({
      id: mine.body.id,
      demand: { title: '我的报价列表用需求' },
      status: 'DECLINED',
      declineReason: 'TIMELINE_TOO_LONG',
      declineComment: '需要 20 天内完成',
    });
    expect(declined.body.items.every((q: { status: string }) => q.status === 'DECLINED')).toBe(true);
    // Only the org's own quotes: never another platform's on the same demand.
    const all = await t.http.get('/api/quotes').query({ limit: 100 }).set(operatorB.auth);
    const ids = all.body.items.map((q: { id: string }) => q.id);
    expect(ids).toContain(mine.body.id);
    expect(ids).not.toContain(theirs.body.id);
    expect(all.body.items.every((q: { platformOrgId: string }) => q.platformOrgId === operatorB.orgId)).toBe(true);
    expect((await t.http.get('/api/quotes').set(sme.auth)).status).toBe(403);
    expect((await t.http.get('/api/quotes').query({ status: 'NOPE' }).set(operatorB.auth)).status).toBe(400);
  });

  it('accepting one quote declines the other live ones; two racing acceptances leave exactly one order', async () => {
    const demandId = await openDemand();
    const a = await quote(operatorA, demandId, platformA);
    const b = await quote(operatorB, demandId, platformB);
    const results = await Promise.all([
      t.http.post(`/api/quotes/${a.body.id}/accept`).set(sme.auth),
      t.http.post(`/api/quotes/${b.body.id}/accept`).set(sme.auth),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const orders = await t.db.query(`SELECT quote_id FROM orders WHERE demand_id = $1`, [demandId]);
    expect(orders).toHaveLength(1);
    const statuses = await t.db.query(
      `SELECT status, decline_reason FROM quotes WHERE demand_id = $1 ORDER BY status`,
      [demandId],
    );
    expect(statuses).toEqual([
      { status: 'ACCEPTED', decline_reason: null },
      { status: 'DECLINED', decline_reason: 'CHOSE_ANOTHER' },
    ]);
  });

  it("one platform's first quotes on several demands at once all succeed, and its response time counts each", async () => {
    // Each first quote refreshes the platform's response time under a lock on its row; taken after the
    // quote's insert (which key-share locks the row), concurrent quotes deadlocked and some answered 500.
    const demandIds = await Promise.all(Array.from({ length: 8 }, () => openDemand()));
    const [before] = await t.db.query(`SELECT quoted_demand_count FROM platforms WHERE id = $1`, [platformB]);
    const results = await Promise.all(demandIds.map((demandId) => quote(operatorB, demandId, platformB)));
    expect(results.map((r) => [r.status, r.body.code])).toEqual(demandIds.map(() => [201, undefined]));
    const [after] = await t.db.query(`SELECT quoted_demand_count FROM platforms WHERE id = $1`, [platformB]);
    expect(after.quoted_demand_count).toBe(before.quoted_demand_count + 8);
  });

  it('who may quote and see quotes: own listed platform only, visible demands only; others get 404', async () => {
    const demandId = await openDemand();
    expect((await quote(operatorA, demandId, platformB)).status).toBe(404); // someone else's platform
    const unverified = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    expect((await quote(unverified, demandId, platformA)).body.code).toBe('ORG_NOT_VERIFIED');
    const privateDemand = await openDemand({ confidentiality: 'PRIVATE' });
    expect((await quote(operatorA, privateDemand, platformA)).status).toBe(404);

    const a = await quote(operatorA, demandId, platformA);
    await quote(operatorB, demandId, platformB);
    expect((await t.http.get(`/api/demands/${demandId}/quotes`).set(operatorA.auth)).body.total).toBe(1);
    expect((await t.http.get(`/api/demands/${demandId}/quotes`).set(sme.auth)).body.total).toBe(2);
    expect((await t.http.get(`/api/demands/${demandId}/quotes`).set(otherSme.auth)).status).toBe(404);
    expect(
      (await t.http.post(`/api/quotes/${a.body.id}/decline`).set(otherSme.auth).send({ reason: 'OTHER' })).status,
    ).toBe(404);
    expect((await t.http.post(`/api/quotes/${a.body.id}/withdraw`).set(operatorB.auth)).status).toBe(404);

    const withdrawn = await t.http.post(`/api/quotes/${a.body.id}/withdraw`).set(operatorA.auth);
    expect(withdrawn.body.status).toBe('WITHDRAWN');
    expect((await t.http.get(`/api/demands/${demandId}`).set(sme.auth)).body.quoteCount).toBe(1);
    // A platform may quote again once its previous quote is no longer live.
    expect((await quote(operatorA, demandId, platformA)).status).toBe(201);
  });

  it('bad quotes answer 400 naming the field and write nothing', async () => {
    const demandId = await openDemand();
    const count = async () => Number((await t.db.query(`SELECT count(*) AS n FROM quotes`))[0].n);
    const before = await count();
    for (const [over, field] of [
      [{ priceFen: 0 }, 'priceFen'],
      [{ priceFen: 99.5 }, 'priceFen'],
      [{ validUntil: '2020-01-01' }, 'validUntil'],
      [{ timelineDays: 'soon' }, 'timelineDays'],
    ] as const) {
      const res = await quote(operatorA, demandId, platformA, over);
      expect(res.status).toBe(400);
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect(await count()).toBe(before);
    const closed = await openDemand();
    await t.http.post(`/api/demands/${closed}/close`).set(sme.auth).send({}).expect(200);
    expect((await quote(operatorA, closed, platformA)).status).toBe(409);
  });

  it('the scheduled expiry job expires open demands past their date and live quotes past their validity', async () => {
    const demandId = await openDemand({ wantedBy: '2030-12-31' });
    const live = await quote(operatorA, demandId, platformA);
    const fresh = await openDemand({ wantedBy: '2030-12-31' });
    // Time passes: the dates are moved into the past directly (the API refuses past dates).
    await t.db.query(`UPDATE demands SET wanted_by = '2021-01-01' WHERE id = $1`, [demandId]);
    await t.db.query(`UPDATE quotes SET valid_until = '2021-01-01' WHERE id = $1`, [live.body.id]);

    const worker = await t.startWorker();
    try {
      const result = await runJob<{ demands: number; quotes: number }>(
        t,
        worker,
        'maintenance',
        'expire-demands-and-quotes',
      );
      // The scheduler's own first run at boot may have done it already; the rows below are the proof.
      expect(result).toEqual({ demands: expect.any(Number), quotes: expect.any(Number) });
    } finally {
      await worker.close();
    }
    const rows = await t.db.query(`SELECT id, status FROM demands WHERE id IN ($1, $2)`, [demandId, fresh]);
    expect(Object.fromEntries(rows.map((r: { id: string; status: string }) => [r.id, r.status]))).toEqual({
      [demandId]: 'EXPIRED',
      [fresh]: 'OPEN',
    });
    const [q] = await t.db.query(`SELECT status FROM quotes WHERE id = $1`, [live.body.id]);
    expect(q.status).toBe('EXPIRED');
    const audit = await t.db.query(
      `SELECT actor_user_id FROM audit_events WHERE entity_id = $1 AND action = 'demand.expired'`,
      [demandId],
    );
    expect(audit).toEqual([{ actor_user_id: null }]);
    expect((await t.http.post(`/api/quotes/${live.body.id}/accept`).set(sme.auth)).status).toBe(409);
  });

  /**
   * 揭榜挂帅 (SPEC §4): "platforms submit proposals until the deadline, then the SME has an award window,
   * default 30 days, to pick one". Over HTTP with the test clock, the expiry job run by the worker.
   */
  describe('a CHALLENGE: submissions close at the deadline, the award window follows', () => {
    const plus = (days: number) => chinaDate(new Date(Date.now() + days * 86_400_000));
    const expireJob = async (clock: ShiftedClock) => {
      const worker = await t.startWorker();
      clock.attach(worker);
      try {
        await runJob(t, worker, 'maintenance', 'expire-demands-and-quotes');
      } finally {
        await worker.close();
      }
    };
    const challenge = () =>
      openDemand({ mode: 'CHALLENGE', rewardFen: 50_000_000, challengeDeadline: plus(5), title: '固态电池电解质揭榜' });
    let clock: ShiftedClock;
    beforeEach(() => {
      clock = new ShiftedClock(t.app);
    });
    afterEach(() => clock.restore());

    it('is awarded 10 days after its deadline; the reward shows on the demand and the order', async () => {
      const demandId = await challenge();
      const proposal = await quote(operatorA, demandId, platformA, { priceFen: 30_000_000 });
      expect(proposal.status).toBe(201);
      const shown = await t.http.get(`/api/demands/${demandId}`).set(sme.auth);
      expect(shown.body).toMatchObject({
        mode: 'CHALLENGE',
        rewardFen: 50_000_000,
        challengeDeadline: plus(5),
        awardWindowDays: 30, // the default
        awardBy: plus(35),
        challengePhase: 'SUBMISSIONS',
      });
      const rival = await quote(operatorB, demandId, platformB, { priceFen: 35_000_000 });
      expect(rival.status).toBe(201);

      clock.advanceDays(15); // 10 days after the deadline
      // The phase is the server's (its clock), not the browser's: the portal shows what the API decides.
      expect((await t.http.get(`/api/demands/${demandId}`).set(sme.auth)).body.challengePhase).toBe('AWARD');
      const late = await quote(operatorB, demandId, platformB);
      expect([late.status, late.body.code]).toEqual([409, 'SUBMISSIONS_CLOSED']);
      expect(late.body.details).toEqual({ challengeDeadline: plus(5), awardBy: plus(35) });
      await expireJob(clock);
      const [row] = await t.db.query(`SELECT status FROM demands WHERE id = $1`, [demandId]);
      expect(row.status).toBe('OPEN'); // in its award window: not expired

      const accepted = await t.http.post(`/api/quotes/${proposal.body.id}/accept`).set(sme.auth);
      expect(accepted.status).toBe(200);
      const order = await t.http.get(`/api/orders/${accepted.body.orderId}`).set(operatorA.auth);
      expect(order.body).toMatchObject({ demandId, agreedAmountFen: 30_000_000, challengeRewardFen: 50_000_000 });
      expect((await t.http.get(`/api/demands/${demandId}`).set(sme.auth)).body.status).toBe('AWARDED');

      // Each platform reads the outcome in its own quote list: the winner its order, the other the reason.
      const mineA = await t.http.get('/api/quotes').set(operatorA.auth);
      expect(mineA.status).toBe(200);
      expect(mineA.body.items.filter((q: { demandId: string }) => q.demandId === demandId)).toEqual([
        expect.objectContaining({
          id: proposal.body.id,
          status: 'ACCEPTED',
          orderId: accepted.body.orderId,
          demand: { id: demandId, title: '固态电池电解质揭榜', mode: 'CHALLENGE', status: 'AWARDED' },
        }),
      ]);
      const mineB = await t.http.get('/api/quotes').set(operatorB.auth);
      const lost = mineB.body.items.filter((q: { demandId: string }) => q.demandId === demandId);
      expect(lost).toEqual([
        expect.objectContaining({ id: rival.body.id, status: 'DECLINED', declineReason: 'CHOSE_ANOTHER' }),
      ]);
      expect(lost[0].orderId).toBeUndefined();
      // Only one's own: B's list holds none of A's quotes, and an SME has no such list.
      expect(mineB.body.items.some((q: { platformOrgId: string }) => q.platformOrgId !== operatorB.orgId)).toBe(false);
      expect((await t.http.get('/api/quotes').set(sme.auth)).status).toBe(403);
      // The SME's comparison links the accepted proposal to its order.
      const compared = await t.http.get(`/api/demands/${demandId}/quotes`).set(sme.auth);
      expect(compared.body.items.find((q: { id: string }) => q.id === proposal.body.id).orderId).toBe(
        accepted.body.orderId,
      );
    });

    it('expires once its award window has passed without an award; accepting then is refused', async () => {
      const demandId = await challenge();
      const proposal = await quote(operatorA, demandId, platformA);
      clock.advanceDays(35); // the last day of the window
      await expireJob(clock);
      expect((await t.db.query(`SELECT status FROM demands WHERE id = $1`, [demandId]))[0].status).toBe('OPEN');
      expect((await t.http.get(`/api/demands/${demandId}`).set(sme.auth)).body.challengePhase).toBe('AWARD');
      clock.advanceDays(1);
      expect((await t.http.get(`/api/demands/${demandId}`).set(sme.auth)).body.challengePhase).toBe('OVER');
      const refused = await t.http.post(`/api/quotes/${proposal.body.id}/accept`).set(sme.auth);
      expect([refused.status, refused.body.code]).toEqual([409, 'AWARD_WINDOW_CLOSED']);
      await expireJob(clock);
      expect((await t.db.query(`SELECT status FROM demands WHERE id = $1`, [demandId]))[0].status).toBe('EXPIRED');
    });

    it('an award window is for challenges only (400 naming the field)', async () => {
      const res = await t.http.post('/api/demands').set(sme.auth).send({
        title: '陶瓷基板中试',
        fieldCode: 'MATERIALS_CERAMICS',
        stage: 'PILOT',
        mode: 'OPEN',
        confidentiality: 'PUBLIC',
        awardWindowDays: 20,
      });
      expect([res.status, res.body.details.fields[0].field]).toEqual([400, 'awardWindowDays']);
    });
  });
});
