import { QUEUES } from '@pilotlink/queue';
import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, runJob, TestApp } from '@pilotlink/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { inboxOf, listedPlatformWithService, settle, waitFor } from './support/notification-fixtures';

/**
 * SPEC §4a "confidentiality as for demands", as one matrix for research results: every viewer × every way of
 * reaching a result (get, the public list, search, matches, proposals, the research digest) for a PUBLIC, a
 * SUMMARY and a PRIVATE result. The secret sentence is only in the technical detail (description); whoever
 * may not see the detail must never receive it anywhere, and a digest never carries it at all.
 */
const SECRET = '钇铝石榴石助剂配比X9';
const WEEK_MS = 7 * 24 * 3600 * 1000;
const Q = '氧化铝陶瓷基板';

const resultBody = (confidentiality: Level) => ({
  title: `氧化铝陶瓷基板流延成型技术（${confidentiality}）`,
  summary: '氧化铝陶瓷基板流延成型与烧结工艺，已完成小试，寻求中试放大验证。',
  description: `烧结工艺详情：${SECRET}。`,
  fieldCode: 'MATERIALS_CERAMICS',
  stageReached: 'LAB',
  readinessLevel: 4,
  ipItems: [{ kind: 'INVENTION_PATENT', number: 'ZL202399000009.9', title: '一种陶瓷基板的制备方法' }],
  verificationCategories: ['SCALE_UP'],
  targetStage: 'PILOT',
  budgetMaxFen: 30_000_000,
  transferModes: ['LICENSE'],
  contactName: '李老师',
  contactPhone: '0595-88888888',
  confidentiality,
});
const proposalBody = (platformId: string) => ({
  platformId,
  priceFen: 18_000_000,
  timelineDays: 60,
  scope: '3 批次中试放大 + 热导率检测报告',
  validUntil: '2099-12-31',
  ipOwnership: 'BUYER',
});

type Level = 'PUBLIC' | 'SUMMARY' | 'PRIVATE';
type Viewer =
  | 'owner'
  | 'otherInstitute'
  | 'platform'
  | 'ndaPlatform'
  | 'invited'
  | 'unverifiedPlatform'
  | 'sme'
  | 'bureauHere'
  | 'bureauElsewhere'
  | 'admin'
  | 'anonymous';
type Seen = 'FULL' | 'SUMMARY' | 'NONE' | 401 | 403 | 404;

interface Observed {
  get: Seen;
  publicList: Seen;
  search: Seen;
  /** Status; "+adopters" when the SMEs that might adopt it are shown too (the institute's lead only). */
  matches: '200' | '200+adopters' | 401 | 404;
  /** How many proposals the viewer lists (the institute all, a platform its own), or the status. */
  proposals: number | 401 | 403 | 404;
  digest: Seen;
}

