import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vouchers (SPEC §6): programs, applications, vouchers, holds on orders, claims, disbursements and
 * the double-entry ledger every movement of money goes through.
 *
 * The database is the last line for money: ledger balances carry CHECKs so none but the outside
 * funding account goes negative; a deferred constraint trigger refuses to commit a ledger transaction
 * whose postings do not sum to zero; postings and transactions are append-only; partial UNIQUE indexes
 * allow one live hold per order and one live claim per hold; cap counters are rows whose conditional
 * updates decide racing holds.
 */
export class Vouchers1764700000000 implements MigrationInterface {
  name = 'Vouchers1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // Related parties (关联交易) need who holds an org: a shareholder is keyed by its USCC or ID hash.
    await q.query(`
      CREATE TABLE org_shareholders (
        org_id uuid NOT NULL REFERENCES orgs(id),
        holder_key text NOT NULL CHECK (length(holder_key) BETWEEN 1 AND 64),
        holder_name text NOT NULL,
        share_bp integer NOT NULL CHECK (share_bp BETWEEN 1 AND 10000),
        PRIMARY KEY (org_id, holder_key)
      )`);
    await q.query(`CREATE INDEX org_shareholders_holder_idx ON org_shareholders (holder_key)`);

    // In DEDUCT (通兑) programs the voucher pays part of the order at checkout: the SME owes less.
    await q.query(`
      ALTER TABLE orders
        ADD COLUMN voucher_deduction_fen bigint NOT NULL DEFAULT 0
          CHECK (voucher_deduction_fen >= 0 AND voucher_deduction_fen <= agreed_amount_fen)`);

    await q.query(`
      CREATE TABLE voucher_programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bureau_org_id uuid NOT NULL REFERENCES orgs(id),
        kind text NOT NULL CHECK (kind IN ('PILOT_SERVICE', 'INNOVATION')),
        name text NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
        rule jsonb NOT NULL,
        max_voucher_fen bigint NOT NULL CHECK (max_voucher_fen > 0),
        cap_per_sme_year_fen bigint CHECK (cap_per_sme_year_fen > 0),
        cap_per_order_fen bigint CHECK (cap_per_order_fen > 0),
        cap_per_platform_year_fen bigint CHECK (cap_per_platform_year_fen > 0),
        one_per_pair boolean NOT NULL DEFAULT false,
        sme_tech_only boolean NOT NULL DEFAULT false,
        sme_teams_allowed boolean NOT NULL DEFAULT true,
        sme_region_codes text[] NOT NULL DEFAULT '{}',
        sme_field_codes text[] NOT NULL DEFAULT '{}',
        eligible_categories text[] NOT NULL DEFAULT '{}',
        excluded_purposes text[] NOT NULL DEFAULT '{}',
        platform_ids uuid[] NOT NULL DEFAULT '{}',
        min_recognition_level text NOT NULL DEFAULT 'NONE',
        apply_from date NOT NULL,
        apply_until date NOT NULL,
        validity_days integer NOT NULL CHECK (validity_days BETWEEN 1 AND 3660),
        redemption_mode text NOT NULL CHECK (redemption_mode IN ('REIMBURSE', 'DEDUCT')),
        cofunders jsonb NOT NULL,
        notice_days integer NOT NULL DEFAULT 7 CHECK (notice_days BETWEEN 0 AND 90),
        spot_check_bp integer NOT NULL DEFAULT 500 CHECK (spot_check_bp BETWEEN 0 AND 10000),
        budget_fen bigint NOT NULL DEFAULT 0 CHECK (budget_fen >= 0),
        rules_locked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (apply_until >= apply_from)
      )`);
    await q.query(`CREATE INDEX voucher_programs_bureau_idx ON voucher_programs (bureau_org_id, status)`);

    await q.query(`
      CREATE TABLE vouchers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        program_id uuid NOT NULL REFERENCES voucher_programs(id),
        sme_org_id uuid NOT NULL REFERENCES orgs(id),
        face_value_fen bigint NOT NULL CHECK (face_value_fen > 0),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'EXHAUSTED', 'EXPIRED', 'REVOKED')),
        valid_from date NOT NULL,
        valid_until date NOT NULL CHECK (valid_until >= valid_from),
        expired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX vouchers_sme_idx ON vouchers (sme_org_id, status)`);
    await q.query(`CREATE INDEX vouchers_expiry_idx ON vouchers (valid_until) WHERE status IN ('ACTIVE', 'EXHAUSTED')`);

