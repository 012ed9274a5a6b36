import { setWebhookResolver } from '@pilotlink/notification';
import { addMember, createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import {
  configureWebhook,
  freePort,
  inboxOf,
  listedPlatformWithService,
  RECEIVER_HOST,
  settle,
  waitFor,
  WebhookReceiver,
} from './support/notification-fixtures';

/**
 * Webhooks: configuration (owner only, secret shown once), signed deliveries retried with
 * exponential backoff while the receiver is down or refuses connections, a delivery log with every
 * attempt, and exhausted jobs kept for an admin to inspect and retry.
 */
describe('webhooks: configuration, retries, delivery log, failed jobs (e2e)', () => {
  const ATTEMPTS = 5;
  let t: TestApp;
  let receiver: WebhookReceiver;
  let bureau: RegisteredOrg;
  let admin: RegisteredOrg;
  let sme: RegisteredOrg;
  let operator: RegisteredOrg;
  let platformId: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        WEBHOOK_ATTEMPTS: String(ATTEMPTS),
        WEBHOOK_BACKOFF_MS: '150',
        WEBHOOK_TIMEOUT_MS: '2000',
        WEBHOOK_ALLOWED_HOSTS: RECEIVER_HOST,
      },
    });
    receiver = await new WebhookReceiver().start();
    bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    admin = await createPrivilegedOrg(t, 'ADMIN', '350000');
    sme = await registerOrg(t.http);
    operator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    for (const org of [sme, operator]) await t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);
    ({ platformId } = await listedPlatformWithService(t, operator, bureau, {
      title: '石墨烯导热膜中试',
      description: '石墨烯 导热膜 卷对卷 中试',
      fieldCodes: ['MATERIALS_GRAPHENE'],
      category: 'SCALE_UP',
    }));
    await t.startWorker();
    await settle(t);
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  /** A quote on a fresh demand: the SME (the webhook owner here) gets one notification for it. */
  const quoteEvent = async () => {
    const demand = await t.http.post('/api/demands').set(sme.auth).send({
      title: '石墨烯导热膜卷对卷中试',
      fieldCode: 'MATERIALS_GRAPHENE',
      stage: 'PILOT',
      mode: 'OPEN',
      confidentiality: 'PUBLIC',
    });
    await t.http.post(`/api/demands/${demand.body.id}/publish`).set(sme.auth).expect(200);
    const quote = await t.http
      .post(`/api/demands/${demand.body.id}/quotes`)
      .set(operator.auth)
      .send({ platformId, priceFen: 8_000_000, timelineDays: 30, scope: '卷对卷三批次', validUntil: '2030-01-31' });
    expect(quote.status).toBe(201);
    const [notification] = await waitFor(async () => {
      const rows = await inboxOf(t, sme.orgId, quote.body.id);
      return rows.length > 0 && rows;
    }, 'the SME to be notified of the quote');
    return notification;
  };
  const deliveriesOf = (notificationId: string) =>
    t.db.query<{ attempt: number; response_status: number | null; error: string | null; succeeded: boolean }[]>(
      `SELECT attempt, response_status, error, succeeded FROM webhook_deliveries WHERE notification_id = $1 ORDER BY attempt`,
      [notificationId],
    );

  it('configuration: owner only, secret shown in full only when created or rotated, http(s) URLs only', async () => {
    const empty = await t.http.get(`/api/orgs/${sme.orgId}/webhook`).set(sme.auth);
    expect(empty.body).toMatchObject({ configured: false, url: null, secret: null, deliveries: [] });

    const created = await t.http
      .put(`/api/orgs/${sme.orgId}/webhook`)
      .set(sme.auth)
      .send({ url: receiver.url('/sme') });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      configured: true,
      enabled: true,
      secretRevealed: true,
      signatureHeader: 'pilotlink-signature',
    });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const shown = await t.http.get(`/api/orgs/${sme.orgId}/webhook`).set(sme.auth);
    expect(shown.body).toMatchObject({ secretRevealed: false, secret: `whsec_…${created.body.secret.slice(-4)}` });
    const updated = await t.http
      .put(`/api/orgs/${sme.orgId}/webhook`)
      .set(sme.auth)
      .send({ url: receiver.url('/sme2') });
    expect(updated.body).toMatchObject({ secretRevealed: false, url: receiver.url('/sme2') });
    const rotated = await t.http
      .put(`/api/orgs/${sme.orgId}/webhook`)
      .set(sme.auth)
      .send({ url: receiver.url('/sme'), rotateSecret: true });
    expect(rotated.body.secretRevealed).toBe(true);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(
      JSON.stringify(await t.db.query(`SELECT after FROM audit_events WHERE entity_type = 'webhook'`)),
    ).not.toContain(rotated.body.secret);

    for (const url of ['ftp://example.cn/hook', 'not a url', 'javascript:alert(1)', '']) {
      const bad = await t.http.put(`/api/orgs/${sme.orgId}/webhook`).set(sme.auth).send({ url });
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toContain('url');
    }
    expect((await t.http.get(`/api/orgs/${sme.orgId}/webhook`).set(operator.auth)).status).toBe(404);
    expect(
      (await t.http.put(`/api/orgs/${sme.orgId}/webhook`).set(operator.auth).send({ url: 'https://evil.example/' }))
        .status,
    ).toBe(404);
    const email = `member-${Date.now()}@example.cn`;
    const member = await t.http
      .post(`/api/orgs/${sme.orgId}/members`)
      .set(sme.auth)
      .send({ email, password: 'member-password-123', displayName: '成员', role: 'MEMBER' });
    expect(member.status).toBe(201);
    const memberLogin = await t.http.post('/api/auth/login').send({ email, password: 'member-password-123' });
    const memberAuth = { Authorization: `Bearer ${memberLogin.body.accessToken}` };
    expect((await t.http.get(`/api/orgs/${sme.orgId}/webhook`).set(memberAuth)).status).toBe(403);
  });

  it('a receiver answering 503 is retried with backoff until it is back; the log shows the failures and one success', async () => {
    const secret = await configureWebhook(t, operator, receiver.url('/op'));
    await t.http
      .put(`/api/orgs/${sme.orgId}/webhook`)
      .set(sme.auth)
      .send({ url: receiver.url('/down-then-up') });
    const smeSecret = (
      await t.http
        .put(`/api/orgs/${sme.orgId}/webhook`)
        .set(sme.auth)
        .send({ url: receiver.url('/down-then-up'), rotateSecret: true })
    ).body.secret;
    receiver.answer = (path, n) => (path === '/down-then-up' && n <= 2 ? 503 : 200);

    const notification = await quoteEvent();
    await waitFor(
      async () => receiver.deliveredTo('/down-then-up').length === 1,
      'the delivery once the receiver is back',
    );
    expect(receiver.hitsOf('/down-then-up')).toBe(3);
    expect(receiver.allSigned('/down-then-up', smeSecret)).toBe(true);
    expect(receiver.deliveredTo('/down-then-up')[0].body).toMatchObject({
      notificationId: notification.id,
      eventType: 'quote.submitted',
      eventKey: notification.event_key,
    });
    // The receiver answers before the worker writes the success to the log: wait for the log too.
    await waitFor(async () => (await deliveriesOf(notification.id)).some((d) => d.succeeded), 'the success logged');
    expect(await deliveriesOf(notification.id)).toEqual([
      { attempt: 1, response_status: 503, error: 'answered HTTP 503', succeeded: false },
      { attempt: 2, response_status: 503, error: 'answered HTTP 503', succeeded: false },
      { attempt: 3, response_status: 200, error: null, succeeded: true },
    ]);
    const config = await t.http.get(`/api/orgs/${sme.orgId}/webhook`).set(sme.auth);
    expect(config.body.deliveries.slice(0, 3).map((d: { attempt: number }) => d.attempt)).toEqual([3, 2, 1]);
    expect(secret).toMatch(/^whsec_/);
  });

  it('a refused connection is retried too and delivered once something listens', async () => {
    const port = await freePort();
    await t.http
      .put(`/api/orgs/${sme.orgId}/webhook`)
      .set(sme.auth)
      .send({ url: `http://${RECEIVER_HOST}:${port}/late` });
    const notification = await quoteEvent();
    await waitFor(async () => (await deliveriesOf(notification.id)).length >= 1, 'a refused attempt');
    const late = await new WebhookReceiver().start(port);
    try {
      await waitFor(async () => late.deliveredTo('/late').length === 1, 'the delivery to the late receiver', 30_000);
      // The receiver answers before the worker writes the success to the log: wait for the log too.
      await waitFor(async () => (await deliveriesOf(notification.id)).some((d) => d.succeeded), 'the success logged');
      const log = await deliveriesOf(notification.id);
      expect(log.filter((d) => d.succeeded)).toHaveLength(1);
      expect(log[0]).toMatchObject({ succeeded: false, response_status: null, error: 'ECONNREFUSED' });
    } finally {
      await late.stop();
    }
  });

  it('an exhausted delivery is listed for admins and their retry delivers it; others may not look', async () => {
    await t.http
      .put(`/api/orgs/${sme.orgId}/webhook`)
      .set(sme.auth)
      .send({ url: receiver.url('/always-down') });
    let down = true;
    receiver.answer = (path) => (path === '/always-down' && down ? 503 : 200);
    const notification = await quoteEvent();
    const jobId = `webhook.${notification.id}`;
    const failed = await waitFor(
      async () => {
        const res = await t.http.get('/api/admin/failed-jobs?queue=webhooks').set(admin.auth);
        return res.body.items?.find((j: { id: string }) => j.id === jobId);
      },
      'the job to exhaust its attempts',
      30_000,
    );
    expect(failed).toMatchObject({
      queue: 'webhooks',
      name: 'deliver-webhook',
      data: { notificationId: notification.id },
      attemptsMade: ATTEMPTS,
      failedReason: expect.stringContaining('503'),
      createdAt: expect.any(String),
      finishedAt: expect.any(String),
    });
    expect(await deliveriesOf(notification.id)).toHaveLength(ATTEMPTS);

    expect((await t.http.get('/api/admin/failed-jobs?queue=webhooks').set(sme.auth)).status).toBe(403);
    expect((await t.http.post(`/api/admin/failed-jobs/webhooks/${jobId}/retry`).set(operator.auth)).status).toBe(403);
    expect((await t.http.get('/api/admin/failed-jobs?queue=nope').set(admin.auth)).status).toBe(400);
    expect((await t.http.post('/api/admin/failed-jobs/webhooks/webhook.unknown/retry').set(admin.auth)).status).toBe(
      404,
    );

    down = false;
    const retried = await t.http.post(`/api/admin/failed-jobs/webhooks/${jobId}/retry`).set(admin.auth);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: jobId, queue: 'webhooks' });
    await waitFor(async () => receiver.deliveredTo('/always-down').length === 1, 'the retried delivery');
    // The receiver answers before the worker writes the success to the log: wait for the log too.
    await waitFor(async () => (await deliveriesOf(notification.id)).some((d) => d.succeeded), 'the success logged');
    const log = await deliveriesOf(notification.id);
    expect(log).toHaveLength(ATTEMPTS + 1);
    expect(log.at(-1)).toMatchObject({ attempt: ATTEMPTS + 1, succeeded: true });
    await waitFor(async () => {
      const res = await t.http.get('/api/admin/failed-jobs?queue=webhooks').set(admin.auth);
      return !res.body.items.some((j: { id: string }) => j.id === jobId);
    }, 'the job to leave the failed set');
    // Retrying a job that is no longer failed is refused.
    expect((await t.http.post(`/api/admin/failed-jobs/webhooks/${jobId}/retry`).set(admin.auth)).status).toBe(409);
  });

  it('a test ping is signed, delivered through the queue and logged; owner only, 404 for another org, 409 without a URL', async () => {
    // The operator's webhook exists (an earlier test): point it at /ping with a fresh secret.
    const { secret } = (
      await t.http
        .put(`/api/orgs/${operator.orgId}/webhook`)
        .set(operator.auth)
        .send({ url: receiver.url('/ping'), rotateSecret: true })
        .expect(200)
    ).body;
    const sent = await t.http.post(`/api/orgs/${operator.orgId}/webhook/ping`).set(operator.auth);
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ notificationId: expect.any(String), queued: true });

    await waitFor(async () => receiver.deliveredTo('/ping').length === 1, 'the ping to arrive');
    expect(receiver.allSigned('/ping', secret)).toBe(true);
    expect(receiver.deliveredTo('/ping')[0].body).toMatchObject({
      notificationId: sent.body.notificationId,
      eventType: 'webhook.ping',
      title: 'Webhook 测试推送',
      data: { ping: true, url: receiver.url('/ping') },
    });
    // The receiver answers before the worker writes the success to the log: wait for the log too.
    await waitFor(async () => (await deliveriesOf(sent.body.notificationId)).some((d) => d.succeeded), 'the log');
    const config = await t.http.get(`/api/orgs/${operator.orgId}/webhook`).set(operator.auth);
    expect(config.body.deliveries[0]).toMatchObject({
      notificationId: sent.body.notificationId,
      eventType: 'webhook.ping',
      attempt: 1,
      responseStatus: 200,
      succeeded: true,
      url: receiver.url('/ping'),
    });
    // A second ping is a new delivery, not a duplicate of the first.
    const again = await t.http.post(`/api/orgs/${operator.orgId}/webhook/ping`).set(operator.auth).expect(202);
    expect(again.body.notificationId).not.toBe(sent.body.notificationId);
    await waitFor(async () => receiver.deliveredTo('/ping').length === 2, 'the second ping');

    // Another org's webhook: 404, and nothing is sent; a member of the org: 403.
    const foreign = await t.http.post(`/api/orgs/${operator.orgId}/webhook/ping`).set(sme.auth);
    expect(foreign.status).toBe(404);
    const member = await addMember(t.http, operator, 'MEMBER');
    expect((await t.http.post(`/api/orgs/${operator.orgId}/webhook/ping`).set(member.auth)).status).toBe(403);
    // No URL yet, or deliveries paused: nothing to ping.
    const none = await t.http.post(`/api/orgs/${admin.orgId}/webhook/ping`).set(admin.auth);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('WEBHOOK_NOT_CONFIGURED');
    await t.http
      .put(`/api/orgs/${operator.orgId}/webhook`)
      .set(operator.auth)
      .send({ url: receiver.url('/ping'), enabled: false })
      .expect(200);
    const paused = await t.http.post(`/api/orgs/${operator.orgId}/webhook/ping`).set(operator.auth);
    expect(paused.body.code).toBe('WEBHOOK_NOT_CONFIGURED');
    await settle(t, 300);
    expect(receiver.hitsOf('/ping')).toBe(2);
    const pings = await t.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_org_id = $1 AND event_type = 'webhook.ping'`,
      [operator.orgId],
    );
    expect(pings[0].n).toBe(2);
  });

  describe('SSRF', () => {
    /** A test resolver: these names resolve where the map says; everything else through the system. */
    const dns = new Map<string, string>();
    beforeAll(() => {
      setWebhookResolver(async (hostname) => {
        const address = dns.get(hostname);
        if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
        return [{ address, family: address.includes(':') ? 6 : 4 }];
      });
    });
    afterAll(() => setWebhookResolver(null));

    it('refuses at save every URL whose host is or resolves to a loopback, private, link-local or metadata address', async () => {
      dns.set('metadata.google.internal', '169.254.169.254');
      dns.set('localhost', '127.0.0.1');
      dns.set('intranet.example.cn', '10.1.2.3');
      dns.set('v6-loopback.example.cn', '::1');
      const before = (await t.http.get(`/api/orgs/${sme.orgId}/webhook`).set(sme.auth)).body.url;
      const forms = [
        'http://169.254.169.254/latest/meta-data/',
        'http://127.0.0.1:5432/',
        'http://[::1]/hook',
        'http://10.0.0.1/hook',
        'http://0x7f000001/hook',
        'http://2130706433/hook',
        'http://0177.0.0.1/hook',
        'http://localhost:6379/',
        'http://metadata.google.internal/computeMetadata/v1/',
        'http://intranet.example.cn/hook',
        'http://v6-loopback.example.cn/hook',
        'http://[::ffff:127.0.0.1]/hook',
        'http://[::ffff:a9fe:a9fe]/hook',
        'http://100.64.0.1/hook',
        'http://192.168.1.1/hook',
        'http://172.16.0.1/hook',
        'http://224.0.0.1/hook',
        'http://0.0.0.0/hook',
        'http://[::]/hook',
        'http://[fd00::1]/hook',
        'http://[fe80::1]/hook',
        'http://[64:ff9b::7f00:1]/hook',
        'http://nowhere.invalid/hook',
      ];
      for (const url of forms) {
        const res = await t.http.put(`/api/orgs/${sme.orgId}/webhook`).set(sme.auth).send({ url });
        expect({ url, status: res.status, code: res.body.code }).toEqual({
          url,
          status: 400,
          code: 'WEBHOOK_URL_FORBIDDEN',
        });
        expect(res.body.details.fields[0].field).toBe('url');
      }
      expect((await t.http.get(`/api/orgs/${sme.orgId}/webhook`).set(sme.auth)).body.url).toBe(before);

      // A public address is fine (nothing is sent at save time).
      dns.set('erp.example.cn', '93.184.216.34');
      const ok = await t.http
        .put(`/api/orgs/${sme.orgId}/webhook`)
        .set(sme.auth)
        .send({ url: 'https://erp.example.cn/pilotlink' });
      expect(ok.status).toBe(200);
    });

    it('a name that resolves to a public address when saved and to loopback at delivery is not connected to', async () => {
      const rebinder = await new WebhookReceiver().start();
      try {
        dns.set('hooks.rebind.example.cn', '93.184.216.34');
        const saved = await t.http
          .put(`/api/orgs/${sme.orgId}/webhook`)
          .set(sme.auth)
          .send({ url: `http://hooks.rebind.example.cn:${rebinder.port}/rebound` });
        expect(saved.status).toBe(200);
        // Rebind: the name now points at a listening local receiver.
        dns.set('hooks.rebind.example.cn', RECEIVER_HOST);
        const notification = await quoteEvent();
        await waitFor(async () => (await deliveriesOf(notification.id)).length >= 2, 'two refused attempts');
        const log = await deliveriesOf(notification.id);
        expect(log.slice(0, 2)).toEqual([
          { attempt: 1, response_status: null, error: 'WEBHOOK_ADDRESS_FORBIDDEN', succeeded: false },
          { attempt: 2, response_status: null, error: 'WEBHOOK_ADDRESS_FORBIDDEN', succeeded: false },
        ]);
        expect(rebinder.hitsOf('/rebound')).toBe(0);
      } finally {
        await rebinder.stop();
      }
    });
  });
});
