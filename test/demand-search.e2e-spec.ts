import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { CatalogueApi, eventually, indexUid, meiliOf } from './support/search-fixtures';

const demandBody = (over: Record<string, unknown> = {}) => ({
  title: '碳化硅功率模块封装中试',
  description: '需要验证银烧结工艺，公开说明。',
  fieldCode: 'ELECTRONICS_PACKAGING',
  stage: 'PILOT',
  categories: ['SCALE_UP'],
  budgetMinFen: 5_000_000,
  budgetMaxFen: 15_000_000,
  wantedBy: '2030-06-30',
  regionCode: '350582',
  mode: 'OPEN',
  confidentiality: 'PUBLIC',
  ...over,
});

interface Hit {
  id: string;
  view: 'FULL' | 'SUMMARY';
  description?: string;
  score: number;
}

describe('demand search: only what each platform may see, from an index that never holds hidden text (e2e)', () => {
  let t: TestApp;
  let sme: RegisteredOrg;
  let platformA: RegisteredOrg;
  let invitedOperator: RegisteredOrg;
  let invitedPlatformId: string;
  let ndaPlatform: RegisteredOrg;
  let unverifiedPlatform: RegisteredOrg;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorker();
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    sme = await registerOrg(t.http);
    platformA = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    ndaPlatform = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    unverifiedPlatform = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    for (const org of [sme, platformA, ndaPlatform]) {
      await t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);
    }
    ({ operator: invitedOperator, platformId: invitedPlatformId } = await new CatalogueApi(t).listedPlatform());

    const publish = async (over: Record<string, unknown>) => {
      const created = await t.http.post('/api/demands').set(sme.auth).send(demandBody(over));
      expect(created.status).toBe(201);
      await t.http.post(`/api/demands/${created.body.id}/publish`).set(sme.auth).expect(200);
      return created.body.id as string;
    };
    ids.public = await publish({ title: '碳化硅功率模块封装中试', description: '需要验证银烧结工艺与空洞率。' });
    ids.summary = await publish({
      title: '碳化硅芯片键合可靠性验证',
      description: '保密配方：钼铜复合基板，热阻目标待议。',
      confidentiality: 'SUMMARY',
    });
    ids.private = await publish({ title: '碳化硅外延缺陷检测', confidentiality: 'PRIVATE' });
    ids.draft = (
      await t.http
        .post('/api/demands')
        .set(sme.auth)
        .send(demandBody({ title: '碳化硅草稿需求' }))
    ).body.id;
    await t.http
      .post(`/api/demands/${ids.summary}/invitations`)
      .set(sme.auth)
      .send({ platformId: invitedPlatformId })
      .expect(204);
    await t.http.post(`/api/demands/${ids.summary}/nda`).set(ndaPlatform.auth).expect(200);

    await eventually(async () => expect(await searchIds(platformA, { q: '碳化硅' })).toHaveLength(2));
  });
  afterAll(() => t.close());

  const search = (who: RegisteredOrg | undefined, query: Record<string, string | number>) => {
    const req = t.http.get('/api/search/demands').query(query);
    return who ? req.set(who.auth) : req;
  };
  const searchIds = async (who: RegisteredOrg, query: Record<string, string | number>) => {
    const res = await search(who, query);
    expect(res.status).toBe(200);
    return (res.body.items as Hit[]).map((hit) => hit.id);
  };

  it('is for verified platforms only: SME 403, unverified platform 403, anonymous 401', async () => {
    expect((await search(sme, { q: '碳化硅' })).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect((await search(unverifiedPlatform, { q: '碳化硅' })).body).toMatchObject({
      statusCode: 403,
      code: 'ORG_NOT_VERIFIED',
    });
    expect((await search(undefined, { q: '碳化硅' })).status).toBe(401);
    expect((await search(platformA, { field: 'NOPE' })).body.details.fields[0].field).toBe('field');
  });

  it('shows a PUBLIC demand in full and a SUMMARY demand as its summary; PRIVATE and drafts never', async () => {
    const res = await search(platformA, { q: '碳化硅' });
    expect(res.body.total).toBe(2);
    const hits = new Map((res.body.items as Hit[]).map((hit) => [hit.id, hit]));
    expect(hits.get(ids.public)).toMatchObject({ view: 'FULL', description: '需要验证银烧结工艺与空洞率。' });
    const summary = hits.get(ids.summary)!;
    expect(summary.view).toBe('SUMMARY');
    expect(summary).not.toHaveProperty('description');
    expect(summary).not.toHaveProperty('regionCode');
    expect(JSON.stringify(res.body)).not.toContain('钼铜');
    expect(summary.score).toBeGreaterThan(0);
    expect(hits.has(ids.private)).toBe(false);
    expect(hits.has(ids.draft)).toBe(false);
    expect(await searchIds(platformA, { q: '外延缺陷' })).toEqual([]);
  });

  it('never matches on text a SUMMARY demand hides, and the index does not even hold it', async () => {
    expect(await searchIds(platformA, { q: '钼铜复合基板' })).toEqual([]);
    expect(await searchIds(invitedOperator, { q: '钼铜复合基板' })).toEqual([]); // not even for the invited
    expect(await searchIds(platformA, { q: '银烧结' })).toEqual([ids.public]); // a PUBLIC description matches
    const doc = await meiliOf(t).index(indexUid(t, 'demands')).getDocument(ids.summary);
    expect(doc).not.toHaveProperty('description');
    expect(JSON.stringify(doc)).not.toContain('钼铜');
    await expect(meiliOf(t).index(indexUid(t, 'demands')).getDocument(ids.private)).rejects.toThrow();
  });

  it('shows the SUMMARY demand in full to the invited platform and to the one that accepted the NDA', async () => {
    for (const who of [invitedOperator, ndaPlatform]) {
      const res = await search(who, { q: '键合' });
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({
        id: ids.summary,
        view: 'FULL',
        description: '保密配方：钼铜复合基板，热阻目标待议。',
      });
    }
  });

  it('filters by summary fields; a region filter can only match demands that show their region', async () => {
    expect((await searchIds(platformA, { field: 'ELECTRONICS' })).sort()).toEqual([ids.public, ids.summary].sort());
    expect(await searchIds(platformA, { stage: 'LAB' })).toEqual([]);
    expect((await searchIds(platformA, { category: 'SCALE_UP' })).sort()).toEqual([ids.public, ids.summary].sort());
    expect(await searchIds(platformA, { region: '350500' })).toEqual([ids.public]);
  });

  it('drops a demand from search once it is closed or cancelled', async () => {
    await t.http.post(`/api/demands/${ids.public}/close`).set(sme.auth).send({}).expect(200);
    await t.http.post(`/api/demands/${ids.summary}/cancel`).set(sme.auth).send({}).expect(200);
    // Left out at once (rendering checks PostgreSQL), and gone from the index once the relay has run.
    expect(await searchIds(platformA, { q: '碳化硅' })).toEqual([]);
    await eventually(async () => {
      const { results } = await meiliOf(t).index(indexUid(t, 'demands')).getDocuments({ limit: 10 });
      expect(results).toEqual([]);
    });
    expect((await search(platformA, { q: '碳化硅' })).body.total).toBe(0);
  });
});
