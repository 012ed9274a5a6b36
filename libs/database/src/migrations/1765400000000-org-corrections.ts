import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Eligibility facts are frozen at verification (SPEC §2: "Facts that decide eligibility (techSme, legal
 * representative, shareholders, region) are frozen at verification: a later change is a correction request
 * a bureau approves; until then the verified values apply"). A request holds only the facts it changes
 * (NULL = unchanged); an org has at most one PENDING request.
 */
export class OrgCorrections1765400000000 implements MigrationInterface {
  name = 'OrgCorrections1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_corrections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES orgs(id),
        tech_sme boolean,
        legal_representative text CHECK (length(legal_representative) BETWEEN 1 AND 80),
        shareholders jsonb CHECK (jsonb_typeof(shareholders) = 'array'),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
        requested_by_user_id uuid NOT NULL REFERENCES users(id),
        decided_by_user_id uuid REFERENCES users(id),
        decided_by_org_id uuid REFERENCES orgs(id),
        decided_at timestamptz,
        rejection_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (tech_sme IS NOT NULL OR legal_representative IS NOT NULL OR shareholders IS NOT NULL),
        CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL)),
        CHECK ((status IN ('APPROVED', 'REJECTED')) = (decided_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX org_corrections_one_pending ON org_corrections (org_id) WHERE status = 'PENDING'`,
    );
    await q.query(`CREATE INDEX org_corrections_org_idx ON org_corrections (org_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE org_corrections`);
  }
}
