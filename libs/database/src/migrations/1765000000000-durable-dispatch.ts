import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable notification dispatch (issue 14, point 3): an outbox row of a notifying event records when
 * the relay queued its dispatch job (`queued_at`) and when that dispatch ran (`dispatched_at`, set by the
 * worker once the inbox rows are written). A row queued but never dispatched — Redis restarted empty,
 * the job lost — is found through the partial index and queued again by the relay's sweeper.
 */
export class DurableDispatch1765000000000 implements MigrationInterface {
  name = 'DurableDispatch1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN queued_at timestamptz, ADD COLUMN dispatched_at timestamptz`);
    await q.query(
      `CREATE INDEX outbox_undispatched ON outbox (queued_at) WHERE queued_at IS NOT NULL AND dispatched_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_undispatched`);
    await q.query(`ALTER TABLE outbox DROP COLUMN queued_at, DROP COLUMN dispatched_at`);
  }
}
