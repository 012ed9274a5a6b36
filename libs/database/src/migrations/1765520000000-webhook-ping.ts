import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook test pings (issue 18): an org's owner sends a signed test delivery through the usual delivery path,
 * which delivers notifications — so a ping is an inbox row of subject type `webhook` (subject: the endpoint),
 * and its attempts land in the delivery log like any other.
 */
export class WebhookPing1765520000000 implements MigrationInterface {
  name = 'WebhookPing1765520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_subject_type_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_subject_type_check
        CHECK (subject_type IN ('demand', 'quote', 'service', 'order', 'voucher', 'digest', 'webhook'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM webhook_deliveries WHERE notification_id IN
      (SELECT id FROM notifications WHERE subject_type = 'webhook')`);
    await q.query(`DELETE FROM notifications WHERE subject_type = 'webhook'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_subject_type_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_subject_type_check
        CHECK (subject_type IN ('demand', 'quote', 'service', 'order', 'voucher', 'digest'))`);
  }
}
