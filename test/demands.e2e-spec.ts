import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';

const demandBody = (over: Record<string, unknown> = {}) => ({
  title: '石墨烯改性EVA鞋底中试放大',
  description: '配方保密：石墨烯添加量 0.3%，需验证连续发泡工艺的稳定性。',
  fieldCode: 'TEXTILE_SHOE_MATERIAL',
  stage: 'PILOT',
  categories: ['SCALE_UP', 'PERFORMANCE_TEST'],
  budgetMinFen: 5_000_000,
  budgetMaxFen: 15_000_000,
  wantedBy: '2030-06-30',
  regionCode: '350582',
  mode: 'OPEN',
  confidentiality: 'PUBLIC',
  ...over,
});

describe('demands: drafting, publishing and per-viewer visibility (e2e)', () => {
  let t: TestApp;
  let sme: RegisteredOrg;
  let otherSme: RegisteredOrg;
  let platformA: RegisteredOrg;
  let platformB: RegisteredOrg;
  let unverifiedPlatform: RegisteredOrg;
  let bureau: RegisteredOrg;
  let platformBListingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    sme = await registerOrg(t.http);
    otherSme = await registerOrg(t.http);
    platformA = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    platformB = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    unverifiedPlatform = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    for (const org of [platformA, platformB, otherSme]) {
      await t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);
    }
    // Platform B operates a listed platform, so the SME can invite it.
    const platform = await t.http
      .post('/api/platforms')
      .set(platformB.auth)
      .send({
        name: '鞋材中试平台',
        type: 'PILOT_SERVICE',
        operatingModel: 'SPECIALIZED',
        fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
        regionCode: '350582',
      });
    platformBListingId = platform.body.id;
    await t.http.post(`/api/platforms/${platformBListingId}/submit`).set(platformB.auth).expect(200);
    await t.http.post(`/api/platforms/${platformBListingId}/list`).set(bureau.auth).expect(200);
  });
  afterAll(() => t.close());

  const published = async (over: Record<string, unknown> = {}) => {
    const created = await t.http.post('/api/demands').set(sme.auth).send(demandBody(over));
    expect(created.status).toBe(201);
    await t.http.post(`/api/demands/${created.body.id}/publish`).set(sme.auth).expect(200);
    return created.body.id as string;
  };
  const view = (id: string, who?: RegisteredOrg) => {
    const req = t.http.get(`/api/demands/${id}`);
    return who ? req.set(who.auth) : req;
  };

  it('publishing needs a verified SME; drafts are the owner’s alone; a second publish is a 409', async () => {
    const draft = await t.http.post('/api/demands').set(sme.auth).send(demandBody());
    expect(draft.body).toMatchObject({ status: 'DRAFT', view: 'FULL', budgetBand: '50K_200K' });
    expect((await view(draft.body.id, platformA)).status).toBe(404);
    expect((await view(draft.body.id, otherSme)).status).toBe(404);
    expect((await view(draft.body.id)).status).toBe(401);

    const refused = await t.http.post(`/api/demands/${draft.body.id}/publish`).set(sme.auth);
    expect(refused.body.code).toBe('ORG_NOT_VERIFIED');
    await t.http.post(`/api/orgs/${sme.orgId}/verify`).set(bureau.auth).expect(200);
    const open = await t.http.post(`/api/demands/${draft.body.id}/publish`).set(sme.auth);
    expect(open.body).toMatchObject({ status: 'OPEN', publishedAt: expect.any(String) });
    const again = await t.http.post(`/api/demands/${draft.body.id}/publish`).set(sme.auth);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'OPEN' } });
    expect((await t.http.patch(`/api/demands/${draft.body.id}`).set(sme.auth).send({ title: '改标题' })).status).toBe(
      409,
    );
  });

  it('PUBLIC: every verified platform sees it in full; unverified platforms, other SMEs and bureaus see nothing', async () => {
    const id = await published();
    const full = await view(id, platformA);
    expect(full.body).toMatchObject({ view: 'FULL', description: demandBody().description, budgetMaxFen: 15_000_000 });
    for (const who of [unverifiedPlatform, otherSme, bureau]) expect((await view(id, who)).status).toBe(404);
    expect((await t.http.get('/api/demands').set(bureau.auth)).status).toBe(403);
  });

  it('SUMMARY: others see only the summary fields (hidden ones absent), the NDA or an invitation opens it', async () => {
    const id = await published({ confidentiality: 'SUMMARY' });
    const summary = await view(id, platformA);
    expect(summary.body.view).toBe('SUMMARY');
    expect(Object.keys(summary.body).sort()).toEqual(
      [
        'budgetBand',
        'categories',
        'confidentiality',
        'fieldCode',
        'id',
        'mode',
        'publishedAt',
        'quoteCount',
        'stage',
        'status',
        'title',
        'view',
      ].sort(),
    );
    expect(JSON.stringify(summary.body)).not.toContain('0.3%');

    const listed = await t.http.get('/api/demands').set(platformA.auth);
    const inList = listed.body.items.find((d: { id: string }) => d.id === id);
    expect(inList.view).toBe('SUMMARY');
    expect(inList).not.toHaveProperty('description');

    const afterNda = await t.http.post(`/api/demands/${id}/nda`).set(platformA.auth);
    expect(afterNda.body).toMatchObject({ view: 'FULL', description: demandBody().description });
    expect((await view(id, platformA)).body.view).toBe('FULL');
    // Platform B has not signed: still the summary, until it is invited.
    expect((await view(id, platformB)).body.view).toBe('SUMMARY');
    await t.http
      .post(`/api/demands/${id}/invitations`)
      .set(sme.auth)
      .send({ platformId: platformBListingId })
      .expect(204);
    expect((await view(id, platformB)).body.view).toBe('FULL');
  });

  it('PRIVATE: only invited platforms know it exists — in get and in list; an NDA is not an invitation', async () => {
    const id = await published({ confidentiality: 'PRIVATE' });
    expect((await view(id, platformA)).status).toBe(404);
    expect((await t.http.post(`/api/demands/${id}/nda`).set(platformA.auth)).status).toBe(404);
    const listA = await t.http.get('/api/demands').set(platformA.auth);
    expect(listA.body.items.map((d: { id: string }) => d.id)).not.toContain(id);

    await t.http
      .post(`/api/demands/${id}/invitations`)
      .set(sme.auth)
      .send({ platformId: platformBListingId })
      .expect(204);
    expect((await view(id, platformB)).body.view).toBe('FULL');
    const listB = await t.http.get('/api/demands').set(platformB.auth);
    expect(listB.body.items.map((d: { id: string }) => d.id)).toContain(id);
    expect((await view(id, platformA)).status).toBe(404);
  });

  it("another SME cannot invite to, close or edit someone else's demand (404, unchanged)", async () => {
    const id = await published();
    expect(
      (await t.http.post(`/api/demands/${id}/invitations`).set(otherSme.auth).send({ platformId: platformBListingId }))
        .status,
    ).toBe(404);
    expect((await t.http.post(`/api/demands/${id}/close`).set(otherSme.auth).send({})).status).toBe(404);
    const row = await t.db.query(`SELECT status FROM demands WHERE id = $1`, [id]);
    expect(row[0].status).toBe('OPEN');
  });

  it('close and cancel follow the state table', async () => {
    const id = await published();
    const closed = await t.http.post(`/api/demands/${id}/close`).set(sme.auth).send({ reason: '已通过其他渠道解决' });
    expect(closed.body).toMatchObject({ status: 'CLOSED', statusReason: '已通过其他渠道解决' });
    const cancel = await t.http.post(`/api/demands/${id}/cancel`).set(sme.auth).send({});
    expect(cancel.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'CLOSED' } });
    expect((await view(id, platformA)).status).toBe(200); // past demands stay readable for context
  });

  describe('bad input answers 400 naming the field and writes nothing', () => {
    const countDemands = async () => Number((await t.db.query(`SELECT count(*) AS n FROM demands`))[0].n);

    it.each([
      ['challenge without reward or deadline', { mode: 'CHALLENGE' }, 'rewardFen'],
      ['reward on an open call', { rewardFen: 100_000 }, 'rewardFen'],
      ['budget out of order', { budgetMinFen: 20_000_000 }, 'budgetMaxFen'],
      ['fractional fen', { budgetMaxFen: 100.5 }, 'budgetMaxFen'],
      ['negative fen', { budgetMinFen: -1 }, 'budgetMinFen'],
      ['unknown industry field', { fieldCode: 'SHOES' }, 'fieldCode'],
      ['unknown confidentiality', { confidentiality: 'SECRET' }, 'confidentiality'],
      ['bad date', { wantedBy: '30/06/2030' }, 'wantedBy'],
      ['unknown property', { priority: 'HIGH' }, 'priority'],
    ])('%s', async (_name, over, field) => {
      const before = await countDemands();
      const res = await t.http.post('/api/demands').set(sme.auth).send(demandBody(over));
      expect(res.status).toBe(400);
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(await countDemands()).toBe(before);
    });

    it('platforms cannot post demands', async () => {
      expect((await t.http.post('/api/demands').set(platformA.auth).send(demandBody())).status).toBe(403);
    });

    it('a demand whose wanted-by date has passed cannot be published', async () => {
      const draft = await t.http
        .post('/api/demands')
        .set(sme.auth)
        .send(demandBody({ wantedBy: '2020-01-01' }));
      const res = await t.http.post(`/api/demands/${draft.body.id}/publish`).set(sme.auth);
      expect(res.status).toBe(400);
      expect(res.body.details.fields[0].field).toBe('wantedBy');
    });
  });
});
