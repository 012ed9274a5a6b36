import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Least privilege for money (issue 15 point 5, SPEC §2 and §6): bureau users hold duties (REVIEWER decides,
 * PAYER disburses); a program's maker-checker option (on by default) keeps the approver of a claim from
 * recording its payment, so the claim remembers who decided it. Claims decided before this migration take
 * their decider from the audit log.
 */
export class LeastPrivilege1765410000000 implements MigrationInterface {
  name = 'LeastPrivilege1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('OWNER', 'MEMBER', 'REVIEWER', 'PAYER'))`);
    await q.query(`ALTER TABLE voucher_programs ADD COLUMN maker_checker boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE voucher_claims ADD COLUMN decided_by_user_id uuid REFERENCES users(id)`);
    await q.query(`
      UPDATE voucher_claims c SET decided_by_user_id = (
        SELECT a.actor_user_id FROM audit_events a
         WHERE a.entity_type = 'voucher_claim' AND a.entity_id = c.id::text
           AND a.action IN ('voucher.claim.approved', 'voucher.claim.rejected')
         ORDER BY a.seq DESC LIMIT 1)
       WHERE c.decided_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE voucher_claims DROP COLUMN decided_by_user_id`);
    await q.query(`ALTER TABLE voucher_programs DROP COLUMN maker_checker`);
    await q.query(`UPDATE users SET role = 'MEMBER' WHERE role IN ('REVIEWER', 'PAYER')`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('OWNER', 'MEMBER'))`);
  }
}
