import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Research digests (issue 21) land in the inbox as subject type `digest` (subject: the recipient org). Their
 * event key is `research-digest.<period>`, so the inbox's UNIQUE (recipient_org_id, event_key) is the
 * one-digest-per-(org, period) key. Each org chooses how often it hears (WEEKLY by default, DAILY or OFF); no
 * row means WEEKLY.
 */
export class ResearchDigest1765490000000 implements MigrationInterface {
  name = 'ResearchDigest1765490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_subject_type_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_subject_type_check
        CHECK (subject_type IN ('demand', 'quote', 'service', 'order', 'voucher', 'digest'))`);
    await q.query(`
      CREATE TABLE research_digest_settings (
        org_id uuid PRIMARY KEY REFERENCES orgs(id),
        frequency text NOT NULL CHECK (frequency IN ('WEEKLY', 'DAILY', 'OFF')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE research_digest_settings`);
    await q.query(`DELETE FROM notifications WHERE subject_type = 'digest'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_subject_type_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_subject_type_check
        CHECK (subject_type IN ('demand', 'quote', 'service', 'order', 'voucher'))`);
  }
}
