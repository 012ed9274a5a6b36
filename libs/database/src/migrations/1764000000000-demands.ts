import { MigrationInterface, QueryRunner } from 'typeorm';

/** Demands (中试需求) with their invitations and NDA acceptances. Quotes and matching come later. */
export class Demands1764000000000 implements MigrationInterface {
  name = 'Demands1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE demands (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sme_org_id uuid NOT NULL REFERENCES orgs(id),
        title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
        description text NOT NULL DEFAULT '',
        field_code text NOT NULL REFERENCES industry_fields(code),
        stage text NOT NULL CHECK (stage IN ('CONCEPT', 'LAB', 'PILOT', 'SMALL_BATCH')),
        categories text[] NOT NULL DEFAULT '{}',
        budget_min_fen bigint CHECK (budget_min_fen > 0),
        budget_max_fen bigint CHECK (budget_max_fen > 0),
        wanted_by date,
        region_code char(6) CHECK (region_code ~ '^[0-9]{6}$'),
        mode text NOT NULL CHECK (mode IN ('OPEN', 'CHALLENGE')),
        reward_fen bigint CHECK (reward_fen > 0),
        challenge_deadline date,
        confidentiality text NOT NULL CHECK (confidentiality IN ('PUBLIC', 'SUMMARY', 'PRIVATE')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'AWARDED', 'CLOSED', 'CANCELLED', 'EXPIRED')),
        status_reason text,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT demands_budget_order CHECK (budget_min_fen IS NULL OR budget_max_fen IS NULL OR budget_min_fen <= budget_max_fen),
        -- 揭榜挂帅: a challenge states its reward and deadline; an open call has neither
        CONSTRAINT demands_challenge_terms CHECK (
          (mode = 'CHALLENGE' AND reward_fen IS NOT NULL AND challenge_deadline IS NOT NULL)
          OR (mode = 'OPEN' AND reward_fen IS NULL AND challenge_deadline IS NULL)
        )
      )`);
    await q.query(`CREATE INDEX demands_owner_idx ON demands (sme_org_id, status)`);
    await q.query(`CREATE INDEX demands_open_idx ON demands (status, confidentiality)`);
    await q.query(`
      CREATE TABLE demand_invitations (
        demand_id uuid NOT NULL REFERENCES demands(id),
        platform_org_id uuid NOT NULL REFERENCES orgs(id),
        invited_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (demand_id, platform_org_id)
      )`);
    await q.query(`
      CREATE TABLE demand_nda_acceptances (
        demand_id uuid NOT NULL REFERENCES demands(id),
        platform_org_id uuid NOT NULL REFERENCES orgs(id),
        accepted_by_user_id uuid NOT NULL REFERENCES users(id),
        accepted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (demand_id, platform_org_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE demand_nda_acceptances`);
    await q.query(`DROP TABLE demand_invitations`);
    await q.query(`DROP TABLE demands`);
  }
}