    await q.query(`
      CREATE TABLE voucher_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES voucher_programs(id),
        sme_org_id uuid NOT NULL REFERENCES orgs(id),
        requested_fen bigint NOT NULL CHECK (requested_fen > 0),
        approved_fen bigint CHECK (approved_fen > 0 AND approved_fen <= requested_fen),
        purpose text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        reason text,
        decided_at timestamptz,
        decided_by_org_id uuid REFERENCES orgs(id),
        voucher_id uuid UNIQUE REFERENCES vouchers(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'APPROVED') = (voucher_id IS NOT NULL AND approved_fen IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX voucher_applications_program_idx ON voucher_applications (program_id, status)`);
    await q.query(`CREATE INDEX voucher_applications_sme_idx ON voucher_applications (sme_org_id)`);

    await q.query(`
      CREATE TABLE voucher_holds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        voucher_id uuid NOT NULL REFERENCES vouchers(id),
        order_id uuid NOT NULL REFERENCES orders(id),
        program_id uuid NOT NULL REFERENCES voucher_programs(id),
        sme_org_id uuid NOT NULL REFERENCES orgs(id),
        platform_id uuid NOT NULL REFERENCES platforms(id),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        status text NOT NULL DEFAULT 'HELD' CHECK (status IN ('HELD', 'CLAIMED', 'CONVERTED', 'RELEASED')),
        release_reason text,
        released_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // 就高不重复: an order is subsidised by one voucher at most — a released hold frees it.
    await q.query(
      `CREATE UNIQUE INDEX voucher_holds_one_per_order ON voucher_holds (order_id) WHERE status <> 'RELEASED'`,
    );
    await q.query(`CREATE INDEX voucher_holds_voucher_idx ON voucher_holds (voucher_id, status)`);

    // Per-year caps as counters: a conditional increment decides racing holds (used never passes the cap).
    await q.query(`
      CREATE TABLE voucher_cap_usage (
        program_id uuid NOT NULL REFERENCES voucher_programs(id),
        scope text NOT NULL CHECK (scope IN ('SME', 'PLATFORM', 'PAIR')),
        subject_key text NOT NULL,
        used_fen bigint NOT NULL DEFAULT 0 CHECK (used_fen >= 0),
        PRIMARY KEY (program_id, scope, subject_key)
      )`);

    await q.query(`
      CREATE TABLE disbursement_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES voucher_programs(id),
        bureau_org_id uuid NOT NULL REFERENCES orgs(id),
        reference text NOT NULL,
        total_fen bigint NOT NULL CHECK (total_fen > 0),
        claim_count integer NOT NULL CHECK (claim_count > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (program_id, reference)
      )`);

    await q.query(`
      CREATE TABLE voucher_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hold_id uuid NOT NULL REFERENCES voucher_holds(id),
        order_id uuid NOT NULL REFERENCES orders(id),
        voucher_id uuid NOT NULL REFERENCES vouchers(id),
        program_id uuid NOT NULL REFERENCES voucher_programs(id),
        platform_id uuid NOT NULL REFERENCES platforms(id),
        sme_org_id uuid NOT NULL REFERENCES orgs(id),
        payee_org_id uuid NOT NULL REFERENCES orgs(id),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        contract_number text NOT NULL,
        invoice_number text NOT NULL,
        invoice_amount_fen bigint NOT NULL CHECK (invoice_amount_fen > 0),
        payment_reference text NOT NULL,
        acceptance_file_id uuid REFERENCES order_deliverables(id),
        checks jsonb NOT NULL,
        flags text[] NOT NULL DEFAULT '{}',
        spot_check boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'PAID')),
        reason text,
        decided_at timestamptz,
        notice_until date,
        paid_at timestamptz,
        batch_id uuid REFERENCES disbursement_batches(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX voucher_claims_one_live_per_hold ON voucher_claims (hold_id) WHERE status <> 'REJECTED'`,
    );
    await q.query(`CREATE INDEX voucher_claims_program_idx ON voucher_claims (program_id, status)`);
    await q.query(`CREATE INDEX voucher_claims_payee_idx ON voucher_claims (payee_org_id)`);
    await q.query(`CREATE INDEX voucher_claims_platform_idx ON voucher_claims (platform_id, created_at)`);

    await q.query(`
      CREATE TABLE claim_payouts (
        claim_id uuid NOT NULL REFERENCES voucher_claims(id),
        cofunder_key text NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
        PRIMARY KEY (claim_id, cofunder_key)
      )`);

    await this.ledger(q);

    // Voucher decisions are notified like orders and quotes.
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_subject_type_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_subject_type_check
        CHECK (subject_type IN ('demand', 'quote', 'service', 'order', 'voucher'))`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        org_id uuid NOT NULL REFERENCES orgs(id),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        request_hash text NOT NULL,
        state text NOT NULL DEFAULT 'IN_PROGRESS' CHECK (state IN ('IN_PROGRESS', 'DONE')),
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, key)
      )`);
  }

  private async ledger(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES voucher_programs(id),
        kind text NOT NULL CHECK (kind IN ('FUNDING', 'BUDGET', 'VOUCHER', 'HOLD', 'PAYABLE', 'PAID')),
        voucher_id uuid REFERENCES vouchers(id),
        cofunder_key text,
        balance_fen bigint NOT NULL DEFAULT 0,
        -- Per voucher: VOUCHER (not held), HOLD (held on orders), PAYABLE (approved, not yet paid) — so that
        -- approvals of different vouchers never queue on one program-wide row.
        -- Only the outside world (the funders' money) goes negative: it is what was granted.
        CHECK (kind = 'FUNDING' OR balance_fen >= 0),
        CHECK ((kind IN ('VOUCHER', 'HOLD', 'PAYABLE')) = (voucher_id IS NOT NULL)),
        CHECK ((kind = 'PAID') = (cofunder_key IS NOT NULL)),
        UNIQUE NULLS NOT DISTINCT (program_id, kind, voucher_id, cofunder_key)
      )`);
    // A voucher's two accounts are found by the voucher (the wallet, every hold and release).
    await q.query(
      `CREATE INDEX ledger_accounts_voucher_idx ON ledger_accounts (voucher_id) WHERE voucher_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE ledger_transactions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES voucher_programs(id),
        kind text NOT NULL CHECK (kind IN ('BUDGET_GRANT', 'ISSUE', 'HOLD', 'RELEASE', 'APPROVE', 'PAY', 'EXPIRE_RETURN')),
        ref_type text NOT NULL,
        ref_id uuid NOT NULL,
        memo text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ledger_transactions_program_idx ON ledger_transactions (program_id, created_at, id)`);
    await q.query(`
      CREATE TABLE ledger_postings (
        id bigserial PRIMARY KEY,
        transaction_id uuid NOT NULL REFERENCES ledger_transactions(id),
        account_id uuid NOT NULL REFERENCES ledger_accounts(id),
        amount_fen bigint NOT NULL CHECK (amount_fen <> 0)
      )`);
    await q.query(`CREATE INDEX ledger_postings_transaction_idx ON ledger_postings (transaction_id)`);
    await q.query(`CREATE INDEX ledger_postings_account_idx ON ledger_postings (account_id)`);

    // A transaction whose postings do not sum to zero cannot commit (checked at commit, after all postings).
    await q.query(`
      CREATE FUNCTION ledger_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE total numeric;
      BEGIN
        SELECT coalesce(sum(amount_fen), 0) INTO total FROM ledger_postings WHERE transaction_id = NEW.transaction_id;
        IF total <> 0 THEN
          RAISE EXCEPTION 'ledger transaction % does not balance (%)', NEW.transaction_id, total
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balanced()`);
    await q.query(`
      CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the ledger is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['ledger_postings', 'ledger_transactions']) {
      await q.query(`
        CREATE TRIGGER ${table}_no_update BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DELETE FROM notifications WHERE subject_type = 'voucher'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_subject_type_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_subject_type_check
        CHECK (subject_type IN ('demand', 'quote', 'service', 'order'))`);
    await q.query(`DROP TABLE ledger_postings`);
    await q.query(`DROP TABLE ledger_transactions`);
    await q.query(`DROP TABLE ledger_accounts`);
    await q.query(`DROP FUNCTION ledger_append_only`);
    await q.query(`DROP FUNCTION ledger_transaction_balanced`);
    await q.query(`DROP TABLE claim_payouts`);
    await q.query(`DROP TABLE voucher_claims`);
    await q.query(`DROP TABLE disbursement_batches`);
    await q.query(`DROP TABLE voucher_cap_usage`);
    await q.query(`DROP TABLE voucher_holds`);
    await q.query(`DROP TABLE voucher_applications`);
    await q.query(`DROP TABLE vouchers`);
    await q.query(`DROP TABLE voucher_programs`);
    await q.query(`ALTER TABLE orders DROP COLUMN voucher_deduction_fen`);
    await q.query(`DROP TABLE org_shareholders`);
  }
}
