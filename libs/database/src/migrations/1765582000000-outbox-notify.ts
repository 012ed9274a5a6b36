import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox relay wakes when rows are written (issue 22) instead of polling every 100–250 ms: every
 * statement that inserts into the outbox notifies channel `outbox_inserted` (the relay's listener,
 * OUTBOX_CHANNEL in libs/queue). Per statement, not per row: a bulk insert wakes the relay once, and
 * PostgreSQL sends the notification only when the inserting transaction commits (none on rollback).
 */
export class OutboxNotify1765582000000 implements MigrationInterface {
  name = 'OutboxNotify1765582000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_inserted', '');
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_inserted ON outbox`);
    await q.query(`DROP FUNCTION outbox_notify()`);
  }
}
