import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Governance (SPEC §7): recognition applications (认定) with their validity, annual evaluations
 * (绩效评价), subsidy rules as data, equipment spend declared by platforms, and subsidy assessments
 * stored with the inputs they used.
 */
export class Governance1764800000000 implements MigrationInterface {
  name = 'Governance1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE platforms ADD COLUMN recognition_valid_until date`);
    await q.query(`
      CREATE TABLE platform_recognitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        platform_id uuid NOT NULL REFERENCES platforms(id),
        level text NOT NULL CHECK (level IN ('CITY', 'PROVINCE', 'NATIONAL')),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'LAPSED')),
        evidence text NOT NULL,
        evidence_urls text[] NOT NULL DEFAULT '{}',
        requested_by_org_id uuid NOT NULL REFERENCES orgs(id),
        decided_by_org_id uuid REFERENCES orgs(id),
        decided_at timestamptz,
        valid_from date,
        valid_until date,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'APPROVED' OR (valid_from IS NOT NULL AND valid_until >= valid_from))
      )`);
    await q.query(`CREATE INDEX platform_recognitions_platform_idx ON platform_recognitions (platform_id, status)`);
    await q.query(`
      CREATE UNIQUE INDEX platform_recognitions_one_pending ON platform_recognitions (platform_id) WHERE status = 'PENDING'`);

    await q.query(`
      CREATE TABLE platform_evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        platform_id uuid NOT NULL REFERENCES platforms(id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        bureau_org_id uuid NOT NULL REFERENCES orgs(id),
        indicators jsonb NOT NULL,
        suggested_grade text NOT NULL,
        grade text NOT NULL CHECK (grade IN ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')),
        outcome text NOT NULL CHECK (outcome IN ('KEEP', 'DOWNGRADE', 'SUSPEND', 'DELIST')),
        level_before text NOT NULL,
        level_after text NOT NULL,
        remarks text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (platform_id, year)
      )`);

    await q.query(`
      CREATE TABLE subsidy_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bureau_org_id uuid REFERENCES orgs(id),
        region_code char(6) NOT NULL,
        code text NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        definition jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (region_code, code)
      )`);

    await q.query(`
      CREATE TABLE platform_equipment_declarations (
        platform_id uuid NOT NULL REFERENCES platforms(id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        non_fiscal_equipment_fen bigint NOT NULL CHECK (non_fiscal_equipment_fen >= 0),
        new_equipment_fen bigint NOT NULL CHECK (new_equipment_fen >= 0),
        evidence text NOT NULL,
        declared_by_org_id uuid NOT NULL REFERENCES orgs(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (platform_id, year)
      )`);

    await q.query(`
      CREATE TABLE subsidy_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        platform_id uuid NOT NULL REFERENCES platforms(id),
        year integer NOT NULL,
        bureau_org_id uuid NOT NULL REFERENCES orgs(id),
        inputs jsonb NOT NULL,
        rules jsonb NOT NULL,
        result jsonb NOT NULL,
        total_fen bigint NOT NULL CHECK (total_fen >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX subsidy_assessments_platform_idx ON subsidy_assessments (platform_id, year)`);
    // The funnel report: which demands reached a platform (notified) and led to an order.
    await q.query(`CREATE INDEX notifications_event_key_idx ON notifications (event_key)`);
    await q.query(`CREATE INDEX orders_demand_idx ON orders (demand_id) WHERE demand_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX orders_demand_idx`);
    await q.query(`DROP INDEX notifications_event_key_idx`);
    await q.query(`DROP TABLE subsidy_assessments`);
    await q.query(`DROP TABLE platform_equipment_declarations`);
    await q.query(`DROP TABLE subsidy_rules`);
    await q.query(`DROP TABLE platform_evaluations`);
    await q.query(`DROP TABLE platform_recognitions`);
    await q.query(`ALTER TABLE platforms DROP COLUMN recognition_valid_until`);
  }
}
