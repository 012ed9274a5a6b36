import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { QUEUES } from '@pilotlink/queue';
import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, runJob, TestApp } from '@pilotlink/testing';
import { Queue } from 'bullmq';
import {
  configureWebhook,
  inboxOf,
  listedPlatformWithService,
  settle,
  waitFor,
  RECEIVER_HOST,
  WebhookReceiver,
} from './support/notification-fixtures';

/** Text only the FULL view may show: never in a SUMMARY result's matches or in any digest. */
const SECRET = '钇铝石榴石助剂配比';

const resultBody = (over: Record<string, unknown> = {}) => ({
  title: '氧化铝陶瓷基板流延成型技术',
  summary: '氧化铝陶瓷基板流延成型与烧结工艺，已完成小试，寻求中试放大验证。',
  description: `烧结工艺详情：${SECRET}。`,
  fieldCode: 'MATERIALS_CERAMICS',
  stageReached: 'LAB',
  readinessLevel: 4,
  verificationCategories: ['SCALE_UP'],
  targetStage: 'PILOT',
  budgetMaxFen: 30_000_000,
  transferModes: ['LICENSE'],
  contactName: '李老师',
  confidentiality: 'PUBLIC',
  ...over,
});

/** Text of the demands' description: a digest shows demands by their summary fields only. */
const DEMAND_SECRET = '氧化锆增韧配方';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Issue 21, matching and push: a result's matching services (with reasons, for whoever may see the result)
 * and the weekly research digest — one inbox item and one webhook per org and period, exactly once across
 * repeated runs and a worker restart; fitting platforms and subscribed SMEs only; PRIVATE never.
 */
