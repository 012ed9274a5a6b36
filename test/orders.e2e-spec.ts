import { ORDER_ACTION_RULES, ORDER_ACTIONS, ORDER_STATUSES, OrderAction, OrderStatus } from '@pilotlink/booking';
import { createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueApi, eventually } from './support/search-fixtures';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000, 0x20), Buffer.from('\n%%EOF\n')]);

describe('orders: transitions, payments, deliverables, reviews (e2e)', () => {
  let t: TestApp;
  let catalogue: CatalogueApi;
  let sme: RegisteredOrg;
  let otherSme: RegisteredOrg;
  let operator: RegisteredOrg;
  let otherOperator: RegisteredOrg;
  let platformId: string;
  let fixedServiceId: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: { DELIVERABLE_MAX_BYTES: '8192', FILE_STORAGE_DIR: mkdtempSync(join(tmpdir(), 'pilotlink-files-')) },
    });
    catalogue = new CatalogueApi(t);
    ({ operator, platformId } = await catalogue.listedPlatform());
    ({ operator: otherOperator } = await catalogue.listedPlatform({ name: '另一家中试平台' }));
    fixedServiceId = await catalogue.publishedService(operator, platformId, {
      title: '功能性面料中试打样',
      pricingKind: 'FIXED',
      priceFen: 5_000_000,
    });
    sme = await verifiedSme();
    otherSme = await verifiedSme();
  });
  afterAll(() => t.close());

  async function verifiedSme(): Promise<RegisteredOrg> {
    const org = await registerOrg(t.http);
    await t.db.query(`UPDATE orgs SET verification_status = 'VERIFIED' WHERE id = $1`, [org.orgId]);
    return org;
  }

  const order = (who: RegisteredOrg, body: Record<string, unknown>) =>
    t.http.post('/api/orders').set(who.auth).send(body);
  const act = (who: RegisteredOrg, id: string, action: string, body: Record<string, unknown> = {}) =>
    t.http.post(`/api/orders/${id}/${action}`).set(who.auth).send(body);
  const deliver = (who: RegisteredOrg, id: string, bytes = PDF, name = '中试检测报告.pdf') =>
    t.http.post(`/api/orders/${id}/deliver`).set(who.auth).attach('file', bytes, name);
  const pay = (id: string, over: Record<string, unknown> = {}) =>
    t.http
      .post(`/api/orders/${id}/payments`)
      .set(sme.auth)
      .send({
        amountFen: 1_000_000,
        paidOn: '2026-11-01',
        method: 'BANK_TRANSFER',
        reference: `ref-${Math.random()}`,
        ...over,
      });
  const statusOf = async (id: string): Promise<OrderStatus> =>
    (await t.db.query(`SELECT status FROM orders WHERE id = $1`, [id]))[0].status;

  /** An order put straight into a state (with both confirmations), to probe the table from every state. */
  async function orderIn(status: OrderStatus): Promise<string> {
    const [row] = await t.db.query(
      `INSERT INTO orders (sme_org_id, platform_id, platform_org_id, service_id, agreed_amount_fen, contract_number, status,
                           sme_confirmed_at, platform_confirmed_at)
       VALUES ($1, $2, $3, $4, 5000000, 'T-' || gen_random_uuid(), $5,
               CASE WHEN $5 = 'ACCEPTED' THEN NULL ELSE now() END, CASE WHEN $5 = 'ACCEPTED' THEN NULL ELSE now() END)
       RETURNING id`,
      [sme.orgId, platformId, operator.orgId, fixedServiceId, status],
    );
    return row.id as string;
  }

  it('the happy path: order → accept → contract by both → pay → start → deliver a report → complete → review', async () => {
    const created = await order(sme, { serviceId: fixedServiceId, note: '样品 3 批' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'REQUESTED', agreedAmountFen: 5_000_000, platformId });
    expect(created.body.contractNumber).toMatch(/^PL-\d{4}-\d{6}$/);
    const id = created.body.id as string;

    expect((await act(operator, id, 'accept')).body.status).toBe('ACCEPTED');
    const smeSigned = await act(sme, id, 'contract');
    expect(smeSigned.body).toMatchObject({
      status: 'ACCEPTED',
      smeConfirmedAt: expect.any(String),
      platformConfirmedAt: null,
    });
    expect((await act(sme, id, 'contract')).status).toBe(409);
    expect((await act(operator, id, 'contract')).body.status).toBe('CONTRACTED');

    expect((await pay(id, { amountFen: 2_000_000, reference: '预付款-001' })).status).toBe(201);
    expect((await act(operator, id, 'start')).body.status).toBe('IN_PROGRESS');
    const delivered = await deliver(operator, id);
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ status: 'DELIVERED', deliveredAt: expect.any(String) });

    const files = await t.http.get(`/api/orders/${id}/deliverables`).set(sme.auth);
    expect(files.body).toMatchObject({
      total: 1,
      items: [{ fileName: '中试检测报告.pdf', contentType: 'application/pdf', sizeBytes: PDF.length }],
    });
    const download = await t.http
      .get(`/api/orders/${id}/deliverables/${files.body.items[0].id}`)
      .set(sme.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);

    expect((await act(sme, id, 'complete')).body).toMatchObject({
      status: 'COMPLETED',
      completedAt: expect.any(String),
    });
    expect((await pay(id, { amountFen: 3_000_001 })).body).toMatchObject({
      code: 'PAYMENT_EXCEEDS_OWED',
      details: { field: 'amountFen', owedFen: 3_000_000 },
    });
    expect((await pay(id, { amountFen: 3_000_000, reference: '尾款-002' })).status).toBe(201);
    const detail = await t.http.get(`/api/orders/${id}`).set(operator.auth);
    expect(detail.body).toMatchObject({ paidFen: 5_000_000, owedFen: 0, status: 'COMPLETED' });
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual([
      'order.requested',
      'order.accept',
      'order.contract',
      'order.contract',
      'order.payment_recorded',
      'order.start',
      'order.deliver',
      'order.complete',
      'order.payment_recorded',
    ]);
    expect(detail.body.history[1]).toMatchObject({
      fromStatus: 'REQUESTED',
      toStatus: 'ACCEPTED',
      actorOrgId: operator.orgId,
    });

    const review = await t.http
      .post(`/api/orders/${id}/review`)
      .set(sme.auth)
      .send({ quality: 5, timeliness: 4, communication: 3, comment: '数据完整' });
    expect(review.status).toBe(201);
    const again = await t.http
      .post(`/api/orders/${id}/review`)
      .set(sme.auth)
      .send({ quality: 1, timeliness: 1, communication: 1 });
    expect(again.body.code).toBe('ALREADY_REVIEWED');
    const [platform] = await t.db.query(`SELECT rating_avg, review_count FROM platforms WHERE id = $1`, [platformId]);
    expect(platform).toEqual({ rating_avg: '4.00', review_count: 1 });
    const [outbox] = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = $1 AND event_type = 'platform.rated'`,
      [platformId],
    );
    expect(outbox.n).toBe(1);

    expect((await t.http.post(`/api/orders/${id}/review/reply`).set(sme.auth).send({ reply: 'x' })).status).toBe(403);
    expect(
      (await t.http.post(`/api/orders/${id}/review/reply`).set(operator.auth).send({ reply: '感谢' })).status,
    ).toBe(201);
    expect(
      (await t.http.post(`/api/orders/${id}/review/reply`).set(operator.auth).send({ reply: '再谢' })).status,
    ).toBe(409);
    const publicReviews = await t.http.get(`/api/platforms/${platformId}/reviews`);
    expect(publicReviews.body.items).toEqual([
      expect.objectContaining({ quality: 5, comment: '数据完整', reply: '感谢' }),
    ]);
    expect(publicReviews.body.items[0]).not.toHaveProperty('smeOrgId');
  });

  it('from an accepted quote to COMPLETED: contract, work, delivery, payment in full, review', async () => {
    const demand = await t.http.post('/api/demands').set(sme.auth).send({
      title: '功能性面料中试验证',
      fieldCode: 'TEXTILE_FIBER',
      stage: 'PILOT',
      mode: 'OPEN',
      confidentiality: 'PUBLIC',
    });
    await t.http.post(`/api/demands/${demand.body.id}/publish`).set(sme.auth).expect(200);
    const quote = await t.http.post(`/api/demands/${demand.body.id}/quotes`).set(operator.auth).send({
      platformId,
      priceFen: 8_000_000,
      timelineDays: 30,
      scope: '3 批次中试 + 检测报告',
      validUntil: '2030-01-31',
    });
    const accepted = await t.http.post(`/api/quotes/${quote.body.id}/accept`).set(sme.auth).expect(200);
    const id = accepted.body.orderId as string;
    const started = await t.http.get(`/api/orders/${id}`).set(sme.auth);
    expect(started.body).toMatchObject({
      status: 'ACCEPTED',
      quoteId: quote.body.id,
      demandId: demand.body.id,
      agreedAmountFen: 8_000_000,
    });

    await act(sme, id, 'contract').expect(200);
    await act(operator, id, 'contract').expect(200);
    await act(operator, id, 'start').expect(200);
    await deliver(operator, id).expect(200);
    await act(sme, id, 'complete').expect(200);
    await pay(id, { amountFen: 8_000_000, reference: '合同全款' }).expect(201);
    await t.http
      .post(`/api/orders/${id}/review`)
      .set(sme.auth)
      .send({ quality: 4, timeliness: 4, communication: 4 })
      .expect(201);
    const done = await t.http.get(`/api/orders/${id}`).set(sme.auth);
    expect(done.body).toMatchObject({ status: 'COMPLETED', paidFen: 8_000_000, owedFen: 0 });
    expect(done.body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'ACCEPTED',
      'CONTRACTED',
      'IN_PROGRESS',
      'DELIVERED',
      'COMPLETED',
      'COMPLETED',
      'COMPLETED',
    ]);
  });

  it('every illegal transition from every state answers 409 with the state, and changes nothing', async () => {
    for (const status of ORDER_STATUSES) {
      const id = await orderIn(status);
      for (const action of ORDER_ACTIONS.filter((a) => !ORDER_ACTION_RULES[a].from.includes(status))) {
        const party = ORDER_ACTION_RULES[action].by[0] === 'SME' ? sme : operator;
        const res = action === 'deliver' ? await deliver(party, id) : await act(party, id, action, { note: '原因' });
        expect({ status, action, code: res.status, body: res.body }).toMatchObject({
          code: 409,
          body: { code: 'INVALID_STATE_TRANSITION', details: { currentState: status } },
        });
      }
      expect(await statusOf(id)).toBe(status);
    }
    const [events] = await t.db.query(`SELECT count(*)::int AS n FROM order_events`);
    expect(events.n).toBeGreaterThan(0); // the happy path's; the refusals added none (checked per order below)
    const [refusedHistory] = await t.db.query(
      `SELECT count(*)::int AS n FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.contract_number LIKE 'T-%'`,
    );
    expect(refusedHistory.n).toBe(0);
  });

  it('the wrong party gets 403 and strangers 404, without any change', async () => {
    const wrongParty: [OrderStatus, OrderAction, RegisteredOrg][] = [
      ['REQUESTED', 'accept', sme],
      ['REQUESTED', 'reject', sme],
      ['CONTRACTED', 'start', sme],
      ['DELIVERED', 'complete', operator],
      ['DELIVERED', 'dispute', operator],
    ];
    for (const [status, action, who] of wrongParty) {
      const id = await orderIn(status);
      const res = await act(who, id, action, { note: '原因' });
      expect({ action, code: res.status, error: res.body.code }).toEqual({ action, code: 403, error: 'FORBIDDEN' });
      expect(await statusOf(id)).toBe(status);
    }
    const inProgress = await orderIn('IN_PROGRESS');
    expect((await deliver(sme, inProgress)).status).toBe(403);

    const id = await orderIn('DELIVERED');
    for (const stranger of [otherSme, otherOperator]) {
      expect((await t.http.get(`/api/orders/${id}`).set(stranger.auth)).status).toBe(404);
      expect((await t.http.get(`/api/orders/${id}/payments`).set(stranger.auth)).status).toBe(404);
      expect((await t.http.get(`/api/orders/${id}/deliverables`).set(stranger.auth)).status).toBe(404);
      expect((await act(stranger, id, 'complete')).status).toBe(404);
      const list = await t.http.get('/api/orders').set(stranger.auth);
      expect(list.body.items.map((o: { id: string }) => o.id)).not.toContain(id);
    }
    expect((await deliver(otherOperator, inProgress)).status).toBe(404);
    expect(
      (
        await t.http.post(`/api/orders/${id}/payments`).set(otherSme.auth).send({
          amountFen: 100,
          paidOn: '2026-11-01',
          method: 'ONLINE',
          reference: 'x',
        })
      ).status,
    ).toBe(404);
    expect(await statusOf(id)).toBe('DELIVERED');
    expect((await t.http.get(`/api/orders/${id}`)).status).toBe(401);
    expect((await act(sme, id, 'teleport')).status).toBe(404);
  });

  it('cancel racing start on a contracted order: exactly one wins and the history agrees', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await orderIn('CONTRACTED');
      const [cancel, start] = await Promise.all([act(sme, id, 'cancel'), act(operator, id, 'start')]);
      expect([cancel.status, start.status].sort()).toEqual([200, 409]);
      const final = await statusOf(id);
      expect(final).toBe(cancel.status === 200 ? 'CANCELLED' : 'IN_PROGRESS');
      const history = await t.db.query(`SELECT action, to_status FROM order_events WHERE order_id = $1`, [id]);
      expect(history).toEqual([{ action: cancel.status === 200 ? 'order.cancel' : 'order.start', to_status: final }]);
    }
  });

  it('payments: positive, dated, by the SME, never more than owed — even when racing', async () => {
    const id = await orderIn('IN_PROGRESS');
    const zero = await pay(id, { amountFen: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.details.fields).toEqual([expect.objectContaining({ field: 'amountFen' })]);
    expect((await pay(id, { amountFen: -100 })).status).toBe(400);
    const future = await pay(id, { paidOn: '2099-01-01' });
    expect(future.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(future.body.details.fields[0].field).toBe('paidOn');
    const byPlatform = await t.http
      .post(`/api/orders/${id}/payments`)
      .set(operator.auth)
      .send({ amountFen: 100, paidOn: '2026-11-01', method: 'ONLINE', reference: 'p' });
    expect(byPlatform.status).toBe(403);
    expect((await pay(id, { reference: 'dup' })).status).toBe(201);
    expect((await pay(id, { reference: 'dup' })).status).toBe(409);

    // 4,000,000 owed now; two racing payments of 3,000,000 cannot both land.
    const racing = await Promise.all([pay(id, { amountFen: 3_000_000 }), pay(id, { amountFen: 3_000_000 })]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 422]);
    const payments = await t.http.get(`/api/orders/${id}/payments`).set(operator.auth);
    expect(payments.body).toMatchObject({ agreedAmountFen: 5_000_000, paidFen: 4_000_000, owedFen: 1_000_000 });
    expect(payments.body.items).toHaveLength(2);
    expect((await pay(await orderIn('REQUESTED'))).status).toBe(409);
  });

  it('direct orders need a priced service; delivery files are checked for type and size', async () => {
    const quoteOnly = await catalogue.publishedService(operator, platformId, { title: '工艺放大方案' });
    expect((await order(sme, { serviceId: quoteOnly })).status).toBe(409);
    const twice = await order(sme, { serviceId: fixedServiceId, quantity: 2 });
    expect(twice.body.details.fields[0].field).toBe('quantity');
    const unit = await catalogue.publishedService(operator, platformId, {
      title: '面料性能检测',
      pricingKind: 'UNIT',
      priceFen: 12_000,
      unitName: '样品',
    });
    expect((await order(sme, { serviceId: unit, quantity: 7 })).body.agreedAmountFen).toBe(84_000);
    expect((await order(operator, { serviceId: unit })).status).toBe(403);

    const id = await orderIn('IN_PROGRESS');
    const exe = await deliver(operator, id, Buffer.from('MZ\x90\x00 not a report'), 'report.pdf');
    expect(exe.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { field: 'file' } });
    const big = await deliver(operator, id, Buffer.concat([PDF, Buffer.alloc(10_000)]));
    expect(big.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { field: 'file' } });
    const json = await act(operator, id, 'deliver');
    expect(json.status).toBe(415);
    expect(await statusOf(id)).toBe('IN_PROGRESS');
    const [files] = await t.db.query(`SELECT count(*)::int AS n FROM order_deliverables WHERE order_id = $1`, [id]);
    expect(files.n).toBe(0);
  });

  it('each change is notified to the other party only, once, through the outbox and BullMQ', async () => {
    await t.startWorker();
    const id = (await order(sme, { serviceId: fixedServiceId })).body.id as string;
    await act(operator, id, 'accept');
    const inbox = async (who: RegisteredOrg) =>
      (await t.http.get('/api/notifications?limit=100').set(who.auth)).body.items.filter(
        (n: { data: { orderId?: string } }) => n.data.orderId === id,
      ) as { title: string; eventType: string }[];
    const platformSide = await eventually(async () => {
      const items = await inbox(operator);
      expect(items).toHaveLength(1);
      return items;
    }, 15_000);
    expect(platformSide[0].title).toMatch(/^订单 PL-\d{4}-\d{6}：收到新的服务订单$/);
    const smeSide = await eventually(async () => {
      const items = await inbox(sme);
      expect(items).toHaveLength(1);
      return items;
    }, 15_000);
    expect(smeSide[0].title).toContain('平台已接单');
    expect(await inbox(otherSme)).toEqual([]);
  });

  it('each party is offered exactly its actions; a dispute needs its reason, and both outcomes keep the reason', async () => {
    const offered = async (who: RegisteredOrg, id: string) => {
      const res = await t.http.get(`/api/orders/${id}`).set(who.auth);
      return { party: res.body.yourParty, actions: res.body.availableActions };
    };
    const delivered = await orderIn('DELIVERED');
    expect(await offered(sme, delivered)).toEqual({ party: 'SME', actions: ['complete', 'dispute'] });
    expect(await offered(operator, delivered)).toEqual({ party: 'PLATFORM', actions: [] });
    const listed = await t.http.get('/api/orders').query({ status: 'DELIVERED', limit: 100 }).set(sme.auth);
    expect(listed.body.items.find((o: { id: string }) => o.id === delivered).availableActions).toEqual([
      'complete',
      'dispute',
    ]);

    const noReason = await act(sme, delivered, 'dispute');
    expect([noReason.status, noReason.body.details.fields[0].field]).toEqual([400, 'note']);
    expect(await statusOf(delivered)).toBe('DELIVERED');
    const disputed = await act(sme, delivered, 'dispute', { note: '检测报告缺少第 3 批数据' });
    expect(disputed.status).toBe(200);
    expect(await offered(operator, delivered)).toEqual({ party: 'PLATFORM', actions: ['start'] });
    expect(await offered(sme, delivered)).toEqual({ party: 'SME', actions: ['complete'] });
    const detail = await t.http.get(`/api/orders/${delivered}`).set(operator.auth);
    expect(detail.body.history.at(-1)).toMatchObject({
      action: 'order.dispute',
      toStatus: 'DISPUTED',
      actorOrgId: sme.orgId,
      note: '检测报告缺少第 3 批数据',
    });

    const accepted = await orderIn('ACCEPTED');
    expect(await offered(operator, accepted)).toEqual({ party: 'PLATFORM', actions: ['contract', 'cancel'] });
    expect((await act(operator, accepted, 'cancel', { note: '设备检修，无法按期排产' })).status).toBe(200);
    expect(await offered(sme, accepted)).toEqual({ party: 'SME', actions: [] });
    const cancelled = await t.http.get(`/api/orders/${accepted}`).set(sme.auth);
    expect(cancelled.body.history.at(-1)).toMatchObject({
      action: 'order.cancel',
      actorOrgId: operator.orgId,
      note: '设备检修，无法按期排产',
    });
  });
});
