import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policy news (政策资讯, issue 21, SPEC §4a): bureaus publish policy notices — title, issuing body, document
 * number, date, body, links (attachments and web pages) and the voucher programs they establish; published
 * notices are public and searchable. DRAFT → PUBLISHED → ARCHIVED.
 */
export class PolicyNotices1765451000000 implements MigrationInterface {
  name = 'PolicyNotices1765451000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policy_notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bureau_org_id uuid NOT NULL REFERENCES orgs(id),
        region_code char(6) NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
        issuing_body text NOT NULL CHECK (length(issuing_body) BETWEEN 2 AND 200),
        document_number text CHECK (length(document_number) BETWEEN 2 AND 80),
        issued_on date NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 10 AND 200000),
        links jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(links) = 'array'),
        program_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'DRAFT' OR published_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX policy_notices_bureau_idx ON policy_notices (bureau_org_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX policy_notices_published_idx ON policy_notices (issued_on DESC) WHERE status = 'PUBLISHED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE policy_notices`);
  }
}
