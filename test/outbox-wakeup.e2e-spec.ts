import type { INestApplicationContext } from '@nestjs/common';
import { OUTBOX_RELAY_LOCK_KEY } from '@pilotlink/queue';
import { OutboxRelay } from '@pilotlink/queue/outbox/relay/outbox-relay.service';
import { adminQuery, createTestApp, databaseName, TestApp } from '@pilotlink/testing';
import { Client } from 'pg';
import { settle, waitFor } from './support/notification-fixtures';

/** A sleep no test waits out: a row relayed while the relay sleeps this long was relayed because an insert woke it. */
const NO_POLLING_MS = 60 * 60_000;

/**
 * The outbox relay wakes on inserts (issue 22): the outbox's trigger notifies at commit, the relay's
 * listener wakes the sleeping loop. Here the relay's sleeps are stretched to an hour, so a row can only be
 * relayed through the notification — also after the listener's connection was cut and made again. A
 * notifying event is queued and dispatched by the event lane even while the relay's batch cannot run.
 */
describe('outbox relay wakes on inserts (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let relay: OutboxRelay;
  const sleeps: number[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.startWorker();
    relay = worker.get(OutboxRelay);
    await settle(t, 0);
    await waitFor(async () => relay.listening, 'the relay to listen');
    // Every sleep from now on lasts an hour unless an insert ends it (a wakeable sleep: idle or worked).
    const stretched = (relay as unknown as { sleeper: { sleep(ms: number, wakeable: boolean): Promise<void> } })
      .sleeper;
    const sleep = stretched.sleep.bind(stretched);
    jest.spyOn(stretched, 'sleep').mockImplementation((ms, wakeable) => {
      sleeps.push(ms);
      return sleep(ms === 0 ? 0 : NO_POLLING_MS, wakeable);
    });
    // The relay is asleep in a stretched sleep before anything is inserted.
    await waitFor(async () => sleeps.length >= 1, 'the relay to go to sleep');
  });
  afterAll(() => t.close());

  const insertRow = async (): Promise<string> => {
    const [row] = await t.db.query<{ id: string }[]>(
      `INSERT INTO outbox (aggregate_type, aggregate_id, event_type) VALUES ('platform', gen_random_uuid(), 'platform.updated')
       RETURNING id`,
    );
    return row.id;
  };
  const processed = async (id: string) =>
    (
      await t.db.query<{ done: boolean }[]>(`SELECT processed_at IS NOT NULL AS done FROM outbox WHERE id = $1`, [id])
    )[0].done;

  it('an insert wakes the sleeping relay, which relays the row', async () => {
    const id = await insertRow();
    await waitFor(() => processed(id), 'the row to be relayed');
  });

  it('a listener whose connection was cut listens again, and inserts wake the relay again', async () => {
    const url = t.env.DATABASE_URL;
    const listeners = () =>
      adminQuery(url, async (client) => {
        const { rows } = await client.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'pilotlink-outbox-listener'`,
          [databaseName(url)],
        );
        return rows.map((row) => row.pid);
      });
    const [before] = await listeners();
    const cut = await adminQuery(url, (client) => client.query(`SELECT pg_terminate_backend($1)`, [before]));
    expect(cut.rowCount).toBe(1);
    await waitFor(async () => {
      const now = await listeners();
      return relay.listening && now.length === 1 && now[0] !== before;
    }, 'the listener to connect again');
    const id = await insertRow();
    await waitFor(() => processed(id), 'the row to be relayed');
  });

  // Last: the relay, found locked, then sleeps (stretched) until the worker closes.
  it('a notifying event is queued and dispatched while the relay batch (the search sync) cannot run', async () => {
    const holder = new Client({ connectionString: t.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [OUTBOX_RELAY_LOCK_KEY]);
      // An order event whose order is gone: its dispatch notifies nobody, and records that it ran.
      const [row] = await t.db.query<{ id: string }[]>(
        `INSERT INTO outbox (aggregate_type, aggregate_id, event_type, payload)
         VALUES ('order', gen_random_uuid(), 'order.requested', '{}') RETURNING id`,
      );
      const state = await waitFor(async () => {
        const [r] = await t.db.query<{ processed: boolean; queued: boolean; dispatched: boolean }[]>(
          `SELECT processed_at IS NOT NULL AS processed, queued_at IS NOT NULL AS queued,
                  dispatched_at IS NOT NULL AS dispatched FROM outbox WHERE id = $1`,
          [row.id],
        );
        return r.dispatched && r;
      }, 'the event to be dispatched');
      expect(state).toEqual({ processed: false, queued: true, dispatched: true });
    } finally {
      await holder.end();
    }
  });
});
