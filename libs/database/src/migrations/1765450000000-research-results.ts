import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Research results (科技成果, issue 21, SPEC §4a): institutes (高校、科研院所、新型研发机构) become an org kind
 * and publish results looking for a pilot, with the confidentiality of demands (PUBLIC / SUMMARY /
 * PRIVATE, invitations and NDAs) and the status DRAFT → PUBLISHED → IN_PILOT → TRANSFERRED | WITHDRAWN.
 */
export class ResearchResults1765450000000 implements MigrationInterface {
  name = 'ResearchResults1765450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orgs DROP CONSTRAINT orgs_kind_check`);
    await q.query(`
      ALTER TABLE orgs ADD CONSTRAINT orgs_kind_check
        CHECK (kind IN ('SME', 'PLATFORM_OPERATOR', 'BUREAU', 'ADMIN', 'INSTITUTE'))`);
    await q.query(`
      CREATE TABLE research_results (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institute_org_id uuid NOT NULL REFERENCES orgs(id),
        title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
        summary text NOT NULL CHECK (length(summary) BETWEEN 10 AND 2000),
        description text NOT NULL DEFAULT '',
        field_code text NOT NULL,
        stage_reached text NOT NULL CHECK (stage_reached IN ('CONCEPT', 'LAB')),
        readiness_level integer NOT NULL CHECK (readiness_level BETWEEN 1 AND 9),
        ip_items jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(ip_items) = 'array'),
        verification_categories text[] NOT NULL DEFAULT '{}',
        target_stage text NOT NULL CHECK (target_stage IN ('LAB', 'PILOT', 'SMALL_BATCH')),
        budget_min_fen bigint CHECK (budget_min_fen > 0),
        budget_max_fen bigint CHECK (budget_max_fen > 0),
        transfer_modes text[] NOT NULL CHECK (cardinality(transfer_modes) > 0
          AND transfer_modes <@ ARRAY['ASSIGNMENT', 'LICENSE', 'EQUITY', 'CO_DEVELOPMENT']),
        contact_name text NOT NULL,
        contact_phone text,
        contact_email text,
        confidentiality text NOT NULL CHECK (confidentiality IN ('PUBLIC', 'SUMMARY', 'PRIVATE')),
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT', 'PUBLISHED', 'IN_PILOT', 'TRANSFERRED', 'WITHDRAWN')),
        status_reason text,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (budget_min_fen IS NULL OR budget_max_fen IS NULL OR budget_min_fen <= budget_max_fen),
        CHECK (status = 'DRAFT' OR published_at IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX research_results_institute_idx ON research_results (institute_org_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX research_results_public_idx ON research_results (published_at DESC) WHERE status <> 'DRAFT'`,
    );
    await q.query(`
      CREATE TABLE research_result_invitations (
        result_id uuid NOT NULL REFERENCES research_results(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        invited_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (result_id, org_id)
      )`);
    await q.query(`
      CREATE TABLE research_result_nda_acceptances (
        result_id uuid NOT NULL REFERENCES research_results(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        accepted_by_user_id uuid NOT NULL REFERENCES users(id),
        accepted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (result_id, org_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE research_result_nda_acceptances`);
    await q.query(`DROP TABLE research_result_invitations`);
    await q.query(`DROP TABLE research_results`);
    await q.query(`ALTER TABLE orgs DROP CONSTRAINT orgs_kind_check`);
    await q.query(`
      ALTER TABLE orgs ADD CONSTRAINT orgs_kind_check CHECK (kind IN ('SME', 'PLATFORM_OPERATOR', 'BUREAU', 'ADMIN'))`);
  }
}
