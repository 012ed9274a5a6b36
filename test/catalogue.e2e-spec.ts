import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';

const platformBody = (over: Record<string, unknown> = {}) => ({
  name: '高端绿色功能性纺织面料中试服务平台',
  type: 'PILOT_SERVICE',
  operatingModel: 'SPECIALIZED',
  fieldCodes: ['TEXTILE_FIBER', 'TEXTILE_DYEING'],
  regionCode: '350582',
  address: '福建省晋江市五里工业园区',
  description: '面向纺织鞋服企业提供功能性面料中试放大与性能验证服务。',
  qualifications: [
    { kind: 'CNAS', certificateNo: 'CNAS L10001', accreditedScope: '纺织品色牢度', validUntil: '2030-12-31' },
    { kind: 'CMA', certificateNo: 'CMA 2019130001', accreditedScope: '纺织品物理性能', validUntil: '2020-01-31' },
  ],
  ...over,
});

const serviceBody = (over: Record<string, unknown> = {}) => ({
  title: '功能性面料中试放大',
  description: '从小试配方到中试生产线的工艺放大与熟化，含透湿、抗菌性能验证。',
  category: 'SCALE_UP',
  fieldCodes: ['TEXTILE_FIBER'],
  stages: ['PILOT'],
  pricingKind: 'FIXED',
  priceFen: 8_000_000,
  leadTimeDays: 30,
  voucherEligible: true,
  ...over,
});

