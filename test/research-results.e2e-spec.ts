import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { CatalogueApi, eventually, indexUid, meiliOf } from './support/search-fixtures';

/** Text only the FULL view may show: it must never appear in a summary, a list or a search hit. */
const SECRET = '钇铝石榴石助剂配比';

const resultBody = (over: Record<string, unknown> = {}) => ({
  title: '高导热氮化物陶瓷基板制备技术',
  summary: '面向功率模块封装的高导热陶瓷基板，已完成小试，寻求中试放大验证。',
  description: `烧结工艺详情：${SECRET}与气压烧结曲线。`,
  fieldCode: 'MATERIALS_CERAMICS',
  stageReached: 'LAB',
  readinessLevel: 4,
  ipItems: [
    { kind: 'INVENTION_PATENT', number: 'ZL202310000001.1', title: '一种高导热陶瓷基板的制备方法', granted: true },
    { kind: 'KNOW_HOW', title: '烧结助剂配方' },
  ],
  verificationCategories: ['SCALE_UP', 'PERFORMANCE_TEST'],
  targetStage: 'PILOT',
  budgetMinFen: 10_000_000,
  budgetMaxFen: 30_000_000,
  transferModes: ['LICENSE', 'CO_DEVELOPMENT'],
  contactName: '李老师',
  contactPhone: '0595-88888888',
  confidentiality: 'PUBLIC',
  ...over,
});

const HIDDEN_FIELDS = ['description', 'contactName', 'contactPhone', 'budgetMinFen', 'budgetMaxFen', 'instituteOrgId'];

