import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * From result to pilot (issue 21): a platform proposes a verification to a research result (a quote: price,
 * timeline, scope, IP terms); the institute accepts one, which creates an order with the institute as the
 * buyer and, optionally, an SME co-funding adopter (orders.co_funder_org_id). One live proposal per platform
 * and result; one accepted proposal per result (the race of two accepts ends with one order).
 */
export class ResultProposals1765560000000 implements MigrationInterface {
  name = 'ResultProposals1765560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE research_result_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        result_id uuid NOT NULL REFERENCES research_results(id),
        platform_id uuid NOT NULL REFERENCES platforms(id),
        platform_org_id uuid NOT NULL REFERENCES orgs(id),
        service_id uuid REFERENCES services(id),
        price_fen bigint NOT NULL CHECK (price_fen > 0),
        timeline_days integer NOT NULL CHECK (timeline_days > 0),
        scope text NOT NULL,
        valid_until date NOT NULL,
        ip_ownership text NOT NULL DEFAULT 'PER_CONTRACT'
          CHECK (ip_ownership IN ('BUYER', 'PLATFORM', 'SHARED', 'PER_CONTRACT')),
        ip_buyer_share_bp integer CHECK (ip_buyer_share_bp BETWEEN 1 AND 9999),
        benefit_sharing_note text,
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
        decline_reason text,
        co_funder_org_id uuid REFERENCES orgs(id),
        order_id uuid REFERENCES orders(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((ip_ownership = 'SHARED') = (ip_buyer_share_bp IS NOT NULL)),
        CHECK ((status = 'ACCEPTED') = (order_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX research_result_proposals_result ON research_result_proposals (result_id, created_at)`);
    await q.query(`
      CREATE UNIQUE INDEX research_result_proposals_one_live_per_platform
        ON research_result_proposals (result_id, platform_id) WHERE status = 'SUBMITTED'`);
    await q.query(`
      CREATE UNIQUE INDEX research_result_proposals_one_accepted
        ON research_result_proposals (result_id) WHERE status = 'ACCEPTED'`);
    await q.query(`ALTER TABLE orders ADD COLUMN co_funder_org_id uuid REFERENCES orgs(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE research_result_proposals`);
    await q.query(`ALTER TABLE orders DROP COLUMN co_funder_org_id`);
  }
}