describe('research digest and result matches (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let receiver: WebhookReceiver;
  let institute: RegisteredOrg;
  let otherInstitute: RegisteredOrg;
  /** Its ceramic scale-up service fits the results. */
  let fitting: RegisteredOrg;
  /** A mass-spectrometry service in biomedicine: fits nothing here. */
  let unrelated: RegisteredOrg;
  /** Subscribed to the materials field: a potential adopter. */
  let sme: RegisteredOrg;
  /** Subscribed to the materials field too, and chose a daily digest. */
  let dailySme: RegisteredOrg;
  /** A fitting ceramic service, but its org turned the digest off. */
  let off: RegisteredOrg;
  /** Publishes the new demands of the week. */
  let demandSme: RegisteredOrg;
  /** Subscribed to a keyword of the results, not to their field: an adopter by keyword. */
  let keywordSme: RegisteredOrg;
  let publishedAt: Date;
  let fittingServiceId: string;
  let unrelatedServiceId: string;
  let offServiceId: string;
  const ids: Record<string, string> = {};

  const publish = async (over: Record<string, unknown>) => {
    const res = await t.http.post('/api/results').set(institute.auth).send(resultBody(over));
    expect(res.status).toBe(201);
    await t.http.post(`/api/results/${res.body.id}/publish`).set(institute.auth).expect(200);
    return res.body.id as string;
  };
  const digestsOf = async (orgId: string) =>
    (await inboxOf(t, orgId)).filter((row) => row.event_type === 'research.digest');
  // The week's demands send their own webhooks (demand.published); these count the digest's.
  const digestHooks = (path: string) =>
    receiver.deliveredTo(path).filter((hook) => hook.body.eventType === 'research.digest');
  type Plan = { periodKey: string; results: number; recipients: number };
  const runDigest = (at: Date) =>
    runJob<Plan[]>(t, worker, QUEUES.MAINTENANCE, 'research-digest', { at: at.toISOString() });
  const weekly = (plans: Plan[]) => plans.find((plan) => plan.periodKey.startsWith('W'))!;
  const notificationsIdle = async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.NOTIFICATIONS));
    const webhooks = worker.get<Queue>(getQueueToken(QUEUES.WEBHOOKS));
    await waitFor(async () => {
      const [n, w] = await Promise.all([
        queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
        webhooks.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
      ]);
      return Object.values(n).every((c) => c === 0) && Object.values(w).every((c) => c === 0);
    }, 'the notification and webhook queues to drain');
  };

  beforeAll(async () => {
    t = await createTestApp({
      env: { WEBHOOK_ATTEMPTS: '3', WEBHOOK_BACKOFF_MS: '100', WEBHOOK_ALLOWED_HOSTS: RECEIVER_HOST },
    });
    receiver = await new WebhookReceiver().start();
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    institute = await registerOrg(t.http, { kind: 'INSTITUTE', name: '泉州装备制造研究所' });
    otherInstitute = await registerOrg(t.http, { kind: 'INSTITUTE', name: '华侨大学' });
    fitting = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: '先进陶瓷中试基地' });
    unrelated = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: '生物医药分析平台' });
    sme = await registerOrg(t.http, { name: '晋江陶瓷科技有限公司' });
    dailySme = await registerOrg(t.http, { name: '德化陶瓷新材料有限公司' });
    demandSme = await registerOrg(t.http, { name: '南安陶瓷机械有限公司' });
    keywordSme = await registerOrg(t.http, { name: '石狮电子封装有限公司' });
    off = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: '陶瓷基板检测所' });
    for (const org of [institute, otherInstitute, fitting, unrelated, sme, dailySme, off, demandSme, keywordSme]) {
      await t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);
    }
    ({ serviceId: fittingServiceId } = await listedPlatformWithService(t, fitting, bureau, {
      title: '氧化铝陶瓷基板流延成型中试',
      description: '氧化铝陶瓷基板 流延成型 烧结 中试放大',
      fieldCodes: ['MATERIALS_CERAMICS'],
      category: 'SCALE_UP',
    }));
    ({ serviceId: unrelatedServiceId } = await listedPlatformWithService(t, unrelated, bureau, {
      title: '核酸药物质谱分析',
      description: '寡核苷酸 质谱 杂质谱',
      fieldCodes: ['BIOMED_BIOLOGICS'],
      category: 'INSPECTION_TESTING',
    }));
    ({ serviceId: offServiceId } = await listedPlatformWithService(t, off, bureau, {
      title: '陶瓷基板烧结工艺中试验证',
      description: '陶瓷基板 烧结 性能检测',
      fieldCodes: ['MATERIALS_CERAMICS'],
      category: 'SCALE_UP',
    }));
    for (const org of [sme, dailySme]) {
      await t.http
        .post('/api/subscriptions')
        .set(org.auth)
        .send({ fieldCodes: ['MATERIALS'] })
        .expect(201);
    }
    await t.http
      .post('/api/subscriptions')
      .set(keywordSme.auth)
      .send({ keywords: ['流延成型'] })
      .expect(201);
    await t.http
      .put(`/api/orgs/${dailySme.orgId}/digest-settings`)
      .set(dailySme.auth)
      .send({ frequency: 'DAILY' })
      .expect(200);
    await t.http.put(`/api/orgs/${off.orgId}/digest-settings`).set(off.auth).send({ frequency: 'OFF' }).expect(200);
    await configureWebhook(t, fitting, receiver.url('/fitting'));
    await configureWebhook(t, unrelated, receiver.url('/unrelated'));
    worker = await t.startWorker();
    // New OPEN demands in the same week: the fitting platform hears of those its confidentiality admits.
    const demand = async (over: Record<string, unknown>) => {
      const res = await t.http
        .post('/api/demands')
        .set(demandSme.auth)
        .send({
          title: '氧化铝陶瓷基板流延成型中试需求',
          description: `需要验证氧化铝陶瓷基板流延成型与烧结工艺：${DEMAND_SECRET}`,
          fieldCode: 'MATERIALS_CERAMICS',
          stage: 'PILOT',
          categories: ['SCALE_UP'],
          budgetMaxFen: 15_000_000,
          regionCode: '350582',
          mode: 'OPEN',
          confidentiality: 'PUBLIC',
          ...over,
        });
      expect(res.status).toBe(201);
      await t.http.post(`/api/demands/${res.body.id}/publish`).set(demandSme.auth).expect(200);
      return res.body.id as string;
    };
    ids.publicDemand = await demand({});
    ids.summaryDemand = await demand({ title: '陶瓷基板烧结摘要需求', confidentiality: 'SUMMARY' });
    ids.privateDemand = await demand({ title: '陶瓷基板保密需求', confidentiality: 'PRIVATE' });
    ids.public = await publish({});
    ids.summary = await publish({ title: '陶瓷基板烧结摘要成果', confidentiality: 'SUMMARY' });
    ids.private = await publish({ title: '陶瓷基板保密成果', confidentiality: 'PRIVATE' });
    await settle(t, 1_000, 90_000); // services, demands and results indexed (a loaded machine takes a while)
    const first = await t.http.get(`/api/results/${ids.public}`).set(institute.auth).expect(200);
    publishedAt = new Date(first.body.publishedAt);
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  describe('GET /results/:id/matches', () => {
    it('the institute sees the services that can verify its result, with the reasons', async () => {
      const res = await t.http.get(`/api/results/${ids.public}/matches`).set(institute.auth).expect(200);
      expect(res.body.resultId).toBe(ids.public);
      type Match = {
        rank: number;
        score: number;
        service: { id: string };
        reasons: { field: boolean; terms: string[] };
      };
      const best = (res.body.items as Match[]).find((m) => m.service.id === fittingServiceId)!;
      expect(best.rank).toBeLessThanOrEqual(2);
      expect(best.reasons).toMatchObject({ field: true, stage: true, categories: ['SCALE_UP'] });
      expect(best.reasons.terms.length).toBeGreaterThan(0);
      const unrelatedMatch = res.body.items.find(
        (m: { service: { id: string } }) => m.service.id === unrelatedServiceId,
      );
      expect(unrelatedMatch?.reasons.field ?? false).toBe(false);
      expect(unrelatedMatch === undefined || unrelatedMatch.score < best.score).toBe(true);
    });

    it('a SUMMARY viewer gets matches on the summary only: no term of the hidden detail, no budget reason', async () => {
      const res = await t.http.get(`/api/results/${ids.summary}/matches`).set(fitting.auth).expect(200);
      expect(res.body.items.map((m: { service: { id: string } }) => m.service.id)).toContain(fittingServiceId);
      expect(JSON.stringify(res.body)).not.toContain('钇铝');
      expect(res.body.items.every((m: { reasons: { budget: boolean } }) => m.reasons.budget === false)).toBe(true);
    });

    it('the owner also sees the SMEs that may adopt it, with the reasons; nobody else does', async () => {
      const res = await t.http.get(`/api/results/${ids.public}/matches`).set(institute.auth).expect(200);
      type Adopter = { orgId: string; name: string; score: number; reasons: { fields: string[]; keywords: string[] } };
      const adopters = res.body.adopters as Adopter[];
      const byOrg = new Map(adopters.map((a) => [a.orgId, a]));
      expect(byOrg.get(sme.orgId)).toMatchObject({
        name: '晋江陶瓷科技有限公司',
        reasons: { fields: ['MATERIALS'], keywords: [] },
      });
      expect(byOrg.get(keywordSme.orgId)).toMatchObject({ reasons: { fields: [], keywords: ['流延成型'] } });
      expect(byOrg.has(demandSme.orgId)).toBe(false); // no subscription fits
      expect(byOrg.get(sme.orgId)!.score).toBeGreaterThan(byOrg.get(keywordSme.orgId)!.score);
      for (const viewer of [fitting, sme]) {
        const other = await t.http.get(`/api/results/${ids.public}/matches`).set(viewer.auth).expect(200);
        expect(other.body).not.toHaveProperty('adopters');
      }
    });

    it('another org’s PRIVATE result, or an unknown one, answers 404', async () => {
      await t.http.get(`/api/results/${ids.private}/matches`).set(otherInstitute.auth).expect(404);
      await t.http.get(`/api/results/${ids.private}/matches`).set(fitting.auth).expect(404);
      await t.http.get(`/api/results/${ids.private}/matches`).set(institute.auth).expect(200);
      await t.http.get(`/api/results/00000000-0000-4000-8000-000000000000/matches`).set(institute.auth).expect(404);
    });
  });

  describe('weekly digest', () => {
    // A digest at `at` reports on the last complete China week: the one these results were published in.
    const at = () => new Date(publishedAt.getTime() + WEEK_MS);

    it('reaches each fitting platform and subscribed SME once, across repeated runs and a worker restart', async () => {
      const plans = await runDigest(at());
      const first = weekly(plans);
      expect(first).toMatchObject({ results: 2, demands: 2 });
      await waitFor(async () => (await digestsOf(fitting.orgId)).length === 1, 'the fitting platform’s digest');
      await waitFor(async () => (await digestsOf(sme.orgId)).length === 1, 'the SME’s digest');
      await waitFor(async () => digestHooks('/fitting').length === 1, 'the digest webhook');

      expect(await runDigest(at())).toEqual(plans);
      await notificationsIdle();
      await worker.close();
      worker = await t.startWorker();
      expect(await runDigest(at())).toEqual(plans);
      await notificationsIdle();
      // Jobs gone from Redis (retention) must not resend either: the inbox key holds.
      await worker.get<Queue>(getQueueToken(QUEUES.NOTIFICATIONS)).obliterate({ force: true });
      expect(await runDigest(at())).toEqual(plans);
      await notificationsIdle();
      await settle(t);

      const [digest] = await digestsOf(fitting.orgId);
      expect(await digestsOf(fitting.orgId)).toHaveLength(1);
      expect(await digestsOf(sme.orgId)).toHaveLength(1);
      expect(digestHooks('/fitting')).toHaveLength(1);
      expect(digest.event_key).toBe(`research-digest.${first.periodKey}`);
      expect(digest.data.resultIds).toEqual(expect.arrayContaining([ids.public, ids.summary]));
      expect(digest.data.resultIds).not.toContain(ids.private);
      const links = (digest.data.results as { id: string; link: string }[]).map((r) => r.link);
      expect(links).toContain(`/results/${ids.public}`);
      // The SUMMARY result appears as its summary only; the PRIVATE one not at all.
      const everything = JSON.stringify([
        await inboxOf(t, fitting.orgId),
        await inboxOf(t, sme.orgId),
        receiver.received,
      ]);
      expect(everything).not.toContain('钇铝');
      expect(everything).not.toContain('陶瓷基板保密成果');
      // The week's OPEN demands fitting its services, as their confidentiality allows: PRIVATE not at all.
      expect([...(digest.data.demandIds as string[])].sort()).toEqual([ids.publicDemand, ids.summaryDemand].sort());
      expect(digest.data.demands).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: ids.summaryDemand, view: 'SUMMARY', link: '/platform' }),
        ]),
      );
      expect(digest.body).toContain('【中试需求】');
      // (The demands' own notifications say what their views allow; the digest shows summary fields only.)
      const digests = JSON.stringify([await digestsOf(fitting.orgId), digestHooks('/fitting')]);
      expect(digests).not.toContain(DEMAND_SECRET);
      expect(digests).not.toContain('陶瓷基板保密需求');
      // An SME hears of results, not of other SMEs' demands; the demand's owner not of its own.
      const smeDigest = (await digestsOf(sme.orgId))[0];
      expect(smeDigest.data.demandIds).toEqual([]);
      const ownerDigests = await digestsOf(demandSme.orgId);
      expect(ownerDigests.every((d) => (d.data.demandIds as string[]).length === 0)).toBe(true);
      expect(digestHooks('/fitting')[0].body).toMatchObject({ eventType: 'research.digest' });
    });

    it('an org that chose DAILY gets the daily digest instead; one that turned it OFF gets none', async () => {
      expect(await digestsOf(dailySme.orgId)).toHaveLength(0); // not in the weekly run
      const day = new Date(publishedAt.getTime() + 24 * 3600 * 1000);
      const daily = (await runDigest(day)).find((plan) => plan.periodKey.startsWith('D'))!;
      expect(daily).toMatchObject({ results: 2, demands: 2, recipients: 1 });
      await waitFor(async () => (await digestsOf(dailySme.orgId)).length === 1, 'the daily digest');
      await runDigest(day);
      await notificationsIdle();
      const [digest] = await digestsOf(dailySme.orgId);
      expect(await digestsOf(dailySme.orgId)).toHaveLength(1);
      expect(digest.event_key).toBe(`research-digest.${daily.periodKey}`);
      expect(await digestsOf(sme.orgId)).toHaveLength(1); // still only its weekly one
      // It fits as well as a digest asks (so only its setting kept it out).
      const matches = await t.http.get(`/api/results/${ids.public}/matches`).set(institute.auth).expect(200);
      const offMatch = matches.body.items.find((m: { service: { id: string } }) => m.service.id === offServiceId);
      expect(offMatch.score).toBeGreaterThanOrEqual(0.4);
      expect(await digestsOf(off.orgId)).toHaveLength(0);
    });

    it('the setting is the owner’s, of its own org', async () => {
      const own = await t.http.get(`/api/orgs/${dailySme.orgId}/digest-settings`).set(dailySme.auth).expect(200);
      expect(own.body).toEqual({ frequency: 'DAILY' });
      const fresh = await t.http.get(`/api/orgs/${fitting.orgId}/digest-settings`).set(fitting.auth).expect(200);
      expect(fresh.body).toEqual({ frequency: 'WEEKLY' });
      await t.http.get(`/api/orgs/${dailySme.orgId}/digest-settings`).set(fitting.auth).expect(404);
      await t.http
        .put(`/api/orgs/${dailySme.orgId}/digest-settings`)
        .set(fitting.auth)
        .send({ frequency: 'OFF' })
        .expect(404);
      await t.http
        .put(`/api/orgs/${fitting.orgId}/digest-settings`)
        .set(fitting.auth)
        .send({ frequency: 'HOURLY' })
        .expect(400);
    });

    it('a platform none of whose services fits gets nothing', async () => {
      expect(await digestsOf(unrelated.orgId)).toHaveLength(0);
      expect(digestHooks('/unrelated')).toHaveLength(0);
    });

    it('the next period has nothing new to push', async () => {
      expect(weekly(await runDigest(new Date(at().getTime() + WEEK_MS)))).toMatchObject({
        results: 0,
        demands: 0,
        recipients: 0,
      });
      await notificationsIdle();
      expect(await digestsOf(fitting.orgId)).toHaveLength(1);
    });
  });
});
