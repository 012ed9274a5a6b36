import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { QUEUES } from '@pilotlink/queue';
import { createTestApp, RegisteredOrg, TestApp } from '@pilotlink/testing';
import { Queue } from 'bullmq';
import { waitFor } from '../support/notification-fixtures';
import { VoucherWorld, voucherTestEnv } from '../support/voucher-fixtures';

/**
 * Notifications survive a Redis that lost its jobs (issue 14, point 3). The relay queues each notifying
 * event and records when (`queued_at`); its dispatch records when it ran (`dispatched_at`). Here the
 * queue is paused while the events are queued, then wiped — as a Redis restarted without its data — and
 * resumed: the relay's sweeper queues the never-dispatched events again, and each notification arrives
 * exactly once.
 */
describe('durable notification dispatch (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let worker: INestApplicationContext;
  let operator: RegisteredOrg;
  let serviceId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    w = await new VoucherWorld(t).init();
    let platformId: string;
    ({ operator, platformId } = await w.listedPlatform());
    serviceId = await w.fixedService(operator, platformId, 100_000);
    worker = await t.startWorker();
  });
  afterAll(() => t.close());

  it('events whose queued jobs Redis lost are queued again and notify exactly once', async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.NOTIFICATIONS));
    const sme = await w.verifiedSme();
    await queue.pause();
    const orders = await Promise.all(Array.from({ length: 10 }, () => w.order(sme, serviceId)));
    const ids = orders.map((o) => o.id);
    const events = async () =>
      t.db.query<{ queued: boolean; dispatched: boolean }[]>(
        `SELECT queued_at IS NOT NULL AS queued, dispatched_at IS NOT NULL AS dispatched FROM outbox
          WHERE event_type = 'order.requested' AND aggregate_id = ANY($1)`,
        [ids],
      );
    // Queued (the relay is done with them) but, the queue paused, not dispatched.
    await waitFor(async () => {
      const rows = await events();
      return rows.length === 10 && rows.every((r) => r.queued && !r.dispatched);
    }, 'the relay to queue the 10 events');

    // Redis loses the jobs; the queue then runs again.
    await queue.obliterate({ force: true });
    await queue.resume();

    await waitFor(async () => (await events()).every((r) => r.dispatched), 'every event to be dispatched', 45_000);
    const inbox: { subject_id: string; n: number }[] = await t.db.query(
      `SELECT subject_id, count(*)::int AS n FROM notifications
        WHERE recipient_org_id = $1 AND event_type = 'order.requested' AND subject_id = ANY($2) GROUP BY subject_id`,
      [operator.orgId, ids],
    );
    expect(inbox).toHaveLength(10);
    expect(inbox.every((row) => row.n === 1)).toBe(true);
  });
});
