import { statementName } from '@pilotlink/database';
import { createPrivilegedOrg, createTestApp, registerOrg, TestApp } from '@pilotlink/testing';

describe('platform: health, worker, errors, audit log, OpenAPI (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('health reports PostgreSQL, Redis and Meilisearch up, and the worker down until it beats', async () => {
    const before = await t.http.get('/api/health');
    expect(before.status).toBe(503);
    expect(before.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'Unhealthy: worker' });
    expect(before.body.details).toMatchObject({
      postgres: { status: 'up' },
      redis: { status: 'up' },
      meilisearch: { status: 'up' },
      worker: { status: 'down' },
    });

    const worker = await t.startWorker();
    const after = await t.http.get('/api/health');
    expect(after.status).toBe(200);
    expect(after.body.status).toBe('ok');
    expect(after.body.details.worker.status).toBe('up');

    await worker.close();
    // A stopped worker removes its heartbeat, so health turns at once rather than after the timeout.
    expect((await t.http.get('/api/health')).body.details.worker.status).toBe('down');
  });

  it("the app's connections prepare parameterized statements once and start READ COMMITTED", async () => {
    const runner = t.db.createQueryRunner(); // one connection of the app's pool
    try {
      const text = 'SELECT $1::int + 1 AS n';
      expect(await runner.query(text, [1])).toEqual([{ n: 2 }]);
      expect(await runner.query(text, [41])).toEqual([{ n: 42 }]);
      const prepared = await runner.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [text]);
      expect(prepared).toEqual([{ name: statementName(text) }]);
      // without parameters a statement keeps the simple protocol
      await runner.query('SELECT 1 AS one');
      expect(
        await runner.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1`, [
          'SELECT 1 AS one',
        ]),
      ).toEqual([{ n: 0 }]);
      expect(await runner.query('SHOW default_transaction_isolation')).toEqual([
        { default_transaction_isolation: 'read committed' },
      ]);
    } finally {
      await runner.release();
    }
  });

  it('the worker schedules and runs the refresh-token pruning job on BullMQ', async () => {
    const sme = await registerOrg(t.http);
    await t.db.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 day' WHERE user_id = $1`, [
      sme.userId,
    ]);
    const fresh = await registerOrg(t.http);

    const worker = await t.startWorker();
    const { getQueueToken } = await import('@nestjs/bullmq');
    const queue = worker.get(getQueueToken('maintenance')) as import('bullmq').Queue;
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain('prune-refresh-tokens');

    const { QueueEvents } = await import('bullmq');
    const events = new QueueEvents('maintenance', {
      connection: { url: process.env.REDIS_URL },
      prefix: t.env.QUEUE_PREFIX,
    });
    // Listen before adding: a job finished before the listener is up would never be reported.
    await events.waitUntilReady();
    const job = await queue.add('prune-refresh-tokens', {});
    try {
      // The scheduler's own first run may have pruned the row already; either way a worker job did.
      const result = await job.waitUntilFinished(events, 15_000);
      expect(Number.isInteger(result.pruned)).toBe(true);
    } finally {
      await events.close();
      await worker.close();
    }
    const left = await t.db.query(`SELECT user_id FROM refresh_tokens WHERE user_id IN ($1, $2)`, [
      sme.userId,
      fresh.userId,
    ]);
    expect(left.map((r: { user_id: string }) => r.user_id)).toEqual([fresh.userId]);
  });

  it('errors use the envelope, never leak internals, and oversized or malformed bodies are refused', async () => {
    const unknown = await t.http.get('/api/no-such-route');
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });

    const malformed = await t.http.post('/api/auth/login').set('content-type', 'application/json').send('{"email":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_REQUEST');

    const huge = await t.http.post('/api/auth/login').send({ email: 'a@b.cn', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');

    for (const res of [unknown, malformed, huge]) {
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/at .+\.(js|ts):\d+|SELECT|QueryFailedError/);
      expect(Object.keys(res.body).sort()).toEqual(expect.arrayContaining(['code', 'message', 'statusCode']));
    }
  });

  it('the audit log records identity actions and refuses to be rewritten', async () => {
    const sme = await registerOrg(t.http);
    const rows = await t.db.query(`SELECT action FROM audit_events WHERE subject_org_id = $1`, [sme.orgId]);
    expect(rows.map((r: { action: string }) => r.action)).toContain('org.registered');

    await expect(
      t.db.query(`UPDATE audit_events SET action = 'tampered' WHERE subject_org_id = $1`, [sme.orgId]),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events WHERE subject_org_id = $1`, [sme.orgId])).rejects.toThrow(
      /append-only/,
    );

    const admin = await createPrivilegedOrg(t, 'ADMIN', '350500');
    const listed = await t.http.get(`/api/audit-events?subjectOrgId=${sme.orgId}`).set(admin.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((e: { action: string }) => e.action)).toContain('org.registered');
    expect((await t.http.get('/api/audit-events').set(sme.auth)).status).toBe(403);
  });

  it('serves the OpenAPI document with the error envelope', async () => {
    const doc = await t.http.get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths).toHaveProperty('/api/auth/login');
    expect(doc.body.paths).toHaveProperty('/api/orgs/{id}/verify');
    expect(doc.body.components.schemas.ErrorResponseDto.properties).toHaveProperty('code');
    expect(doc.body.paths['/api/me'].get.responses.default.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ErrorResponseDto',
    );
    expect((await t.http.get('/api/docs')).status).toBe(200);
  });
});
