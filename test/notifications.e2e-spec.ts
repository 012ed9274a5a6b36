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

/**
 * Publishing a demand notifies its matched platforms and the platforms whose subscription fits —
 * once each, in the inbox and by a signed webhook, only as much as each may see; quotes notify the
 * other party; the inbox and subscription APIs.
 */
describe('notifications: demand fan-out, quotes, inbox, subscriptions (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let receiver: WebhookReceiver;
  let bureau: RegisteredOrg;
  let sme: RegisteredOrg;
  /** Matched by text (ceramic substrate services). */
  let opA: RegisteredOrg;
  let opB: RegisteredOrg;
  /** Unrelated service, but subscribed to the materials field. */
  let opC: RegisteredOrg;
  /** Unrelated service, no subscription (with few platforms it may still rank in the top 20). */
  let opD: RegisteredOrg;
  /** A perfectly matching service, but its org is not verified (any more): may not see demands, never told. */
  let opE: RegisteredOrg;
  let platformA: string;
  let platformB: string;
  const secrets: Record<string, string> = {};

  const SECRET_TEXT = '机密配方X-17';

  beforeAll(async () => {
    t = await createTestApp({
      env: { WEBHOOK_ATTEMPTS: '3', WEBHOOK_BACKOFF_MS: '100', WEBHOOK_ALLOWED_HOSTS: RECEIVER_HOST },
    });
    receiver = await new WebhookReceiver().start();
    bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    sme = await registerOrg(t.http, { name: '晋江陶瓷科技有限公司' });
    [opA, opB, opC, opD] = [
      await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: '陶瓷材料研究院' }),
      await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: '先进陶瓷中试基地' }),
      await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: '储能电池检测中心' }),
      await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: '生物医药分析平台' }),
    ];
    opE = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: '陶瓷基板检测所' });
    for (const org of [sme, opA, opB, opC, opD, opE]) {
      await t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);
    }
    ({ platformId: platformA } = await listedPlatformWithService(t, opA, bureau, {
      title: '氧化铝陶瓷基板流延成型中试',
      description: '氧化铝陶瓷基板 流延成型 烧结 中试放大',
      fieldCodes: ['MATERIALS_CERAMICS'],
      category: 'SCALE_UP',
    }));
    ({ platformId: platformB } = await listedPlatformWithService(t, opB, bureau, {
      title: '陶瓷基板烧结工艺中试验证',
      description: '陶瓷基板 烧结 性能检测',
      fieldCodes: ['MATERIALS_CERAMICS'],
      category: 'SCALE_UP',
    }));
    await listedPlatformWithService(t, opC, bureau, {
      title: '锂电池电解液性能检测',
      description: '电解液 电导率 循环寿命',
      fieldCodes: ['ENERGY_ELECTROLYTE'],
      category: 'PERFORMANCE_TEST',
    });
    await listedPlatformWithService(t, opD, bureau, {
      title: '核酸药物质谱分析',
      description: '寡核苷酸 质谱 杂质谱',
      fieldCodes: ['BIOMED_BIOLOGICS'],
      category: 'INSPECTION_TESTING',
    });
    await t.http
      .post('/api/subscriptions')
      .set(opC.auth)
      .send({ fieldCodes: ['MATERIALS'] })
      .expect(201);
    await listedPlatformWithService(t, opE, bureau, {
      title: '氧化铝陶瓷基板流延成型中试',
      description: '氧化铝陶瓷基板 流延成型 烧结 中试放大',
      fieldCodes: ['MATERIALS_CERAMICS'],
      category: 'SCALE_UP',
    });
    await t.http
      .post('/api/subscriptions')
      .set(opE.auth)
      .send({ fieldCodes: ['MATERIALS'] })
      .expect(201);
    // Its verification is withdrawn after its platform was listed.
    await t.db.query(`UPDATE orgs SET verification_status = 'PENDING' WHERE id = $1`, [opE.orgId]);
    for (const [name, org] of Object.entries({ a: opA, b: opB, c: opC, d: opD, e: opE, sme })) {
      secrets[name] = await configureWebhook(t, org, receiver.url(`/${name}`));
    }
    worker = await t.startWorker();
    await settle(t); // the catalogue is indexed before any demand is published
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  const publishDemand = async (over: Record<string, unknown> = {}, invite: string[] = []) => {
    const res = await t.http
      .post('/api/demands')
      .set(sme.auth)
      .send({
        title: '氧化铝陶瓷基板流延成型中试',
        description: `需要验证氧化铝陶瓷基板的流延成型与烧结工艺，${SECRET_TEXT}`,
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
    for (const platformId of invite) {
      const invited = await t.http.post(`/api/demands/${res.body.id}/invitations`).set(sme.auth).send({ platformId });
      expect(invited.status).toBeLessThan(300);
    }
    await t.http.post(`/api/demands/${res.body.id}/publish`).set(sme.auth).expect(200);
    return res.body.id as string;
  };
  const countFor = async (orgId: string, subjectId: string) => (await inboxOf(t, orgId, subjectId)).length;
  const webhooksAbout = (path: string, demandId: string) =>
    receiver.deliveredTo(path).filter((r) => (r.body.data as { demandId?: string }).demandId === demandId);

  it('publishing notifies each matched and subscribed platform exactly once, in the inbox and by a signed webhook', async () => {
    const demandId = await publishDemand();
    await waitFor(
      async () =>
        (await countFor(opA.orgId, demandId)) &&
        (await countFor(opB.orgId, demandId)) &&
        (await countFor(opC.orgId, demandId)),
      'A, B and C to be notified',
    );
    await waitFor(
      async () => ['a', 'b', 'c'].every((path) => webhooksAbout(`/${path}`, demandId).length === 1),
      'one webhook each',
    );
    await settle(t);

    for (const [org, path] of [
      [opA, 'a'],
      [opB, 'b'],
      [opC, 'c'],
    ] as const) {
      const [notification, ...more] = await inboxOf(t, org.orgId, demandId);
      expect(more).toHaveLength(0);
      expect(notification).toMatchObject({ event_type: 'demand.published', event_key: `demand.published.${demandId}` });
      expect(notification.title).toContain('氧化铝陶瓷基板流延成型中试');
      expect(notification.body).toContain(SECRET_TEXT); // PUBLIC: everyone who is told sees everything
      const [hook] = webhooksAbout(`/${path}`, demandId);
      expect(hook.body).toMatchObject({ eventType: 'demand.published', notificationId: notification.id });
      expect(receiver.allSigned(`/${path}`, secrets[path])).toBe(true);
      expect(receiver.allSigned(`/${path}`, secrets.d)).toBe(false);
    }
    // The matched platforms say why; C was told because of its subscription.
    expect((await inboxOf(t, opA.orgId, demandId))[0].data).toMatchObject({ matched: { rank: expect.any(Number) } });
    expect((await inboxOf(t, opC.orgId, demandId))[0].data).toMatchObject({ subscriptionIds: [expect.any(String)] });
    // An org that may not see the demand (unverified), however well it matches, and the owner hear nothing.
    expect(await countFor(opE.orgId, demandId)).toBe(0);
    expect(await countFor(sme.orgId, demandId)).toBe(0);
    expect(webhooksAbout('/e', demandId)).toHaveLength(0);
    expect(webhooksAbout('/sme', demandId)).toHaveLength(0);
    expect(await countFor(opD.orgId, demandId)).toBeLessThanOrEqual(1);

    // A duplicate outbox row for the same publish, and the dispatch job run again: still one each.
    await t.db.query(
      `INSERT INTO outbox (aggregate_type, aggregate_id, event_type) VALUES ('demand', $1, 'demand.published')`,
      [demandId],
    );
    await settle(t);
    const replay = await runJob<{ recipients: number }>(t, worker, QUEUES.NOTIFICATIONS, 'dispatch-event', {
      outboxId: '0',
      eventType: 'demand.published',
      aggregateType: 'demand',
      aggregateId: demandId,
      payload: {},
    });
    expect(replay.recipients).toBeGreaterThanOrEqual(3);
    // Even a notify job that escaped its job id finds the inbox row and adds nothing.
    const again = await runJob<{ created: boolean; webhookQueued: boolean }>(
      t,
      worker,
      QUEUES.NOTIFICATIONS,
      'notify-recipient',
      {
        eventKey: `demand.published.${demandId}`,
        eventType: 'demand.published',
        recipientOrgId: opA.orgId,
        subjectType: 'demand',
        subjectId: demandId,
        reason: {},
      },
    );
    expect(again).toMatchObject({ created: false, webhookQueued: false });
    await settle(t);
    for (const [org, path] of [
      [opA, 'a'],
      [opB, 'b'],
      [opC, 'c'],
    ] as const) {
      expect(await countFor(org.orgId, demandId)).toBe(1);
      expect(webhooksAbout(`/${path}`, demandId)).toHaveLength(1);
    }
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM webhook_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.subject_id = $1 AND d.succeeded`,
      [demandId],
    );
    expect(n).toBe((await t.db.query(`SELECT id FROM notifications WHERE subject_id = $1`, [demandId])).length);
  });

  it('a SUMMARY demand reaches an uninvited platform without its description; an invited one gets it in full', async () => {
    const demandId = await publishDemand({ confidentiality: 'SUMMARY' }, [platformB]);
    await waitFor(
      async () => (await countFor(opA.orgId, demandId)) && (await countFor(opB.orgId, demandId)),
      'A and B to be notified',
    );
    await waitFor(async () => webhooksAbout('/a', demandId).length === 1, 'the webhook to A');
    const [toA] = await inboxOf(t, opA.orgId, demandId);
    expect(toA.data).toMatchObject({ view: 'SUMMARY', budgetBand: '50K_200K' });
    expect(JSON.stringify(toA)).not.toContain('X-17');
    expect(JSON.stringify(toA)).not.toContain('流延成型与烧结工艺');
    expect(webhooksAbout('/a', demandId)[0].raw).not.toContain('X-17');
    const [toB] = await inboxOf(t, opB.orgId, demandId);
    expect(toB.data).toMatchObject({ view: 'FULL' });
    expect(toB.body).toContain(SECRET_TEXT);
  });

  it('a PRIVATE demand notifies only the invited platforms, matched and subscribed ones notwithstanding', async () => {
    const demandId = await publishDemand({ confidentiality: 'PRIVATE' }, [platformA]);
    await waitFor(async () => countFor(opA.orgId, demandId), 'the invited platform to be notified');
    await settle(t);
    expect(await countFor(opA.orgId, demandId)).toBe(1);
    expect(await countFor(opB.orgId, demandId)).toBe(0); // matched, not invited
    expect(await countFor(opC.orgId, demandId)).toBe(0); // subscribed, not invited
    expect(webhooksAbout('/b', demandId)).toHaveLength(0);
    expect(webhooksAbout('/c', demandId)).toHaveLength(0);
    expect((await inboxOf(t, opA.orgId, demandId))[0]).toMatchObject({ event_type: 'demand.published' });

    // Invited once the demand is open: told by its own event, with the full view.
    await t.http.post(`/api/demands/${demandId}/invitations`).set(sme.auth).send({ platformId: platformB });
    const toB = await waitFor(async () => (await inboxOf(t, opB.orgId, demandId))[0], 'the late invitee to be told');
    expect(toB).toMatchObject({ event_type: 'demand.invited', event_key: `demand.invited.${demandId}.${opB.orgId}` });
    expect(toB.body).toContain(SECRET_TEXT);
    await settle(t);
    expect(await countFor(opB.orgId, demandId)).toBe(1);
    expect(await countFor(opA.orgId, demandId)).toBe(1);
  });

  it('quotes notify the other party: submitted → the SME, declined (with its reason) and accepted → the platform', async () => {
    const demandId = await publishDemand();
    const quote = (who: RegisteredOrg, platformId: string) =>
      t.http.post(`/api/demands/${demandId}/quotes`).set(who.auth).send({
        platformId,
        priceFen: 12_000_000,
        timelineDays: 45,
        scope: '流延成型三批次中试',
        validUntil: '2030-01-31',
      });
    const a = await quote(opA, platformA);
    const b = await quote(opB, platformB);
    expect([a.status, b.status]).toEqual([201, 201]);
    const toSme = await waitFor(async () => {
      const rows = await t.db.query(
        `SELECT * FROM notifications WHERE recipient_org_id = $1 AND event_type = 'quote.submitted' AND data->>'demandId' = $2`,
        [sme.orgId, demandId],
      );
      return rows.length === 2 && rows;
    }, 'the SME to hear of both quotes');
    expect(toSme[0].title).toContain('提交了报价');
    expect(toSme.map((n: { event_key: string }) => n.event_key).sort()).toEqual(
      [`quote.submitted.${a.body.id}.1`, `quote.submitted.${b.body.id}.1`].sort(),
    );

    await t.http
      .post(`/api/quotes/${b.body.id}/decline`)
      .set(sme.auth)
      .send({ reason: 'PRICE_TOO_HIGH', comment: '预算有限' })
      .expect(200);
    await t.http.post(`/api/quotes/${a.body.id}/accept`).set(sme.auth).expect(200);
    const declined = await waitFor(
      async () => (await inboxOf(t, opB.orgId, b.body.id)).find((n) => n.event_type === 'quote.declined'),
      'B to hear of the decline',
    );
    expect(declined.data).toMatchObject({ declineReason: 'PRICE_TOO_HIGH', declineComment: '预算有限' });
    expect(declined.body).toContain('报价过高');
    const accepted = await waitFor(
      async () => (await inboxOf(t, opA.orgId, a.body.id)).find((n) => n.event_type === 'quote.accepted'),
      'A to hear of the acceptance',
    );
    expect(accepted.title).toContain('已被接受');
    await settle(t);
    // Each side hears only of what the other did.
    expect(
      (await inboxOf(t, sme.orgId)).filter((n) => ['quote.accepted', 'quote.declined'].includes(n.event_type)),
    ).toHaveLength(0);
    expect((await inboxOf(t, opA.orgId, a.body.id)).map((n) => n.event_type)).toEqual(['quote.accepted']);
  });

  it('the inbox: newest first, unread filter and count, idempotent mark-read; another org’s notification is 404', async () => {
    await settle(t);
    const list = await t.http.get('/api/notifications?limit=100').set(opA.auth);
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(3);
    const times = list.body.items.map((n: { createdAt: string }) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const unreadBefore = (await t.http.get('/api/notifications/unread-count').set(opA.auth)).body.unread;
    expect(unreadBefore).toBe(list.body.total);

    const first = list.body.items[0];
    const read = await t.http.post(`/api/notifications/${first.id}/read`).set(opA.auth);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const readAgain = await t.http.post(`/api/notifications/${first.id}/read`).set(opA.auth);
    expect(readAgain.body.readAt).toBe(read.body.readAt);
    expect((await t.http.get('/api/notifications/unread-count').set(opA.auth)).body.unread).toBe(unreadBefore - 1);
    const unread = await t.http.get('/api/notifications?unread=true&limit=100').set(opA.auth);
    expect(unread.body.total).toBe(unreadBefore - 1);
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(first.id);

    expect((await t.http.post(`/api/notifications/${first.id}/read`).set(opB.auth)).status).toBe(404);
    expect((await t.http.post(`/api/notifications/not-a-uuid/read`).set(opA.auth)).status).toBe(404);
    expect((await t.http.get('/api/notifications?unread=maybe').set(opA.auth)).status).toBe(400);
    expect((await t.http.get('/api/notifications')).status).toBe(401);
  });

  it('subscriptions: create, list, delete; bad criteria → 400 naming the field; another org’s → 404', async () => {
    const created = await t.http
      .post('/api/subscriptions')
      .set(sme.auth)
      .send({ fieldCodes: ['MATERIALS'], categories: ['SCALE_UP'], keywords: [' 陶瓷 '], regionCodes: ['350500'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ keywords: ['陶瓷'], regionCodes: ['350500'] });
    const list = await t.http.get('/api/subscriptions').set(sme.auth);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: created.body.id }] });

    for (const [body, field] of [
      [{}, 'fieldCodes'],
      [{ fieldCodes: ['NOT_A_FIELD'] }, 'fieldCodes'],
      [{ categories: ['COOKING'] }, 'categories'],
      [{ regionCodes: ['990000'] }, 'regionCodes'],
      [{ keywords: [''] }, 'keywords'],
      [{ fieldCodes: ['MATERIALS'], colour: 'red' }, 'colour'],
    ] as const) {
      const res = await t.http.post('/api/subscriptions').set(sme.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect((await t.http.delete(`/api/subscriptions/${created.body.id}`).set(opA.auth)).status).toBe(404);
    expect((await t.http.get('/api/subscriptions').set(bureau.auth)).status).toBe(403);
    expect((await t.http.delete(`/api/subscriptions/${created.body.id}`).set(sme.auth)).status).toBe(204);
    expect((await t.http.delete(`/api/subscriptions/${created.body.id}`).set(sme.auth)).status).toBe(404);
    expect((await t.http.get('/api/subscriptions').set(sme.auth)).body.total).toBe(0);
  });

  it('a newly published service notifies the SMEs whose open demand or subscription it fits', async () => {
    const demandId = await publishDemand({ title: '陶瓷浆料流变性能检测', description: '陶瓷浆料 流变 粘度' });
    const otherSme = await registerOrg(t.http, { name: '泉州新材料有限公司' });
    await t.http
      .post('/api/subscriptions')
      .set(otherSme.auth)
      .send({ keywords: ['浆料'], regionCodes: ['350500'] })
      .expect(201);
    await settle(t);
    const { serviceId } = await listedPlatformWithService(t, opD, bureau, {
      title: '陶瓷浆料流变性能检测服务',
      description: '陶瓷浆料 流变 粘度 检测',
      fieldCodes: ['MATERIALS_CERAMICS'],
      category: 'PERFORMANCE_TEST',
    });
    const toSme = await waitFor(
      async () =>
        (await inboxOf(t, sme.orgId, serviceId)).find((n) => n.event_key === `service.fit.${serviceId}.${demandId}`),
      'the SME to hear of the fitting service',
    );
    expect(toSme.title).toContain('陶瓷浆料流变性能检测');
    const toOther = await waitFor(
      async () => (await inboxOf(t, otherSme.orgId, serviceId))[0],
      'the subscribed SME to hear of the service',
    );
    expect(toOther.event_key).toBe(`service.fit.${serviceId}.subscription`);
    await settle(t);
    expect(await inboxOf(t, otherSme.orgId, serviceId)).toHaveLength(1);
  });

  it('the notification queue is drained and nothing failed', async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.NOTIFICATIONS));
    expect(await queue.getFailedCount()).toBe(0);
  });
});
