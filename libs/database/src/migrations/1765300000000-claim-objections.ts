import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 公示 with teeth (SPEC §6): "Payment waits until the public-notice period (公示) has ended; during it
 * anyone may object (异议) through a public form, and the bureau upholds (claim rejected) or dismisses the
 * objection." A claim under objection is UNDER_OBJECTION; a notice of 0 days leaves notice_until NULL.
 */
export class ClaimObjections1765300000000 implements MigrationInterface {
  name = 'ClaimObjections1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE voucher_claims DROP CONSTRAINT voucher_claims_status_check`);
    await q.query(`
      ALTER TABLE voucher_claims ADD CONSTRAINT voucher_claims_status_check
        CHECK (status IN ('SUBMITTED', 'APPROVED', 'UNDER_OBJECTION', 'REJECTED', 'PAID'))`);
    await q.query(`
      CREATE TABLE claim_objections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES voucher_claims(id),
        program_id uuid NOT NULL REFERENCES voucher_programs(id),
        contact text NOT NULL CHECK (length(contact) BETWEEN 1 AND 120),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED')),
        decision_note text,
        decided_at timestamptz,
        decided_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'OPEN') = (decided_at IS NULL))
      )`);
    await q.query(`CREATE INDEX claim_objections_claim_idx ON claim_objections (claim_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claim_objections`);
    await q.query(`ALTER TABLE voucher_claims DROP CONSTRAINT voucher_claims_status_check`);
    await q.query(`
      ALTER TABLE voucher_claims ADD CONSTRAINT voucher_claims_status_check
        CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'PAID'))`);
  }
}
