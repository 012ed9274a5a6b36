import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform subsidies over time (issue 16, 晋江 §六(二), 嘉兴 §6):
 *
 * - one current assessment per platform and year (the rule set is every active rule covering the
 *   platform's region): a re-assessment supersedes the previous one, which stays as history;
 * - the operating subsidy's window, anchored at the platform's first year the rule paid;
 * - yearly service-revenue declarations, declared by the operator and accepted or returned by a bureau;
 * - the seeded Jiaxing placeholder ratio (20 %, never in the policy) removed: the rule waits for its bureau.
 */
export class SubsidyTruth1765200000000 implements MigrationInterface {
  name = 'SubsidyTruth1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE subsidy_assessments
        ADD COLUMN superseded_at timestamptz,
        ADD COLUMN superseded_by uuid REFERENCES subsidy_assessments(id)`);
    // Earlier data: the latest assessment of each platform and year stays current.
    await q.query(`
      UPDATE subsidy_assessments a SET superseded_at = now(),
             superseded_by = (SELECT l.id FROM subsidy_assessments l
                               WHERE l.platform_id = a.platform_id AND l.year = a.year
                               ORDER BY l.created_at DESC, l.id DESC LIMIT 1)
       WHERE a.id <> (SELECT l.id FROM subsidy_assessments l
                       WHERE l.platform_id = a.platform_id AND l.year = a.year
                       ORDER BY l.created_at DESC, l.id DESC LIMIT 1)`);
    await q.query(`
      CREATE UNIQUE INDEX subsidy_assessments_current_uq ON subsidy_assessments (platform_id, year)
       WHERE superseded_at IS NULL`);

    await q.query(`
      CREATE TABLE platform_subsidy_windows (
        platform_id uuid NOT NULL REFERENCES platforms(id),
        rule_id uuid NOT NULL REFERENCES subsidy_rules(id),
        first_year integer NOT NULL CHECK (first_year BETWEEN 2000 AND 2100),
        assessment_id uuid REFERENCES subsidy_assessments(id),
        anchored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (platform_id, rule_id)
      )`);
    // Earlier data: the first year a current assessment paid an operating subsidy anchors the window.
    await q.query(`
      INSERT INTO platform_subsidy_windows (platform_id, rule_id, first_year, assessment_id)
      SELECT DISTINCT ON (a.platform_id, (r->>'ruleId')::uuid) a.platform_id, (r->>'ruleId')::uuid, a.year, a.id
        FROM subsidy_assessments a, jsonb_array_elements(a.result->'rules') r
       WHERE a.superseded_at IS NULL AND r->>'kind' = 'OPERATING_RATIO' AND (r->>'amountFen')::bigint > 0
         AND EXISTS (SELECT 1 FROM subsidy_rules s WHERE s.id::text = r->>'ruleId')
       ORDER BY a.platform_id, (r->>'ruleId')::uuid, a.year`);

    await q.query(`
      CREATE TABLE platform_revenue_declarations (
        platform_id uuid NOT NULL REFERENCES platforms(id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        service_revenue_fen bigint NOT NULL CHECK (service_revenue_fen >= 0),
        evidence text NOT NULL,
        status text NOT NULL CHECK (status IN ('DECLARED', 'ACCEPTED', 'RETURNED')),
        declared_by_org_id uuid NOT NULL REFERENCES orgs(id),
        declared_at timestamptz NOT NULL,
        decided_by_org_id uuid REFERENCES orgs(id),
        decided_at timestamptz,
        decision_note text,
        PRIMARY KEY (platform_id, year)
      )`);

    // 嘉兴 §6 "根据设备投入的一定比例" names no ratio; the 20 % the seed shipped was invented. A rule
    // still carrying exactly that placeholder loses it and waits (inactive) for its bureau to set one.
    await q.query(`
      UPDATE subsidy_rules
         SET definition = jsonb_set(definition, '{tiers}', '[{"uptoFen": null, "ratioBp": null}]'::jsonb),
             active = false
       WHERE code = 'JX_NEW_PLATFORM_INVESTMENT' AND region_code = '330400'
         AND definition->'tiers' = '[{"uptoFen": null, "ratioBp": 2000}]'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE platform_revenue_declarations`);
    await q.query(`DROP TABLE platform_subsidy_windows`);
    await q.query(`DROP INDEX subsidy_assessments_current_uq`);
    await q.query(`ALTER TABLE subsidy_assessments DROP COLUMN superseded_by, DROP COLUMN superseded_at`);
  }
}
