import { verifyWebhook } from '@pilotlink/notification';
import { RegisteredOrg, TestApp } from '@pilotlink/testing';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { eventually } from './search-fixtures';

/**
 * Polls until `check` returns a truthy value (which it returns) or the time is up — `eventually`'s loop
 * for checks that answer with a value rather than an assertion.
 */
export async function waitFor<T>(
  check: () => Promise<T>,
  what: string,
  timeoutMs = 20_000,
): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  return eventually(
    async () => {
      const value = await check();
      if (!value) throw new Error(`timed out waiting for ${what}`);
      return value as Exclude<T, false | null | undefined | 0 | ''>;
    },
    timeoutMs,
    100,
  );
}

/** Every outbox row relayed, then a quiet moment for the jobs the relay fanned out to land. */
export async function settle(t: TestApp, quietMs = 1_000, timeoutMs = 20_000): Promise<void> {
  // Relayed, and every notifying event dispatched (its inbox rows written): the relay's event lane may queue
  // an event before its row is relayed, and a dispatch may still run after the row is marked processed.
  await waitFor(
    async () =>
      Number(
        (
          await t.db.query(
            `SELECT count(*) AS n FROM outbox
              WHERE processed_at IS NULL OR (queued_at IS NOT NULL AND dispatched_at IS NULL)`,
          )
        )[0].n,
      ) === 0,
    'the outbox to drain and its events to be dispatched',
    timeoutMs,
  );
  await new Promise((resolve) => setTimeout(resolve, quietMs));
}

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
}

/**
 * Where test receivers listen: a loopback address of their own, which the tests allow through
 * WEBHOOK_ALLOWED_HOSTS (every other private address, 127.0.0.1 included, stays refused).
 */
export const RECEIVER_HOST = '127.0.0.2';

/**
 * A local webhook receiver: records every POST; `answer(path)` decides the status (e.g. 503 while
 * "down"). Paths tell orgs apart.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  answer: (path: string, n: number) => number = () => 200;
  private server?: Server;
  private hits = new Map<string, number>();

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        const n = (this.hits.get(path) ?? 0) + 1;
        this.hits.set(path, n);
        const status = this.answer(path, n);
        if (status >= 200 && status < 300)
          this.received.push({ path, headers: req.headers, raw, body: JSON.parse(raw) });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'down');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, RECEIVER_HOST, resolve));
    return this;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://${RECEIVER_HOST}:${this.port}${path}`;
  }

  hitsOf(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  deliveredTo(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Each delivery to the path carries a valid signature of its raw body under `secret`. */
  allSigned(path: string, secret: string): boolean {
    const now = Math.floor(Date.now() / 1000);
    return this.deliveredTo(path).every((r) =>
      verifyWebhook(secret, r.raw, String(r.headers['pilotlink-signature'] ?? ''), now),
    );
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }
}

/** A free local port with nothing listening on it (connections are refused until someone does). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, RECEIVER_HOST, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A listed platform of `operator` with one published service, through the HTTP API. */
export async function listedPlatformWithService(
  t: TestApp,
  operator: RegisteredOrg,
  bureau: RegisteredOrg,
  service: { title: string; description: string; fieldCodes: string[]; category: string },
  regionCode = '350582',
): Promise<{ platformId: string; serviceId: string }> {
  const platform = await t.http
    .post('/api/platforms')
    .set(operator.auth)
    .send({
      name: `${service.title}平台`,
      type: 'PILOT_SERVICE',
      operatingModel: 'SPECIALIZED',
      fieldCodes: service.fieldCodes,
      regionCode,
    });
  if (platform.status !== 201) throw new Error(`platform: ${platform.status} ${JSON.stringify(platform.body)}`);
  await t.http.post(`/api/platforms/${platform.body.id}/submit`).set(operator.auth).expect(200);
  await t.http.post(`/api/platforms/${platform.body.id}/list`).set(bureau.auth).expect(200);
  const created = await t.http
    .post(`/api/platforms/${platform.body.id}/services`)
    .set(operator.auth)
    .send({ ...service, stages: ['PILOT'], pricingKind: 'QUOTE', leadTimeDays: 20 });
  if (created.status !== 201) throw new Error(`service: ${created.status} ${JSON.stringify(created.body)}`);
  await t.http.post(`/api/services/${created.body.id}/publish`).set(operator.auth).expect(200);
  return { platformId: platform.body.id, serviceId: created.body.id };
}

/** Sets the org's webhook URL and returns the (new) full secret. */
export async function configureWebhook(t: TestApp, org: RegisteredOrg, url: string): Promise<string> {
  const res = await t.http.put(`/api/orgs/${org.orgId}/webhook`).set(org.auth).send({ url });
  if (res.status !== 200 || !res.body.secretRevealed)
    throw new Error(`webhook: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.secret as string;
}

export async function inboxOf(t: TestApp, orgId: string, subjectId?: string) {
  return t.db.query<
    { id: string; event_type: string; event_key: string; title: string; body: string; data: Record<string, unknown> }[]
  >(
    `SELECT id, event_type, event_key, title, body, data FROM notifications
      WHERE recipient_org_id = $1 AND ($2::uuid IS NULL OR subject_id = $2) ORDER BY created_at`,
    [orgId, subjectId ?? null],
  );
}
