import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spot checks lead somewhere (SPEC §6: "a random sample of approved claims (default 5 %) marked for spot
 * checks"; "A failed spot check can revoke a voucher (REVOKED)"): a sampled claim gets a check record; a
 * failed one may revoke the voucher, its unheld balance returned to the budget (REVOKE_RETURN).
 */
export class SpotChecks1765350000000 implements MigrationInterface {
  name = 'SpotChecks1765350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE spot_check_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL UNIQUE REFERENCES voucher_claims(id),
        program_id uuid NOT NULL REFERENCES voucher_programs(id),
        sme_org_id uuid NOT NULL REFERENCES orgs(id),
        result text NOT NULL CHECK (result IN ('PASS', 'FAIL')),
        note text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
        evidence text NOT NULL DEFAULT '',
        voucher_revoked boolean NOT NULL DEFAULT false,
        checked_by_user_id uuid NOT NULL REFERENCES users(id),
        checked_by_org_id uuid NOT NULL REFERENCES orgs(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (result = 'FAIL' OR NOT voucher_revoked)
      )`);
    await q.query(`CREATE INDEX spot_check_records_sme_idx ON spot_check_records (sme_org_id) WHERE result = 'FAIL'`);
    await q.query(`ALTER TABLE vouchers ADD COLUMN revoked_at timestamptz`);
    await q.query(`ALTER TABLE ledger_transactions DROP CONSTRAINT ledger_transactions_kind_check`);
    await q.query(`
      ALTER TABLE ledger_transactions ADD CONSTRAINT ledger_transactions_kind_check
        CHECK (kind IN ('BUDGET_GRANT', 'ISSUE', 'HOLD', 'RELEASE', 'APPROVE', 'PAY', 'EXPIRE_RETURN', 'REVOKE_RETURN'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger_transactions DROP CONSTRAINT ledger_transactions_kind_check`);
    await q.query(`
      ALTER TABLE ledger_transactions ADD CONSTRAINT ledger_transactions_kind_check
        CHECK (kind IN ('BUDGET_GRANT', 'ISSUE', 'HOLD', 'RELEASE', 'APPROVE', 'PAY', 'EXPIRE_RETURN'))`);
    await q.query(`ALTER TABLE vouchers DROP COLUMN revoked_at`);
    await q.query(`DROP TABLE spot_check_records`);
  }
}