describe('research result confidentiality matrix (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  const who = {} as Record<Exclude<Viewer, 'anonymous'>, RegisteredOrg>;
  const platformOf = {} as Record<'platform' | 'ndaPlatform' | 'invited', string>;
  const results = {} as Record<Level, string>;
  const proposalOf = {} as Record<'platform' | 'invited', string>;

  beforeAll(async () => {
    t = await createTestApp();
    who.bureauHere = await createPrivilegedOrg(t, 'BUREAU', '350500');
    who.bureauElsewhere = await createPrivilegedOrg(t, 'BUREAU', '440100');
    who.admin = await createPrivilegedOrg(t, 'ADMIN', '100000');
    who.owner = await registerOrg(t.http, { kind: 'INSTITUTE', name: '泉州装备制造研究所' });
    who.otherInstitute = await registerOrg(t.http, { kind: 'INSTITUTE', name: '华侨大学' });
    who.unverifiedPlatform = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    who.sme = await registerOrg(t.http, { name: '晋江陶瓷科技有限公司' });
    for (const viewer of ['platform', 'ndaPlatform', 'invited'] as const) {
      who[viewer] = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: `陶瓷中试基地-${viewer}` });
    }
    for (const viewer of ['owner', 'otherInstitute', 'sme', 'platform', 'ndaPlatform', 'invited'] as const) {
      await t.http.post(`/api/orgs/${who[viewer].orgId}/verify`).set(who.bureauHere.auth).expect(200);
    }
    for (const viewer of ['platform', 'ndaPlatform', 'invited'] as const) {
      ({ platformId: platformOf[viewer] } = await listedPlatformWithService(t, who[viewer], who.bureauHere, {
        title: `氧化铝陶瓷基板流延成型中试-${viewer}`,
        description: '氧化铝陶瓷基板 流延成型 烧结 中试放大',
        fieldCodes: ['MATERIALS_CERAMICS'],
        category: 'SCALE_UP',
      }));
    }
    // A potential adopter: the SME subscribes to the results' field.
    await t.http
      .post('/api/subscriptions')
      .set(who.sme.auth)
      .send({ fieldCodes: ['MATERIALS'] })
      .expect(201);
    worker = await t.startWorker();

    for (const level of ['PUBLIC', 'SUMMARY', 'PRIVATE'] as const) {
      const draft = await t.http.post('/api/results').set(who.owner.auth).send(resultBody(level)).expect(201);
      results[level] = draft.body.id;
      if (level !== 'PUBLIC') {
        await t.http
          .post(`/api/results/${results[level]}/invitations`)
          .set(who.owner.auth)
          .send({ platformId: platformOf.invited })
          .expect(204);
      }
      await t.http.post(`/api/results/${results[level]}/publish`).set(who.owner.auth).expect(200);
    }
    // The NDA opens the SUMMARY result; a PRIVATE one it may not even see.
    await t.http.post(`/api/results/${results.SUMMARY}/nda`).set(who.ndaPlatform.auth).expect(200);
    expect((await t.http.post(`/api/results/${results.PRIVATE}/nda`).set(who.ndaPlatform.auth)).status).toBe(404);

    // Proposals: the uninvited platform on what it sees, the invited one on all three.
    const propose = async (viewer: 'platform' | 'invited', level: Level) => {
      const res = await t.http
        .post(`/api/results/${results[level]}/proposals`)
        .set(who[viewer].auth)
        .send(proposalBody(platformOf[viewer]));
      expect([viewer, level, res.status]).toEqual([viewer, level, 201]);
      return res.body.id as string;
    };
    await propose('platform', 'PUBLIC');
    proposalOf.platform = await propose('platform', 'SUMMARY');
    await propose('invited', 'PUBLIC');
    await propose('invited', 'SUMMARY');
    proposalOf.invited = await propose('invited', 'PRIVATE');
    const hidden = await t.http
      .post(`/api/results/${results.PRIVATE}/proposals`)
      .set(who.platform.auth)
      .send(proposalBody(platformOf.platform));
    expect(hidden.status).toBe(404);

    await settle(t, 1_000, 90_000); // services and results indexed
    await waitFor(async () => {
      const res = await t.http.get('/api/search/results').query({ q: Q, limit: 100 }).set(who.platform.auth);
      const found = (res.body.items ?? []).map((r: { id: string }) => r.id);
      return found.includes(results.PUBLIC) && found.includes(results.SUMMARY);
    }, 'the results to be searchable');

    // The digest of the week after publication.
    const published = await t.http.get(`/api/results/${results.PUBLIC}`).set(who.owner.auth).expect(200);
    const weekAfter = new Date(new Date(published.body.publishedAt).getTime() + WEEK_MS);
    await runJob(t, worker, QUEUES.MAINTENANCE, 'research-digest', { at: weekAfter.toISOString() });
    for (const viewer of ['platform', 'ndaPlatform', 'invited', 'sme'] as const) {
      await waitFor(
        async () => (await inboxOf(t, who[viewer].orgId)).some((n) => n.event_type === 'research.digest'),
        `the digest to reach ${viewer}`,
      );
    }
  }, 240_000);
  afterAll(() => t.close());

  const auth = (viewer: Viewer) => (viewer === 'anonymous' ? {} : who[viewer].auth);
  const HIDDEN_FIELDS = ['description', 'contactName', 'contactPhone', 'budgetMaxFen', 'instituteOrgId'];
  /** FULL carries the detail; SUMMARY none of the hidden fields, nor the secret, nor the patent number. */
  const viewOf = (body: { view?: string; description?: string }): Seen => {
    if (body.view === 'FULL') {
      expect(body.description).toContain(SECRET);
      return 'FULL';
    }
    expect(body.view).toBe('SUMMARY');
    for (const field of HIDDEN_FIELDS) expect(body).not.toHaveProperty(field);
    expect(JSON.stringify(body)).not.toContain(SECRET);
    expect(JSON.stringify(body)).not.toContain('ZL202399000009.9');
    return 'SUMMARY';
  };
  type Item = { id: string; view?: string; description?: string };
  const pick = (res: { status: number; body: { items?: Item[] } }, id: string): Seen => {
    if (res.status !== 200) return res.status as Seen;
    const found = (res.body.items ?? []).find((item) => item.id === id);
    return found ? viewOf(found) : 'NONE';
  };

  async function observe(viewer: Viewer, level: Level): Promise<Observed> {
    const id = results[level];
    const get = await t.http.get(`/api/results/${id}`).set(auth(viewer));
    const publicList = await t.http.get('/api/results/public').query({ limit: 100 }).set(auth(viewer));
    const search = await t.http.get('/api/search/results').query({ q: Q, limit: 100 }).set(auth(viewer));
    const matches = await t.http.get(`/api/results/${id}/matches`).set(auth(viewer));
    const proposals = await t.http.get(`/api/results/${id}/proposals`).query({ limit: 100 }).set(auth(viewer));
    const inbox = await t.http.get('/api/notifications').query({ limit: 100 }).set(auth(viewer));

    if (matches.status === 200 && get.status === 200 && get.body.view === 'SUMMARY') {
      expect(JSON.stringify(matches.body)).not.toContain(SECRET);
    }
    let digest: Seen = inbox.status === 200 ? 'NONE' : (inbox.status as Seen);
    if (inbox.status === 200) {
      const digests = (
        inbox.body.items as { eventType: string; body: string; data: { results?: { id: string; view: string }[] } }[]
      ).filter((n) => n.eventType === 'research.digest');
      expect(digests.length).toBeLessThanOrEqual(1);
      for (const d of digests) {
        // A digest shows results by their summary fields only, whatever the recipient's view.
        expect(JSON.stringify(d)).not.toContain(SECRET);
        expect(JSON.stringify(d)).not.toContain('ZL202399000009.9');
        const entry = d.data.results?.find((r) => r.id === id);
        if (entry) digest = entry.view as Seen;
      }
    }
    return {
      get: get.status === 200 ? viewOf(get.body) : (get.status as Seen),
      publicList: pick(publicList, id),
      search: pick(search, id),
      matches:
        matches.status === 200
          ? matches.body.adopters
            ? '200+adopters'
            : '200'
          : (matches.status as Observed['matches']),
      proposals: proposals.status === 200 ? proposals.body.items.length : (proposals.status as 401 | 403 | 404),
      digest,
    };
  }

  const row = (
    get: Seen,
    publicList: Seen,
    search: Seen,
    matches: Observed['matches'],
    proposals: Observed['proposals'],
    digest: Seen,
  ): Observed => ({ get, publicList, search, matches, proposals, digest });

  const MATRIX: Record<Level, Record<Viewer, Observed>> = {
    // Anyone sees a PUBLIC result in full; only the institute (and an admin) sees every proposal and who might
    // adopt it, a platform its own proposals; SMEs and bureaus are refused the proposals by their kind (403,
    // before any lookup: it says nothing of the result).
    PUBLIC: {
      owner: row('FULL', 'FULL', 'FULL', '200+adopters', 2, 'NONE'),
      otherInstitute: row('FULL', 'FULL', 'FULL', '200', 404, 'NONE'),
      platform: row('FULL', 'FULL', 'FULL', '200', 1, 'FULL'),
      ndaPlatform: row('FULL', 'FULL', 'FULL', '200', 0, 'FULL'),
      invited: row('FULL', 'FULL', 'FULL', '200', 1, 'FULL'),
      unverifiedPlatform: row('FULL', 'FULL', 'FULL', '200', 0, 'NONE'),
      sme: row('FULL', 'FULL', 'FULL', '200', 403, 'FULL'),
      bureauHere: row('FULL', 'FULL', 'FULL', '200', 403, 'NONE'),
      bureauElsewhere: row('FULL', 'FULL', 'FULL', '200', 403, 'NONE'),
      admin: row('FULL', 'FULL', 'FULL', '200', 2, 'NONE'),
      anonymous: row('FULL', 'FULL', 'FULL', 401, 401, 401),
    },
    // The verified audience (platforms, SMEs, bureaus) sees the summary; the NDA and the invitation open it.
    SUMMARY: {
      // Search is the market's: an institute (the owner too) finds PUBLIC results there, its own in its list.
      owner: row('FULL', 'NONE', 'NONE', '200+adopters', 2, 'NONE'),
      otherInstitute: row(404, 'NONE', 'NONE', 404, 404, 'NONE'),
      platform: row('SUMMARY', 'NONE', 'SUMMARY', '200', 1, 'SUMMARY'),
      ndaPlatform: row('FULL', 'NONE', 'FULL', '200', 0, 'FULL'),
      invited: row('FULL', 'NONE', 'FULL', '200', 1, 'FULL'),
      unverifiedPlatform: row(404, 'NONE', 'NONE', 404, 404, 'NONE'),
      sme: row('SUMMARY', 'NONE', 'SUMMARY', '200', 403, 'SUMMARY'),
      bureauHere: row('SUMMARY', 'NONE', 'SUMMARY', '200', 403, 'NONE'),
      bureauElsewhere: row('SUMMARY', 'NONE', 'SUMMARY', '200', 403, 'NONE'),
      admin: row('FULL', 'NONE', 'FULL', '200', 2, 'NONE'),
      anonymous: row(404, 'NONE', 'NONE', 401, 401, 401),
    },
    // Invited orgs only; never in the index nor in any digest, not even the invited platform's.
    PRIVATE: {
      owner: row('FULL', 'NONE', 'NONE', '200+adopters', 1, 'NONE'),
      otherInstitute: row(404, 'NONE', 'NONE', 404, 404, 'NONE'),
      platform: row(404, 'NONE', 'NONE', 404, 404, 'NONE'),
      ndaPlatform: row(404, 'NONE', 'NONE', 404, 404, 'NONE'),
      invited: row('FULL', 'NONE', 'NONE', '200', 1, 'NONE'),
      unverifiedPlatform: row(404, 'NONE', 'NONE', 404, 404, 'NONE'),
      sme: row(404, 'NONE', 'NONE', 404, 403, 'NONE'),
      bureauHere: row(404, 'NONE', 'NONE', 404, 403, 'NONE'),
      bureauElsewhere: row(404, 'NONE', 'NONE', 404, 403, 'NONE'),
      admin: row('FULL', 'NONE', 'NONE', '200', 1, 'NONE'),
      anonymous: row(404, 'NONE', 'NONE', 401, 401, 401),
    },
  };

  for (const level of ['PUBLIC', 'SUMMARY', 'PRIVATE'] as const) {
    it.each(Object.keys(MATRIX[level]) as Viewer[])(`${level} result, seen by %s`, async (viewer) => {
      expect(await observe(viewer, level)).toEqual(MATRIX[level][viewer]);
    });
  }

  it('a proposal is its platform’s and the institute’s: anyone else lists none of it and acts on it in vain', async () => {
    const listed = await t.http.get(`/api/results/${results.SUMMARY}/proposals`).set(who.platform.auth).expect(200);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([proposalOf.platform]);
    // Someone else's proposal is a 404 to whoever could otherwise take the action (another institute may
    // accept/decline its own results' proposals, another platform withdraw its own); other kinds are refused
    // by their kind (403) before any lookup.
    const mayTake: Record<string, Viewer[]> = {
      accept: ['otherInstitute'],
      decline: ['otherInstitute'],
      withdraw: ['invited', 'ndaPlatform', 'platform'],
    };
    const strangers: [Viewer, string][] = [
      ['invited', proposalOf.platform],
      ['ndaPlatform', proposalOf.platform],
      ['platform', proposalOf.invited],
      ['otherInstitute', proposalOf.platform],
      ['sme', proposalOf.platform],
      ['bureauHere', proposalOf.invited],
    ];
    for (const [viewer, proposalId] of strangers) {
      for (const action of ['accept', 'decline', 'withdraw']) {
        const body = action === 'decline' ? { reason: 'OTHER' } : {};
        const res = await t.http.post(`/api/result-proposals/${proposalId}/${action}`).set(auth(viewer)).send(body);
        const expected = mayTake[action].includes(viewer) ? 404 : 403;
        expect([viewer, action, res.status]).toEqual([viewer, action, expected]);
      }
    }
    // Untouched: both still open for the institute to choose.
    const all = await t.http.get(`/api/results/${results.SUMMARY}/proposals`).set(who.owner.auth).expect(200);
    expect(all.body.items.map((p: { status: string }) => p.status)).toEqual(['SUBMITTED', 'SUBMITTED']);
  });
});
