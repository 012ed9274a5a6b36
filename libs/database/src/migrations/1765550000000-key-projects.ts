import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Key projects (重点项目清单, issue 21, SPEC §4a; Guangzhou plan (十二): "建立概念驗證、中試驗證產業化項目清單,
 * 指定專人跟蹤服務重點項目"): a bureau marks a research result, a demand or an order, names the officer who
 * follows it (a user of the bureau) and records milestones along 概念验证 → 小试 → 中试熟化 → 产业化.
 * The subject's title and parties are copied at marking (they do not change), so the board and the parties'
 * view read governance's own rows. One active key project per bureau and subject.
 */
export class KeyProjects1765550000000 implements MigrationInterface {
  name = 'KeyProjects1765550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE key_projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bureau_org_id uuid NOT NULL REFERENCES orgs(id),
        subject_type text NOT NULL CHECK (subject_type IN ('RESULT', 'DEMAND', 'ORDER')),
        subject_id uuid NOT NULL,
        subject_title text NOT NULL,
        party_org_ids uuid[] NOT NULL CHECK (cardinality(party_org_ids) BETWEEN 1 AND 2),
        stage text NOT NULL CHECK (stage IN ('CONCEPT', 'LAB', 'PILOT', 'INDUSTRIALISATION')),
        officer_user_id uuid NOT NULL REFERENCES users(id),
        note text CHECK (length(note) <= 2000),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CLOSED')),
        closed_at timestamptz,
        close_reason text CHECK (length(close_reason) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX key_projects_one_active ON key_projects (bureau_org_id, subject_type, subject_id)
        WHERE status = 'ACTIVE'`,
    );
    await q.query(`CREATE INDEX key_projects_bureau_idx ON key_projects (bureau_org_id, status, created_at DESC)`);
    await q.query(`CREATE INDEX key_projects_subject_idx ON key_projects (subject_type, subject_id)`);
    await q.query(`
      CREATE TABLE key_project_milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key_project_id uuid NOT NULL REFERENCES key_projects(id),
        stage text NOT NULL CHECK (stage IN ('CONCEPT', 'LAB', 'PILOT', 'INDUSTRIALISATION')),
        title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
        due_on date NOT NULL,
        done_on date,
        note text CHECK (length(note) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX key_project_milestones_project_idx ON key_project_milestones (key_project_id, due_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE key_project_milestones`);
    await q.query(`DROP TABLE key_projects`);
  }
}