describe('research results (科技成果): institutes publish, everyone sees what the one rule allows (e2e)', () => {
  let t: TestApp;
  let institute: RegisteredOrg;
  let otherInstitute: RegisteredOrg;
  let unverifiedInstitute: RegisteredOrg;
  let platform: RegisteredOrg;
  let unverifiedPlatform: RegisteredOrg;
  let sme: RegisteredOrg;
  let ndaSme: RegisteredOrg;
  let invitedOperator: RegisteredOrg;
  let invitedPlatformId: string;
  const ids: Record<string, string> = {};

  const create = async (who: RegisteredOrg, over: Record<string, unknown> = {}) => {
    const res = await t.http.post('/api/results').set(who.auth).send(resultBody(over));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const publish = async (over: Record<string, unknown>) => {
    const id = await create(institute, over);
    await t.http.post(`/api/results/${id}/publish`).set(institute.auth).expect(200);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorker();
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    institute = await registerOrg(t.http, { kind: 'INSTITUTE', name: '泉州装备制造研究所' });
    otherInstitute = await registerOrg(t.http, { kind: 'INSTITUTE', name: '华侨大学' });
    unverifiedInstitute = await registerOrg(t.http, { kind: 'INSTITUTE', name: '未认证研究院' });
    platform = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    unverifiedPlatform = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    sme = await registerOrg(t.http);
    ndaSme = await registerOrg(t.http);
    for (const org of [institute, otherInstitute, platform, sme, ndaSme]) {
      await t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);
    }
    ({ operator: invitedOperator, platformId: invitedPlatformId } = await new CatalogueApi(t).listedPlatform());

    ids.public = await publish({ title: '高导热陶瓷基板公开成果' });
    ids.summary = await publish({ title: '陶瓷基板摘要成果', confidentiality: 'SUMMARY' });
    ids.private = await publish({ title: '陶瓷基板保密成果', confidentiality: 'PRIVATE' });
    ids.draft = await create(institute, { title: '陶瓷基板草稿成果' });
    for (const id of [ids.summary, ids.private]) {
      await t.http
        .post(`/api/results/${id}/invitations`)
        .set(institute.auth)
        .send({ platformId: invitedPlatformId })
        .expect(204);
    }
    await t.http.post(`/api/results/${ids.summary}/nda`).set(ndaSme.auth).expect(200);
  });
  afterAll(() => t.close());

  const viewOf = async (who: RegisteredOrg | undefined, id: string) => {
    const req = t.http.get(`/api/results/${id}`);
    const res = await (who ? req.set(who.auth) : req);
    if (res.status === 404) return 'NONE';
    expect(res.status).toBe(200);
    if (res.body.view === 'SUMMARY') {
      for (const field of HIDDEN_FIELDS) expect(res.body).not.toHaveProperty(field);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
      expect(JSON.stringify(res.body)).not.toContain('ZL202310000001.1');
    } else {
      expect(res.body.description).toContain(SECRET);
    }
    return res.body.view as string;
  };

  it('an institute registers as INSTITUTE and is verified by a bureau in jurisdiction; only a verified one publishes', async () => {
    const me = await t.http.get('/api/me').set(institute.auth).expect(200);
    expect(me.body.org).toMatchObject({ kind: 'INSTITUTE', verificationStatus: 'VERIFIED' });
    const draft = await create(unverifiedInstitute);
    const refused = await t.http.post(`/api/results/${draft}/publish`).set(unverifiedInstitute.auth);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'ORG_NOT_VERIFIED' });
    // Only institutes draft results.
    for (const who of [sme, platform]) {
      expect((await t.http.post('/api/results').set(who.auth).send(resultBody())).body.code).toBe('FORBIDDEN');
    }
  });

  it('CRUD: draft, edit, list own, publish (stamped), withdraw; illegal moves answer 409 with the state', async () => {
    const id = await create(institute, { title: '可编辑成果' });
    const edited = await t.http
      .patch(`/api/results/${id}`)
      .set(institute.auth)
      .send({ readinessLevel: 5, transferModes: ['ASSIGNMENT'] })
      .expect(200);
    expect(edited.body).toMatchObject({ status: 'DRAFT', readinessLevel: 5, transferModes: ['ASSIGNMENT'] });
    const own = await t.http.get('/api/results').set(institute.auth).query({ limit: 100 }).expect(200);
    expect(own.body.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([id, ids.draft]));
    expect(own.body.total).toBe(own.body.items.length);

    const published = await t.http.post(`/api/results/${id}/publish`).set(institute.auth).expect(200);
    expect(published.body).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String) });
    const again = await t.http.post(`/api/results/${id}/publish`).set(institute.auth);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'INVALID_STATE_TRANSITION' });
    await t.http.post(`/api/results/${id}/start-pilot`).set(institute.auth).send({}).expect(200);
    const withdrawn = await t.http
      .post(`/api/results/${id}/withdraw`)
      .set(institute.auth)
      .send({ reason: '团队调整' })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', statusReason: '团队调整' });
    const edit = await t.http.patch(`/api/results/${id}`).set(institute.auth).send({ title: '撤回后修改' });
    expect(edit.body).toMatchObject({ statusCode: 409, details: { currentState: 'WITHDRAWN' } });
    expect(await viewOf(platform, id)).toBe('NONE'); // withdrawn: the owner's record only
    expect(await viewOf(institute, id)).toBe('FULL');
  });

  it('another org’s result answers 404 for every action, the draft’s existence included', async () => {
    for (const path of ['', '/publish', '/withdraw', '/transfer']) {
      const res = path
        ? await t.http.post(`/api/results/${ids.draft}${path}`).set(otherInstitute.auth).send({})
        : await t.http.patch(`/api/results/${ids.draft}`).set(otherInstitute.auth).send({ title: '越权修改' });
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    const invite = await t.http
      .post(`/api/results/${ids.public}/invitations`)
      .set(otherInstitute.auth)
      .send({ platformId: invitedPlatformId });
    expect(invite.status).toBe(404);
    for (const who of [otherInstitute, platform, sme, undefined]) expect(await viewOf(who, ids.draft)).toBe('NONE');
    const theirs = await t.http.get('/api/results').set(otherInstitute.auth).expect(200);
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
    const draft = await t.http.get(`/api/results/${ids.draft}`).set(institute.auth).expect(200);
    expect(draft.body.title).toBe('陶瓷基板草稿成果'); // untouched by the foreign PATCH
  });

  it('the confidentiality matrix: each viewer × level sees FULL, SUMMARY or nothing (404)', async () => {
    const viewers: [string, RegisteredOrg | undefined][] = [
      ['owner', institute],
      ['anonymous', undefined],
      ['verified platform', platform],
      ['unverified platform', unverifiedPlatform],
      ['verified SME', sme],
      ['SME after NDA', ndaSme],
      ['invited platform', invitedOperator],
      ['other institute', otherInstitute],
    ];
    const expected: Record<string, [string, string, string]> = {
      owner: ['FULL', 'FULL', 'FULL'],
      anonymous: ['FULL', 'NONE', 'NONE'],
      'verified platform': ['FULL', 'SUMMARY', 'NONE'],
      'unverified platform': ['FULL', 'NONE', 'NONE'],
      'verified SME': ['FULL', 'SUMMARY', 'NONE'],
      'SME after NDA': ['FULL', 'FULL', 'NONE'],
      'invited platform': ['FULL', 'FULL', 'FULL'],
      'other institute': ['FULL', 'NONE', 'NONE'],
    };
    for (const [name, who] of viewers) {
      const seen = [await viewOf(who, ids.public), await viewOf(who, ids.summary), await viewOf(who, ids.private)];
      expect([name, ...seen]).toEqual([name, ...expected[name]]);
    }
    // An NDA opens a SUMMARY result, never a PRIVATE one (which it may not even see).
    expect((await t.http.post(`/api/results/${ids.private}/nda`).set(platform.auth)).status).toBe(404);
    const nda = await t.http.post(`/api/results/${ids.summary}/nda`).set(sme.auth).expect(200);
    expect(nda.body.view).toBe('FULL');
  });

  it('lists: a platform sees the published results it may see; the public list only PUBLIC ones', async () => {
    const listed = await t.http.get('/api/results').set(platform.auth).query({ limit: 100 }).expect(200);
    const views = new Map(listed.body.items.map((r: { id: string; view: string }) => [r.id, r.view]));
    expect(views.get(ids.public)).toBe('FULL');
    expect(views.get(ids.summary)).toBe('SUMMARY');
    expect(views.has(ids.private)).toBe(false);
    expect(views.has(ids.draft)).toBe(false);
    expect(JSON.stringify(listed.body.items.find((r: { id: string }) => r.id === ids.summary))).not.toContain(SECRET);
    const invited = await t.http.get('/api/results').set(invitedOperator.auth).query({ limit: 100 }).expect(200);
    expect(invited.body.items.map((r: { id: string }) => r.id)).toContain(ids.private);
    const unverified = await t.http.get('/api/results').set(unverifiedPlatform.auth).expect(200);
    expect(unverified.body.total).toBe(0);

    const open = await t.http.get('/api/results/public').query({ limit: 100 }).expect(200);
    const openIds = open.body.items.map((r: { id: string }) => r.id);
    expect(openIds).toContain(ids.public);
    expect(openIds).not.toEqual(expect.arrayContaining([ids.summary]));
    expect(openIds).not.toEqual(expect.arrayContaining([ids.private]));
    expect(open.body.items[0]).toMatchObject({ view: 'FULL', instituteName: '泉州装备制造研究所' });
  });

  describe('search', () => {
    const search = (who: RegisteredOrg | undefined, query: Record<string, string | number>) => {
      const req = t.http.get('/api/search/results').query(query);
      return who ? req.set(who.auth) : req;
    };
    const hits = async (who: RegisteredOrg | undefined, query: Record<string, string | number>) => {
      const res = await search(who, query);
      expect(res.status).toBe(200);
      return new Map((res.body.items as { id: string; view: string }[]).map((hit) => [hit.id, hit]));
    };

    beforeAll(async () => {
      await eventually(async () => expect((await hits(platform, { q: '陶瓷基板' })).size).toBe(2));
    });

    it('per viewer: anonymous finds PUBLIC only; the audience also SUMMARY as a summary; PRIVATE and drafts never', async () => {
      const anonymous = await hits(undefined, { q: '陶瓷基板' });
      expect([...anonymous.keys()]).toEqual([ids.public]);
      const forPlatform = await hits(platform, { q: '陶瓷基板' });
      expect(forPlatform.get(ids.public)).toMatchObject({ view: 'FULL', description: expect.stringContaining(SECRET) });
      expect(forPlatform.get(ids.summary)).toMatchObject({ view: 'SUMMARY' });
      for (const field of HIDDEN_FIELDS) expect(forPlatform.get(ids.summary)).not.toHaveProperty(field);
      expect(forPlatform.has(ids.private)).toBe(false);
      const forInvited = await hits(invitedOperator, { q: '陶瓷基板' });
      expect(forInvited.get(ids.summary)).toMatchObject({ view: 'FULL' });
      expect(forInvited.has(ids.private)).toBe(false); // PRIVATE is never in the index, not even for the invited
      expect((await hits(ndaSme, { q: '陶瓷基板' })).get(ids.summary)).toMatchObject({ view: 'FULL' });
      expect([...(await hits(otherInstitute, { q: '陶瓷基板' })).keys()]).toEqual([ids.public]);
    });

    it('never matches text a SUMMARY result hides, and the index does not even hold it', async () => {
      // The PUBLIC result's detail matches; the SUMMARY one's (the same text) does not.
      expect([...(await hits(platform, { q: SECRET })).keys()]).toEqual([ids.public]);
      expect([...(await hits(invitedOperator, { q: SECRET })).keys()]).toEqual([ids.public]);
      const doc = await meiliOf(t).index(indexUid(t, 'results')).getDocument(ids.summary);
      for (const field of ['description', 'ipNumbers', 'budgetMinFen', 'budgetMaxFen']) {
        expect(doc).not.toHaveProperty(field);
      }
      expect(JSON.stringify(doc)).not.toContain(SECRET);
      await expect(meiliOf(t).index(indexUid(t, 'results')).getDocument(ids.private)).rejects.toThrow();
      await expect(meiliOf(t).index(indexUid(t, 'results')).getDocument(ids.draft)).rejects.toThrow();
    });

    it('finds Traditional queries and filters; an edit is re-indexed and a withdrawal leaves search', async () => {
      expect([...(await hits(undefined, { q: '陶瓷基板公開成果' })).keys()]).toEqual([ids.public]);
      expect((await hits(platform, { q: '陶瓷基板', transferMode: 'LICENSE', field: 'MATERIALS' })).size).toBe(2);
      expect((await hits(platform, { q: '陶瓷基板', transferMode: 'EQUITY' })).size).toBe(0);
      const bad = await search(platform, { field: 'NOPE' });
      expect([bad.status, bad.body.details.fields[0].field]).toEqual([400, 'field']);

      await t.http
        .patch(`/api/results/${ids.public}`)
        .set(institute.auth)
        .send({ title: '氮化铝散热基板成果' })
        .expect(200);
      await eventually(async () =>
        expect([...(await hits(undefined, { q: '氮化铝散热' })).keys()]).toEqual([ids.public]),
      );
      await t.http.post(`/api/results/${ids.public}/withdraw`).set(institute.auth).send({}).expect(200);
      // The API hides it at once (the one rule); the index drops the document once the relay ran.
      expect((await hits(undefined, { q: '氮化铝散热' })).size).toBe(0);
      await eventually(() =>
        expect(meiliOf(t).index(indexUid(t, 'results')).getDocument(ids.public)).rejects.toThrow(),
      );
    });
  });

  it('bad input answers 400 naming the field, and creates nothing', async () => {
    const [{ count: before }] = await t.db.query(`SELECT count(*)::int AS count FROM research_results`);
    const cases: [Record<string, unknown>, string][] = [
      [{ readinessLevel: 12 }, 'readinessLevel'],
      [{ stageReached: 'PILOT' }, 'stageReached'],
      [{ transferModes: [] }, 'transferModes'],
      [{ transferModes: ['SALE'] }, 'transferModes'],
      [{ ipItems: [{ kind: 'INVENTION_PATENT', title: '缺少专利号' }] }, 'ipItems.0.number'],
      [{ budgetMinFen: 1.5 }, 'budgetMinFen'],
      [{ budgetMinFen: 50_000_000, budgetMaxFen: 10_000_000 }, 'budgetMaxFen'],
      [{ fieldCode: 'NOT_A_FIELD' }, 'fieldCode'],
      [{ confidentiality: 'SECRET' }, 'confidentiality'],
      [{ secretSauce: true }, 'secretSauce'],
    ];
    for (const [over, field] of cases) {
      const res = await t.http.post('/api/results').set(institute.auth).send(resultBody(over));
      expect([field, res.status, res.body.code]).toEqual([field, 400, 'VALIDATION_FAILED']);
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const patch = await t.http.patch(`/api/results/${ids.draft}`).set(institute.auth).send({ readinessLevel: 0 });
    expect([patch.status, patch.body.details.fields[0].field]).toEqual([400, 'readinessLevel']);
    const [{ count: after }] = await t.db.query(`SELECT count(*)::int AS count FROM research_results`);
    expect(after).toBe(before);
  });
});
