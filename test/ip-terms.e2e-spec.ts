import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { CatalogueApi } from './support/search-fixtures';

/**
 * IP terms (issue 21, SPEC §4a): a platform states in its quote who owns what the pilot produces and how
 * benefits are shared; the terms are validated as a whole, revised like the rest of the quote, carried onto
 * the order the SME's acceptance creates, and kept in the audit trail.
 */
describe('IP terms on quotes and orders (e2e)', () => {
  let t: TestApp;
  let bureau: RegisteredOrg;
  let sme: RegisteredOrg;
  let operator: RegisteredOrg;
  let platformId: string;
  let demandId: string;

  beforeAll(async () => {
    t = await createTestApp();
    bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    sme = await registerOrg(t.http);
    await t.http.post(`/api/orgs/${sme.orgId}/verify`).set(bureau.auth).expect(200);
    ({ operator, platformId } = await new CatalogueApi(t).listedPlatform());
    const demand = await t.http.post('/api/demands').set(sme.auth).send({
      title: '氮化物陶瓷基板中试放大',
      fieldCode: 'MATERIALS_CERAMICS',
      stage: 'PILOT',
      mode: 'OPEN',
      confidentiality: 'PUBLIC',
    });
    demandId = demand.body.id;
    await t.http.post(`/api/demands/${demandId}/publish`).set(sme.auth).expect(200);
  });
  afterAll(() => t.close());

  const submit = (over: Record<string, unknown>) =>
    t.http
      .post(`/api/demands/${demandId}/quotes`)
      .set(operator.auth)
      .send({
        platformId,
        priceFen: 20_000_000,
        timelineDays: 60,
        scope: '3 批次中试放大 + 性能检测报告',
        validUntil: '2030-01-31',
        ...over,
      });

  it('refuses terms that do not hold together, naming the field; creates nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ipOwnership: 'SHARED' }, 'ipBuyerShareBp'],
      [{ ipOwnership: 'BUYER', ipBuyerShareBp: 5_000 }, 'ipBuyerShareBp'],
      [{ ipOwnership: 'SHARED', ipBuyerShareBp: 10_000 }, 'ipBuyerShareBp'],
      [{ ipOwnership: 'SHARED', ipBuyerShareBp: 50.5 }, 'ipBuyerShareBp'],
      [{ ipOwnership: 'EVERYONE' }, 'ipOwnership'],
      [{ benefitSharingNote: '' }, 'benefitSharingNote'],
    ];
    for (const [over, field] of cases) {
      const res = await submit(over);
      expect([field, res.status, res.body.details?.fields?.[0]?.field]).toEqual([field, 400, field]);
    }
    const quotes = await t.http.get(`/api/demands/${demandId}/quotes`).set(sme.auth).expect(200);
    expect(quotes.body.total).toBe(0);
  });

  it('a quote states them; a revision changes them; the order and the audit trail carry them', async () => {
    const quote = await submit({ ipOwnership: 'SHARED', ipBuyerShareBp: 6_000, benefitSharingNote: '谁投入谁获益' });
    expect(quote.status).toBe(201);
    expect(quote.body.ipTerms).toEqual({
      ipOwnership: 'SHARED',
      ipOwnershipLabel: '双方共有',
      ipBuyerShareBp: 6_000,
      ipPlatformShareBp: 4_000,
      benefitSharingNote: '谁投入谁获益',
    });
    const id = quote.body.id as string;

    // The SME asks for a change; the platform answers with sole buyer ownership (the share goes with it).
    await t.http.post(`/api/quotes/${id}/revise`).set(sme.auth).send({ note: '成果应归我方所有' }).expect(200);
    const revised = await t.http.post(`/api/quotes/${id}/revise`).set(operator.auth).send({ ipOwnership: 'BUYER' });
    expect(revised.status).toBe(200);
    expect(revised.body.ipTerms).toMatchObject({
      ipOwnership: 'BUYER',
      ipBuyerShareBp: null,
      benefitSharingNote: '谁投入谁获益',
    });

    const accepted = await t.http.post(`/api/quotes/${id}/accept`).set(sme.auth).expect(200);
    const order = await t.http.get(`/api/orders/${accepted.body.orderId}`).set(operator.auth).expect(200);
    expect(order.body.ipTerms).toEqual({
      ipOwnership: 'BUYER',
      ipOwnershipLabel: '归委托方（需求方）所有',
      ipBuyerShareBp: null,
      ipPlatformShareBp: null,
      benefitSharingNote: '谁投入谁获益',
    });
    const [row] = await t.db.query(`SELECT ip_ownership, benefit_sharing_note FROM orders WHERE id = $1`, [
      accepted.body.orderId,
    ]);
    expect(row).toEqual({ ip_ownership: 'BUYER', benefit_sharing_note: '谁投入谁获益' });

    const audit = await t.http
      .get('/api/audit-events')
      .query({ entityType: 'quote', entityId: id })
      .set(bureau.auth)
      .expect(200);
    const byAction = new Map(
      (audit.body.items as { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[]).map(
        (e) => [e.action, e],
      ),
    );
    expect(byAction.get('quote.submitted')?.after).toMatchObject({ ipOwnership: 'SHARED', ipBuyerShareBp: 6_000 });
    expect(byAction.get('quote.revised')?.before).toMatchObject({ ipOwnership: 'SHARED' });
    expect(byAction.get('quote.revised')?.after).toMatchObject({ ipOwnership: 'BUYER', ipBuyerShareBp: null });
  });
});
