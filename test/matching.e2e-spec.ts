import { MatchingService } from '@pilotlink/demand';
import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { randomUUID } from 'node:crypto';
import { CatalogueApi, CatalogueRows, eventually } from './support/search-fixtures';

const demandBody = (over: Record<string, unknown> = {}) => ({
  title: '石墨烯改性EVA鞋底发泡中试放大',
  description: '配方保密：石墨烯添加量 0.3%，需验证连续发泡工艺的稳定性和鞋底回弹性能。',
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

interface Match {
  rank: number;
  score: number;
  service: { id: string; title: string };
  platform: { id: string; name: string; recognitionLevel: string | null };
  reasons: { terms: string[]; field: boolean; stage: boolean; categories: string[]; region: boolean; budget: boolean };
}

describe('matching: services for a demand, demands for a service (e2e)', () => {
  let t: TestApp;
  let api: CatalogueApi;
  let sme: RegisteredOrg;
  let otherSme: RegisteredOrg;
  let shoeOperator: RegisteredOrg;
  let shoePlatformId: string;
  let foodOperator: RegisteredOrg;
  let foodPlatformId: string;
  let unverifiedPlatformId: string;
  const services: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorker();
    api = new CatalogueApi(t);
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    sme = await registerOrg(t.http);
    otherSme = await registerOrg(t.http);
    for (const org of [sme, otherSme]) await t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);

    ({ operator: shoeOperator, platformId: shoePlatformId } = await api.listedPlatform({
      name: '晋江鞋材中试平台',
      fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
    }));
    ({ operator: foodOperator, platformId: foodPlatformId } = await api.listedPlatform({
      name: '泉州食品中试基地',
      fieldCodes: ['FOOD'],
    }));
    services.sole = await api.publishedService(shoeOperator, shoePlatformId, {
      title: '鞋底模压发泡工艺中试放大',
      description: 'EVA及石墨烯改性鞋材的模压发泡工艺放大与稳定性验证。',
      category: 'SCALE_UP',
      fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
      stages: ['PILOT'],
      pricingKind: 'FIXED',
      priceFen: 8_000_000,
    });
    services.testing = await api.publishedService(shoeOperator, shoePlatformId, {
      title: '发泡鞋材物性测试（回弹、硬度）',
      category: 'PERFORMANCE_TEST',
      fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
      stages: ['PILOT', 'SMALL_BATCH'],
    });
    services.food = await api.publishedService(foodOperator, foodPlatformId, {
      title: '饮品中试线工艺放大',
      description: '500 L/批饮料工艺放大。',
      category: 'SCALE_UP',
      fieldCodes: ['FOOD'],
      stages: ['PILOT'],
    });
    // A listed platform whose operator org is not verified (written directly): it must never be notified.
    const rows = new CatalogueRows(t);
    const unverified = await rows.operator('未认证鞋材公司');
    const platform = await rows.platform(unverified.orgId, {
      name: '未认证鞋材平台',
      fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
    });
    unverifiedPlatformId = platform.id;
    services.unverified = (
      await rows.service(platform.id, { title: '鞋底发泡中试放大', fieldCodes: ['TEXTILE_SHOE_MATERIAL'] })
    ).id;

    await eventually(async () => {
      const res = await t.http.get('/api/search/services').query({ limit: 50 });
      expect(res.body.total).toBe(4);
    });
  });
  afterAll(() => t.close());

  const publish = async (over: Record<string, unknown> = {}) => {
    const created = await t.http.post('/api/demands').set(sme.auth).send(demandBody(over));
    expect(created.status).toBe(201);
    await t.http.post(`/api/demands/${created.body.id}/publish`).set(sme.auth).expect(200);
    return created.body.id as string;
  };
  const matches = (id: string, who?: RegisteredOrg) => {
    const req = t.http.get(`/api/demands/${id}/matches`);
    return who ? req.set(who.auth) : req;
  };

  it('ranks the fitting services first for the owner, with scores and reasons', async () => {
    const id = await publish();
    const res = await matches(id, sme);
    expect(res.status).toBe(200);
    expect(res.body.demandId).toBe(id);
    const items = res.body.items as Match[];
    expect(items.map((m) => m.rank)).toEqual(items.map((_, i) => i + 1));
    expect(items[0].service.id).toBe(services.sole);
    expect(items[0]).toMatchObject({
      platform: { id: shoePlatformId, name: '晋江鞋材中试平台' },
      reasons: { field: true, stage: true, categories: ['SCALE_UP'], region: true, budget: true },
    });
    expect(items[0].reasons.terms).toEqual(expect.arrayContaining(['石墨烯', '鞋底', '发泡']));
    for (const m of items) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
    const shoeIds = [services.sole, services.testing, services.unverified];
    const foodRank = items.find((m) => m.service.id === services.food)?.rank ?? Infinity;
    for (const shoe of shoeIds) expect(items.find((m) => m.service.id === shoe)!.rank).toBeLessThan(foodRank);
    expect(res.body.total).toBe(items.length);
    expect((await t.http.get(`/api/demands/${id}/matches`).query({ limit: 1 }).set(sme.auth)).body.items).toHaveLength(
      1,
    );
  });

  it('answers 404 to anyone but the owner and for unknown or malformed ids, 401 anonymous', async () => {
    const id = await publish();
    for (const who of [shoeOperator, otherSme]) expect((await matches(id, who)).status).toBe(404);
    expect((await matches(randomUUID(), sme)).status).toBe(404);
    expect((await matches('not-a-uuid', sme)).status).toBe(404);
    expect((await matches(id)).status).toBe(401);
    expect((await t.http.get(`/api/demands/${id}/matches`).query({ limit: 0 }).set(sme.auth)).status).toBe(400);
  });

  it('picks distinct platforms to notify, never one whose org may not see the demand', async () => {
    const matching = t.app.get(MatchingService);
    const id = await publish();
    const top = await matching.topPlatformsFor(id, 20);
    expect(top.map((p) => p.platformId)).toEqual([shoePlatformId, foodPlatformId]);
    expect(top[0]).toMatchObject({ platformOrgId: shoeOperator.orgId, rank: 1 });
    expect(top.map((p) => p.platformId)).not.toContain(unverifiedPlatformId);
    expect(await matching.topPlatformsFor(id, 1)).toHaveLength(1);

    const privateId = await publish({ confidentiality: 'PRIVATE' });
    expect(await matching.topPlatformsFor(privateId)).toEqual([]);
    await t.http
      .post(`/api/demands/${privateId}/invitations`)
      .set(sme.auth)
      .send({ platformId: foodPlatformId })
      .expect(204);
    expect((await matching.topPlatformsFor(privateId)).map((p) => p.platformOrgId)).toEqual([foodOperator.orgId]);
  });

  describe('demands fitting a service', () => {
    let publicId: string;
    let summaryId: string;
    let privateId: string;

    beforeAll(async () => {
      publicId = await publish({ title: '鞋底超轻发泡配方中试', description: '公开：希望降低鞋底密度。' });
      summaryId = await publish({
        title: '运动鞋底发泡回弹提升中试',
        description: '保密：竞品对标数据附后。',
        confidentiality: 'SUMMARY',
      });
      privateId = await publish({ title: '鞋底发泡私密需求', confidentiality: 'PRIVATE' });
      await publish({ title: '功能饮料灌装工艺验证', fieldCode: 'FOOD', categories: ['SMALL_BATCH'], description: '' });
      await eventually(async () => {
        const fits = await t.app.get(MatchingService).fittingDemandsForService(services.sole);
        expect(fits.map((f) => f.demandId)).toEqual(expect.arrayContaining([publicId, summaryId]));
      });
    });

    it('shows the operator the open demands its service fits, each as it may see it', async () => {
      const res = await t.http.get(`/api/services/${services.sole}/matching-demands`).set(shoeOperator.auth);
      expect(res.status).toBe(200);
      const items = res.body.items as {
        id: string;
        view: string;
        description?: string;
        score: number;
        title: string;
      }[];
      const byId = new Map(items.map((d) => [d.id, d]));
      expect(byId.get(publicId)).toMatchObject({ view: 'FULL', description: '公开：希望降低鞋底密度。' });
      expect(byId.get(summaryId)!.view).toBe('SUMMARY');
      expect(byId.get(summaryId)).not.toHaveProperty('description');
      expect(JSON.stringify(res.body)).not.toContain('竞品对标');
      expect(byId.has(privateId)).toBe(false);
      expect(items.some((d) => d.title === '功能饮料灌装工艺验证')).toBe(false);
      for (const d of items) expect(d.score).toBeGreaterThan(0);
    });

    it('answers 404 to everyone but the operator, 401 anonymous', async () => {
      for (const who of [foodOperator, sme]) {
        expect((await t.http.get(`/api/services/${services.sole}/matching-demands`).set(who.auth)).status).toBe(404);
      }
      expect((await t.http.get(`/api/services/${randomUUID()}/matching-demands`).set(shoeOperator.auth)).status).toBe(
        404,
      );
      expect((await t.http.get(`/api/services/${services.sole}/matching-demands`)).status).toBe(401);
    });

    it('gives the notifier the SMEs to tell, and nothing for a service that is not published', async () => {
      const fits = await t.app.get(MatchingService).fittingDemandsForService(services.sole);
      expect(fits.find((f) => f.demandId === publicId)).toMatchObject({ smeOrgId: sme.orgId });
      expect(fits.map((f) => f.demandId)).not.toContain(privateId);
      expect(await t.app.get(MatchingService).fittingDemandsForService(randomUUID())).toEqual([]);
    });
  });
});
