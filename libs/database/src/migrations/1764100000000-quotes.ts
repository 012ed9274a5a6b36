import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quotes and proposals on demands, and the order record an accepted quote creates (the orders
 * issue completes orders: payments, deliverables, reviews, the full state machine).
 */
export class Quotes1764100000000 implements MigrationInterface {
  name = 'Quotes1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quotes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid NOT NULL REFERENCES demands(id),
        platform_id uuid NOT NULL REFERENCES platforms(id),
        platform_org_id uuid NOT NULL REFERENCES orgs(id),
        price_fen bigint NOT NULL CHECK (price_fen > 0),
        timeline_days integer NOT NULL CHECK (timeline_days BETWEEN 1 AND 3650),
        scope text NOT NULL CHECK (length(scope) BETWEEN 2 AND 10000),
        valid_until date NOT NULL,
        status text NOT NULL DEFAULT 'SUBMITTED'
          CHECK (status IN ('SUBMITTED', 'REVISION_REQUESTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
        revision integer NOT NULL DEFAULT 1,
        revision_note text,
        decline_reason text CHECK (decline_reason IN
          ('PRICE_TOO_HIGH', 'TIMELINE_TOO_LONG', 'SCOPE_MISMATCH', 'CHOSE_ANOTHER', 'NO_LONGER_NEEDED', 'OTHER')),
        decline_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One live quote per platform org and demand: a platform revises its quote rather than stacking them.
    await q.query(`
      CREATE UNIQUE INDEX quotes_one_live_per_platform ON quotes (demand_id, platform_org_id)
      WHERE status IN ('SUBMITTED', 'REVISION_REQUESTED')`);
    // At most one accepted quote per demand, even if two acceptances race.
    await q.query(`CREATE UNIQUE INDEX quotes_one_accepted_per_demand ON quotes (demand_id) WHERE status = 'ACCEPTED'`);

    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sme_org_id uuid NOT NULL REFERENCES orgs(id),
        platform_id uuid NOT NULL REFERENCES platforms(id),
        platform_org_id uuid NOT NULL REFERENCES orgs(id),
        service_id uuid REFERENCES services(id),
        demand_id uuid REFERENCES demands(id),
        quote_id uuid UNIQUE REFERENCES quotes(id),
        agreed_amount_fen bigint NOT NULL CHECK (agreed_amount_fen > 0),
        contract_number text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN
          ('REQUESTED', 'ACCEPTED', 'REJECTED', 'CONTRACTED', 'IN_PROGRESS', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'DISPUTED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX orders_sme_idx ON orders (sme_org_id)`);
    await q.query(`CREATE INDEX orders_platform_org_idx ON orders (platform_org_id)`);
    await q.query(`CREATE SEQUENCE order_contract_seq`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE order_contract_seq`);
    await q.query(`DROP TABLE orders`);
    await q.query(`DROP TABLE quotes`);
  }
}