describe('catalogue: platforms, services, equipment (e2e)', () => {
  let t: TestApp;
  let operator: RegisteredOrg;
  let otherOperator: RegisteredOrg;
  let bureau: RegisteredOrg;

  beforeAll(async () => {
    t = await createTestApp();
    operator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    otherOperator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    // Verified, so its refusals below come from the object check (404), not its own org's status.
    await t.http.post(`/api/orgs/${otherOperator.orgId}/verify`).set(bureau.auth).expect(200);
  });
  afterAll(() => t.close());

  const createPlatform = async (who = operator, over: Record<string, unknown> = {}) => {
    const res = await t.http.post('/api/platforms').set(who.auth).send(platformBody(over));
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string };
  };

  const listedPlatform = async (who: RegisteredOrg) => {
    const platform = await createPlatform(who);
    await t.http.post(`/api/orgs/${who.orgId}/verify`).set(bureau.auth);
    await t.http.post(`/api/platforms/${platform.id}/submit`).set(who.auth).expect(200);
    await t.http.post(`/api/platforms/${platform.id}/list`).set(bureau.auth).expect(200);
    return platform;
  };

  it('serves the industry field taxonomy', async () => {
    const res = await t.http.get('/api/industry-fields');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(12);
    const materials = res.body.find((f: { code: string }) => f.code === 'MATERIALS');
    expect(materials.children.map((c: { name: string }) => c.name)).toContain('石墨烯');
  });

  it('an operator drafts a platform; only it (and its supervisors) can see the draft; each change is audited and queued for search', async () => {
    const platform = await createPlatform();
    expect(platform.status).toBe('DRAFT');
    expect((await t.http.get(`/api/platforms/${platform.id}`)).status).toBe(404);
    expect((await t.http.get(`/api/platforms/${platform.id}`).set(otherOperator.auth)).status).toBe(404);
    const own = await t.http.get(`/api/platforms/${platform.id}`).set(operator.auth);
    expect(own.status).toBe(200);
    expect(own.body.qualifications.map((q: { expired: boolean }) => q.expired)).toEqual([true, false]);
    expect((await t.http.get(`/api/platforms/${platform.id}`).set(bureau.auth)).status).toBe(200);

    const outbox = await t.db.query(`SELECT aggregate_type, event_type FROM outbox WHERE aggregate_id = $1`, [
      platform.id,
    ]);
    expect(outbox).toEqual([{ aggregate_type: 'platform', event_type: 'platform.created' }]);
    const audit = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [platform.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['platform.created']);
  });

  it('SMEs and bureaus cannot create platforms', async () => {
    const sme = await registerOrg(t.http);
    expect((await t.http.post('/api/platforms').set(sme.auth).send(platformBody())).status).toBe(403);
    expect((await t.http.post('/api/platforms').set(bureau.auth).send(platformBody())).status).toBe(403);
    expect((await t.http.post('/api/platforms').send(platformBody())).status).toBe(401);
  });

  it('review flow: submit needs a verified org; a bureau outside the jurisdiction gets 404; listing makes it public', async () => {
    const fresh = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    const platform = await createPlatform(fresh);
    const unverified = await t.http.post(`/api/platforms/${platform.id}/submit`).set(fresh.auth);
    expect(unverified.body.code).toBe('ORG_NOT_VERIFIED');
    await t.http.post(`/api/orgs/${fresh.orgId}/verify`).set(bureau.auth).expect(200);
    const submitted = await t.http.post(`/api/platforms/${platform.id}/submit`).set(fresh.auth);
    expect(submitted.body.status).toBe('PENDING_REVIEW');

    const again = await t.http.post(`/api/platforms/${platform.id}/submit`).set(fresh.auth);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'PENDING_REVIEW' } });

    const fuzhou = await createPrivilegedOrg(t, 'BUREAU', '350100');
    expect((await t.http.post(`/api/platforms/${platform.id}/list`).set(fuzhou.auth)).status).toBe(404);
    expect((await t.http.post(`/api/platforms/${platform.id}/list`).set(fresh.auth)).status).toBe(403);

    const listed = await t.http.post(`/api/platforms/${platform.id}/list`).set(bureau.auth);
    expect(listed.body).toMatchObject({ status: 'LISTED', listedAt: expect.any(String) });
    const pub = await t.http.get(`/api/platforms/${platform.id}`);
    expect(pub.status).toBe(200);
    // The public does not see the expired certificate.
    expect(pub.body.qualifications.map((q: { certificateNo: string }) => q.certificateNo)).toEqual(['CNAS L10001']);
    const directory = await t.http.get('/api/platforms?region=350500');
    expect(directory.body.items.map((p: { id: string }) => p.id)).toContain(platform.id);
  });

  it('a bureau rejects a submission with a reason: back to DRAFT with the reason; the operator fixes it and resubmits', async () => {
    const fresh = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    await t.http.post(`/api/orgs/${fresh.orgId}/verify`).set(bureau.auth).expect(200);
    const platform = await createPlatform(fresh);
    await t.http.post(`/api/platforms/${platform.id}/submit`).set(fresh.auth).expect(200);

    // Only a supervising bureau, with a reason, and only a pending submission.
    expect(
      (await t.http.post(`/api/platforms/${platform.id}/reject`).set(fresh.auth).send({ reason: '资质不全' })).status,
    ).toBe(403);
    const fuzhou = await createPrivilegedOrg(t, 'BUREAU', '350100');
    expect(
      (await t.http.post(`/api/platforms/${platform.id}/reject`).set(fuzhou.auth).send({ reason: '资质不全' })).status,
    ).toBe(404);
    const noReason = await t.http.post(`/api/platforms/${platform.id}/reject`).set(bureau.auth).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);

    const rejected = await t.http
      .post(`/api/platforms/${platform.id}/reject`)
      .set(bureau.auth)
      .send({ reason: '请补充 CMA 资质证书' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'DRAFT', statusReason: '请补充 CMA 资质证书', listedAt: null });
    const seen = await t.http.get(`/api/platforms/${platform.id}`).set(fresh.auth).expect(200);
    expect(seen.body).toMatchObject({ status: 'DRAFT', statusReason: '请补充 CMA 资质证书' });
    const again = await t.http
      .post(`/api/platforms/${platform.id}/reject`)
      .set(bureau.auth)
      .send({ reason: '重复退回' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'DRAFT' } });

    const audit = await t.db.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'platform.rejected'`,
      [platform.id],
    );
    expect(audit).toHaveLength(1);

    // Fixed and resubmitted: the reason is cleared; the bureau lists it.
    await t.http
      .patch(`/api/platforms/${platform.id}`)
      .set(fresh.auth)
      .send({ qualifications: [{ kind: 'CMA', certificateNo: 'CMA 2024130002', validUntil: '2031-06-30' }] })
      .expect(200);
    const resubmitted = await t.http.post(`/api/platforms/${platform.id}/submit`).set(fresh.auth).expect(200);
    expect(resubmitted.body).toMatchObject({ status: 'PENDING_REVIEW', statusReason: null });
    const listed = await t.http.post(`/api/platforms/${platform.id}/list`).set(bureau.auth).expect(200);
    expect(listed.body.status).toBe('LISTED');
  });

  it("an operator cannot edit another operator's platform or add to its catalogue (404), even when it is public", async () => {
    const platform = await listedPlatform(operator);
    const patch = await t.http
      .patch(`/api/platforms/${platform.id}`)
      .set(otherOperator.auth)
      .send({ name: '被篡改的名字' });
    expect(patch.status).toBe(404);
    const add = await t.http.post(`/api/platforms/${platform.id}/services`).set(otherOperator.auth).send(serviceBody());
    expect(add.status).toBe(404);
    const row = await t.db.query(`SELECT name FROM platforms WHERE id = $1`, [platform.id]);
    expect(row[0].name).toBe(platformBody().name);
    expect(
      Number((await t.db.query(`SELECT count(*) AS n FROM services WHERE platform_id = $1`, [platform.id]))[0].n),
    ).toBe(0);
  });

  it('services: draft → published → archived; the public sees only published ones; foreign operators get 404', async () => {
    const platform = await listedPlatform(operator);
    const created = await t.http.post(`/api/platforms/${platform.id}/services`).set(operator.auth).send(serviceBody());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', priceFen: 8_000_000, categoryLabel: '工艺放大熟化' });
    const id = created.body.id;
    expect((await t.http.get(`/api/services/${id}`)).status).toBe(404);
    expect((await t.http.get(`/api/platforms/${platform.id}/services`)).body.total).toBe(0);

    expect((await t.http.post(`/api/services/${id}/publish`).set(otherOperator.auth)).status).toBe(404);
    const published = await t.http.post(`/api/services/${id}/publish`).set(operator.auth);
    expect(published.body).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String) });
    expect((await t.http.get(`/api/services/${id}`)).status).toBe(200);
    expect((await t.http.get(`/api/platforms/${platform.id}/services`)).body.total).toBe(1);

    const twice = await t.http.post(`/api/services/${id}/publish`).set(operator.auth);
    expect(twice.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'PUBLISHED' } });

    const repriced = await t.http
      .patch(`/api/services/${id}`)
      .set(operator.auth)
      .send({ pricingKind: 'UNIT', priceFen: 150_000, unitName: '批次' });
    expect(repriced.body).toMatchObject({ pricingKind: 'UNIT', priceFen: 150_000, unitName: '批次' });
    const toQuote = await t.http.patch(`/api/services/${id}`).set(operator.auth).send({ pricingKind: 'QUOTE' });
    expect(toQuote.body).toMatchObject({ pricingKind: 'QUOTE', priceFen: null, unitName: null });

    await t.http.post(`/api/services/${id}/archive`).set(operator.auth).expect(200);
    expect((await t.http.get(`/api/services/${id}`)).status).toBe(404);
    const events = await t.db.query(`SELECT event_type FROM outbox WHERE aggregate_id = $1 ORDER BY id`, [id]);
    expect(events.map((e: { event_type: string }) => e.event_type)).toEqual([
      'service.created',
      'service.published',
      'service.updated',
      'service.updated',
      'service.archived',
    ]);
  });

  describe('bad input answers 400 naming the field and writes nothing', () => {
    let platformId: string;
    beforeAll(async () => {
      platformId = (await createPlatform()).id;
    });
    const countServices = async () => Number((await t.db.query(`SELECT count(*) AS n FROM services`))[0].n);

    it.each([
      ['fixed price missing', { priceFen: undefined }, 'priceFen'],
      ['negative price', { priceFen: -100 }, 'priceFen'],
      ['fractional fen', { priceFen: 100.5 }, 'priceFen'],
      ['price as a string', { priceFen: '800' }, 'priceFen'],
      ['quote with a price', { pricingKind: 'QUOTE' }, 'priceFen'],
      ['unit without unit name', { pricingKind: 'UNIT' }, 'unitName'],
      ['unknown industry field', { fieldCodes: ['NOT_A_FIELD'] }, 'fieldCodes'],
      ['unknown stage', { stages: ['PRODUCTION'] }, 'stages'],
      ['unknown category', { category: '中试' }, 'category'],
      ['unknown property', { discountBp: 500 }, 'discountBp'],
    ])('%s', async (_name, over, field) => {
      const before = await countServices();
      const res = await t.http.post(`/api/platforms/${platformId}/services`).set(operator.auth).send(serviceBody(over));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(await countServices()).toBe(before);
    });

    it('platform: bad region, bad type, bad qualification date', async () => {
      const res = await t.http
        .post('/api/platforms')
        .set(operator.auth)
        .send(
          platformBody({
            regionCode: '35058',
            type: 'LAB',
            qualifications: [{ kind: 'CMA', certificateNo: 'x1', validUntil: '31/12/2030' }],
          }),
        );
      expect(res.status).toBe(400);
      const fields = res.body.details.fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['regionCode', 'type', 'qualifications.0.validUntil']));
    });
  });

  it('suspension hides a platform and its services from the public; reinstating shows them; delisting freezes it', async () => {
    const platform = await listedPlatform(operator);
    const service = await t.http.post(`/api/platforms/${platform.id}/services`).set(operator.auth).send(serviceBody());
    await t.http.post(`/api/services/${service.body.id}/publish`).set(operator.auth).expect(200);

    expect((await t.http.post(`/api/platforms/${platform.id}/suspend`).set(bureau.auth).send({})).status).toBe(400);
    const suspended = await t.http
      .post(`/api/platforms/${platform.id}/suspend`)
      .set(bureau.auth)
      .send({ reason: '年度评价不合格' });
    expect(suspended.body).toMatchObject({ status: 'SUSPENDED', statusReason: '年度评价不合格' });
    expect((await t.http.get(`/api/platforms/${platform.id}`)).status).toBe(404);
    expect((await t.http.get(`/api/services/${service.body.id}`)).status).toBe(404);
    expect((await t.http.get(`/api/platforms/${platform.id}`).set(operator.auth)).status).toBe(200);

    await t.http.post(`/api/platforms/${platform.id}/list`).set(bureau.auth).expect(200);
    expect((await t.http.get(`/api/services/${service.body.id}`)).status).toBe(200);

    await t.http.post(`/api/platforms/${platform.id}/delist`).set(bureau.auth).send({ reason: '主动退出' }).expect(200);
    const frozen = await t.http.patch(`/api/platforms/${platform.id}`).set(operator.auth).send({ description: '更新' });
    expect(frozen.status).toBe(409);
    const relist = await t.http.post(`/api/platforms/${platform.id}/list`).set(bureau.auth);
    expect(relist.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'DELISTED' } });
  });

  it('racing suspend and delist: the database lock lets each apply in turn, never both from LISTED', async () => {
    const platform = await listedPlatform(operator);
    const [a, b] = await Promise.all([
      t.http.post(`/api/platforms/${platform.id}/suspend`).set(bureau.auth).send({ reason: '抽查' }),
      t.http.post(`/api/platforms/${platform.id}/delist`).set(bureau.auth).send({ reason: '退出' }),
    ]);
    const events = await t.db.query(
      `SELECT before->>'status' AS was, after->>'status' AS now FROM audit_events WHERE entity_id = $1 AND action IN ('platform.suspended', 'platform.delisted') ORDER BY seq`,
      [platform.id],
    );
    expect([a.status, b.status].every((s) => s === 200 || s === 409)).toBe(true);
    // Every recorded move starts where the previous one ended: no two moves from the same state.
    expect(events[0].was).toBe('LISTED');
    for (let i = 1; i < events.length; i++) expect(events[i].was).toBe(events[i - 1].now);
  });

  it('equipment: the operator adds and retires instruments; the public sees active ones of listed platforms', async () => {
    const platform = await listedPlatform(operator);
    const bad = await t.http
      .post(`/api/platforms/${platform.id}/equipment`)
      .set(operator.auth)
      .send({ name: '流变仪', category: '流变', hourlyRateFen: 12.5 });
    expect(bad.status).toBe(400);
    const created = await t.http
      .post(`/api/platforms/${platform.id}/equipment`)
      .set(operator.auth)
      .send({ name: '旋转流变仪', model: 'MCR 302', maker: '安东帕', category: '流变测试', hourlyRateFen: 30_000 });
    expect(created.status).toBe(201);
    expect((await t.http.get(`/api/platforms/${platform.id}/equipment`)).body.total).toBe(1);
    expect(
      (await t.http.patch(`/api/equipment/${created.body.id}`).set(otherOperator.auth).send({ status: 'RETIRED' }))
        .status,
    ).toBe(404);
    await t.http.patch(`/api/equipment/${created.body.id}`).set(operator.auth).send({ status: 'RETIRED' }).expect(200);
    expect((await t.http.get(`/api/equipment/${created.body.id}`)).status).toBe(404);
    expect((await t.http.get(`/api/platforms/${platform.id}/equipment`).set(operator.auth)).body.total).toBe(1);
  });
});
