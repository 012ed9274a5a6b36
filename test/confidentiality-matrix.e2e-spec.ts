import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { settle } from './support/notification-fixtures';
import { CatalogueApi } from './support/search-fixtures';

/**
 * SPEC §4 confidentiality, as one matrix: six viewers × five ways of reaching a demand (get, list,
 * search, matches, notifications), for a SUMMARY and a PRIVATE demand. The secret sentence appears
 * only in the description; whoever may not see the description must never receive it anywhere.
 */
const SECRET = '机密配方X17号粘结剂体系';

type Viewer = 'owner' | 'invited' | 'nda' | 'otherPlatform' | 'otherSme' | 'anonymous';
type Seen = 'FULL' | 'SUMMARY' | 'NONE' | 401 | 403 | 404;

interface Expectations {
  get: Seen;
  list: Seen;
  search: Seen;
  matches: 200 | 401 | 404;
  notification: Seen;
}

describe('demand confidentiality matrix (e2e)', () => {
  let t: TestApp;
  const who = {} as Record<Exclude<Viewer, 'anonymous'>, RegisteredOrg>;
  const platformOf = {} as Record<'invited' | 'nda' | 'otherPlatform', string>;
  const demands = {} as Record<'SUMMARY' | 'PRIVATE', string>;

  beforeAll(async () => {
    t = await createTestApp();
    const catalogue = new CatalogueApi(t);
    for (const viewer of ['invited', 'nda', 'otherPlatform'] as const) {
      const { operator, platformId } = await catalogue.listedPlatform({
        name: `先进陶瓷中试平台-${viewer}`,
        fieldCodes: ['MATERIALS'],
      });
      await catalogue.publishedService(operator, platformId, {
        title: '陶瓷基板流延成型中试放大',
        description: '氧化铝、氮化铝陶瓷基板的流延成型、烧结工艺放大与性能检测。',
        category: 'SCALE_UP',
        fieldCodes: ['MATERIALS'],
        stages: ['PILOT'],
      });
      who[viewer] = operator;
      platformOf[viewer] = platformId;
    }
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    for (const viewer of ['owner', 'otherSme'] as const) {
      who[viewer] = await registerOrg(t.http);
      await t.http.post(`/api/orgs/${who[viewer].orgId}/verify`).set(bureau.auth).expect(200);
    }
    await t.startWorker();

    for (const confidentiality of ['SUMMARY', 'PRIVATE'] as const) {
      const draft = await t.http
        .post('/api/demands')
        .set(who.owner.auth)
        .send({
          title: `陶瓷基板流延成型中试放大（${confidentiality}）`,
          description: `我们需要验证氮化铝陶瓷基板的流延成型与烧结工艺，使用${SECRET}，目标热导率 170 W/mK。`,
          fieldCode: 'MATERIALS_CERAMICS',
          stage: 'PILOT',
          categories: ['SCALE_UP'],
          mode: 'OPEN',
          confidentiality,
        })
        .expect(201);
      demands[confidentiality] = draft.body.id;
      await t.http
        .post(`/api/demands/${draft.body.id}/invitations`)
        .set(who.owner.auth)
        .send({ platformId: platformOf.invited })
        .expect((res) => expect(res.status).toBeLessThan(300));
      await t.http.post(`/api/demands/${draft.body.id}/publish`).set(who.owner.auth).expect(200);
    }
    // Notifications are rendered as each recipient saw the demand when it was published: settle first,
    // then the NDA (for PRIVATE the NDA is refused: nobody uninvited may even see it).
    await settle(t);
    await t.http.post(`/api/demands/${demands.SUMMARY}/nda`).set(who.nda.auth).expect(200);
    expect((await t.http.post(`/api/demands/${demands.PRIVATE}/nda`).set(who.nda.auth)).status).toBe(404);
    // The search index is written by the relay: wait until the SUMMARY demand is findable.
    await waitUntilSearchable(demands.SUMMARY);
  });
  afterAll(() => t.close());

  async function waitUntilSearchable(id: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const res = await t.http.get('/api/search/demands?q=陶瓷基板').set(who.otherPlatform.auth);
      if (res.body.items?.some((d: { id: string }) => d.id === id)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('demand never became searchable');
  }

  const auth = (viewer: Viewer) => (viewer === 'anonymous' ? {} : who[viewer].auth);
  const viewOf = (body: { view?: string; description?: string }): Seen => {
    if (body.view === 'FULL') {
      expect(body.description).toContain(SECRET);
      return 'FULL';
    }
    expect(body).not.toHaveProperty('description');
    expect(JSON.stringify(body)).not.toContain(SECRET);
    return 'SUMMARY';
  };

  async function observe(viewer: Viewer, demandId: string): Promise<Expectations> {
    const get = await t.http.get(`/api/demands/${demandId}`).set(auth(viewer));
    const list = await t.http.get('/api/demands?limit=100').set(auth(viewer));
    const search = await t.http.get('/api/search/demands?q=陶瓷基板&limit=100').set(auth(viewer));
    const matches = await t.http.get(`/api/demands/${demandId}/matches`).set(auth(viewer));
    const inbox = await t.http.get('/api/notifications?limit=100').set(auth(viewer));

    const pick = (res: { status: number; body: { items?: { id?: string }[] } }, find: (items: never[]) => unknown) => {
      if (res.status !== 200) return res.status as Seen;
      const found = find((res.body.items ?? []) as never[]) as { view?: string } | undefined;
      return found ? viewOf(found) : 'NONE';
    };
    const notifications =
      inbox.status === 200
        ? (
            inbox.body.items as { eventType: string; subjectId: string; body: string; data: { view?: string } }[]
          ).filter((n) => n.subjectId === demandId && n.eventType.startsWith('demand.'))
        : [];
    if (notifications.length > 1) throw new Error(`${viewer} got ${notifications.length} notifications`);
    const notification: Seen =
      inbox.status !== 200
        ? (inbox.status as Seen)
        : notifications.length === 0
          ? 'NONE'
          : notifications[0].body.includes(SECRET)
            ? 'FULL'
            : 'SUMMARY';
    if (notification === 'SUMMARY') expect(JSON.stringify(notifications[0])).not.toContain(SECRET);

    return {
      get: get.status === 200 ? viewOf(get.body) : (get.status as Seen),
      list: pick(list, (items: { id: string }[]) => items.find((d) => d.id === demandId)),
      search: pick(search, (items: { id: string }[]) => items.find((d) => d.id === demandId)),
      matches: matches.status as Expectations['matches'],
      notification,
    };
  }

  const SUMMARY_MATRIX: Record<Viewer, Expectations> = {
    owner: { get: 'FULL', list: 'FULL', search: 403, matches: 200, notification: 'NONE' },
    invited: { get: 'FULL', list: 'FULL', search: 'FULL', matches: 404, notification: 'FULL' },
    // Told at publication (before its NDA) with the summary; sees everything once it accepted.
    nda: { get: 'FULL', list: 'FULL', search: 'FULL', matches: 404, notification: 'SUMMARY' },
    otherPlatform: { get: 'SUMMARY', list: 'SUMMARY', search: 'SUMMARY', matches: 404, notification: 'SUMMARY' },
    otherSme: { get: 404, list: 'NONE', search: 403, matches: 404, notification: 'NONE' },
    anonymous: { get: 401, list: 401, search: 401, matches: 401, notification: 401 },
  };

  const PRIVATE_MATRIX: Record<Viewer, Expectations> = {
    owner: { get: 'FULL', list: 'FULL', search: 403, matches: 200, notification: 'NONE' },
    // PRIVATE demands are never in the search index, not even for the invited platform.
    invited: { get: 'FULL', list: 'FULL', search: 'NONE', matches: 404, notification: 'FULL' },
    nda: { get: 404, list: 'NONE', search: 'NONE', matches: 404, notification: 'NONE' },
    otherPlatform: { get: 404, list: 'NONE', search: 'NONE', matches: 404, notification: 'NONE' },
    otherSme: { get: 404, list: 'NONE', search: 403, matches: 404, notification: 'NONE' },
    anonymous: { get: 401, list: 401, search: 401, matches: 401, notification: 401 },
  };

  it.each(Object.keys(SUMMARY_MATRIX) as Viewer[])('SUMMARY demand, seen by %s', async (viewer) => {
    expect(await observe(viewer, demands.SUMMARY)).toEqual(SUMMARY_MATRIX[viewer]);
  });

  it.each(Object.keys(PRIVATE_MATRIX) as Viewer[])('PRIVATE demand, seen by %s', async (viewer) => {
    expect(await observe(viewer, demands.PRIVATE)).toEqual(PRIVATE_MATRIX[viewer]);
  });
});
