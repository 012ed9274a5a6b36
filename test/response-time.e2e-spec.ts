import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { listedPlatformWithService } from './support/notification-fixtures';
import { eventually } from './support/search-fixtures';

/**
 * A platform's response time — the median minutes from seeing a demand to its first quote there — is
 * derived when it quotes, shows on the platform and ranks otherwise equal services and platforms in search.
 */
describe('response time: median minutes to a first quote, on the platform and in search ranking (e2e)', () => {
  let t: TestApp;
  let bureau: RegisteredOrg;
  let sme: RegisteredOrg;
  let operatorA: RegisteredOrg;
  let operatorB: RegisteredOrg;
  let a: { platformId: string; serviceId: string };
  let b: { platformId: string; serviceId: string };

  const SERVICE = {
    title: '陶瓷基板流延中试放大',
    description: '氮化铝陶瓷基板流延成型、烧结与性能检测的中试放大服务',
    fieldCodes: ['MATERIALS_CERAMICS'],
    category: 'SCALE_UP',
  };

  beforeAll(async () => {
    t = await createTestApp();
    bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    sme = await registerOrg(t.http);
    operatorA = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    operatorB = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    for (const org of [sme, operatorA, operatorB]) {
      await t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);
    }
    a = await listedPlatformWithService(t, operatorA, bureau, SERVICE);
    b = await listedPlatformWithService(t, operatorB, bureau, SERVICE);
    await t.startWorker();
  });
  afterAll(() => t.close());

  /** A published demand that became visible `minutesAgo` minutes ago. */
  const demandPublished = async (minutesAgo: number, over: Record<string, unknown> = {}) => {
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
    expect(res.status).toBe(201);
    await t.http.post(`/api/demands/${res.body.id}/publish`).set(sme.auth).expect(200);
    await t.db.query(`UPDATE demands SET published_at = now() - make_interval(mins => $2) WHERE id = $1`, [
      res.body.id,
      minutesAgo,
    ]);
    return res.body.id as string;
  };
  const quote = async (operator: RegisteredOrg, platformId: string, demandId: string) => {
    const res = await t.http.post(`/api/demands/${demandId}/quotes`).set(operator.auth).send({
      platformId,
      priceFen: 5_000_000,
      timelineDays: 30,
      scope: '流延成型 + 烧结 + 检测',
      validUntil: '2030-01-31',
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const platform = async (platformId: string) => (await t.http.get(`/api/platforms/${platformId}`)).body;
  const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1);

  const serviceOrder = async () => {
    const res = await t.http.get('/api/search/services').query({ q: '陶瓷基板流延中试放大' });
    return (res.body.items as { id: string }[])
      .map((hit) => hit.id)
      .filter((id) => [a.serviceId, b.serviceId].includes(id));
  };
  const platformOrder = async () => {
    const res = await t.http.get('/api/search/platforms').query({ sort: 'responseTime' });
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[])
      .map((hit) => hit.id)
      .filter((id) => [a.platformId, b.platformId].includes(id));
  };

  it('is unknown before the first quote, then the median over demands of the minutes to the first quote', async () => {
    expect(await platform(a.platformId)).toMatchObject({ medianFirstQuoteMinutes: null, quotedDemandCount: 0 });

    const d1 = await demandPublished(90);
    const d2 = await demandPublished(30);
    const d3 = await demandPublished(600);
    const first = await quote(operatorA, a.platformId, d1);
    await quote(operatorA, a.platformId, d2);
    await quote(operatorB, b.platformId, d3);

    const pa = await platform(a.platformId);
    expect(pa.quotedDemandCount).toBe(2);
    near(pa.medianFirstQuoteMinutes, 60); // median of 90 and 30
    near((await platform(b.platformId)).medianFirstQuoteMinutes, 600);

    // Withdrawing and quoting again on a demand does not restart its clock nor count it twice.
    await t.http.post(`/api/quotes/${first}/withdraw`).set(operatorA.auth).expect(200);
    await quote(operatorA, a.platformId, d1);
    const again = await platform(a.platformId);
    expect(again.quotedDemandCount).toBe(2);
    near(again.medianFirstQuoteMinutes, 60);
  });

  it('counts from the invitation when a platform was invited after publication', async () => {
    const d4 = await demandPublished(1_000, { confidentiality: 'PRIVATE' });
    await t.http.post(`/api/demands/${d4}/invitations`).set(sme.auth).send({ platformId: b.platformId }).expect(204);
    await t.db.query(`UPDATE demand_invitations SET invited_at = now() - interval '10 minutes' WHERE demand_id = $1`, [
      d4,
    ]);
    await quote(operatorB, b.platformId, d4);
    const pb = await platform(b.platformId);
    expect(pb.quotedDemandCount).toBe(2);
    near(pb.medianFirstQuoteMinutes, 305); // median of 600 and 10, not of 600 and 1000
  });

  it('ranks equally relevant services and platforms by it, and follows when it changes', async () => {
    // A (60 min) answers faster than B (305 min).
    await eventually(async () => expect(await serviceOrder()).toEqual([a.serviceId, b.serviceId]));
    await eventually(async () => expect(await platformOrder()).toEqual([a.platformId, b.platformId]));
    // The order holds from A's first quote on; the index shows its median once the second one is in too.
    await eventually(async () => {
      const hit = (await t.http.get('/api/search/platforms').query({ sort: 'responseTime' })).body.items.find(
        (item: { id: string }) => item.id === a.platformId,
      );
      near(hit.medianFirstQuoteMinutes, 60);
    });

    // Two slow answers make A's median 2,545 minutes: B is now the quicker one.
    await quote(operatorA, a.platformId, await demandPublished(5_000));
    await quote(operatorA, a.platformId, await demandPublished(5_000));
    near((await platform(a.platformId)).medianFirstQuoteMinutes, 2_545);
    await eventually(async () => expect(await serviceOrder()).toEqual([b.serviceId, a.serviceId]));
    await eventually(async () => expect(await platformOrder()).toEqual([b.platformId, a.platformId]));
  });
});
