import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Research digests (issue 21) land in the inbox as subject type `digest` (subject: the recipient org). Their
 * event key is `research-digest.<period>`, so the inbox's UNIQUE (recipient_org_id, event_key) is the
 * one-digest-per-(org, period) key.
 */
export class ResearchDigest1765490000000 implements MigrationInterface {
  name = 'ResearchDigest1765490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_subject_type_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_subject_type_check
        CHECK (subject_type IN ('demand', 'quote', 'service', 'order', 'voucher', 'digest'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE subject_type = 'digest'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_subject_type_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_subject_type_check
        CHECK (subject_type IN ('demand', 'quote', 'service', 'order', 'voucher'))`);
  }
}
