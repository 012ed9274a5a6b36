import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders completed (SPEC §5): contract confirmations, the transition history, payments, delivery
 * files and reviews. Amounts paid are summed from `order_payments` under a lock on the order row,
 * never stored twice.
 */
export class Orders1764400000000 implements MigrationInterface {
  name = 'Orders1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE orders
        ADD COLUMN quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
        ADD COLUMN request_note text,
        ADD COLUMN sme_confirmed_at timestamptz,
        ADD COLUMN platform_confirmed_at timestamptz,
        ADD COLUMN delivered_at timestamptz,
        ADD COLUMN completed_at timestamptz`);
    await q.query(`CREATE INDEX orders_platform_idx ON orders (platform_id)`);

    await q.query(`
      CREATE TABLE order_events (
        id bigserial PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders(id),
        action text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        actor_user_id uuid REFERENCES users(id),
        actor_org_id uuid REFERENCES orgs(id),
        note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX order_events_order_idx ON order_events (order_id, id)`);

    await q.query(`
      CREATE TABLE order_payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        paid_on date NOT NULL,
        method text NOT NULL CHECK (method IN ('BANK_TRANSFER', 'ONLINE', 'CHEQUE', 'OTHER')),
        reference text NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (order_id, reference)
      )`);

    await q.query(`
      CREATE TABLE order_deliverables (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX order_deliverables_order_idx ON order_deliverables (order_id)`);

    await q.query(`
      CREATE TABLE order_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL UNIQUE REFERENCES orders(id),
        platform_id uuid NOT NULL REFERENCES platforms(id),
        sme_org_id uuid NOT NULL REFERENCES orgs(id),
        quality smallint NOT NULL CHECK (quality BETWEEN 1 AND 5),
        timeliness smallint NOT NULL CHECK (timeliness BETWEEN 1 AND 5),
        communication smallint NOT NULL CHECK (communication BETWEEN 1 AND 5),
        comment text NOT NULL DEFAULT '',
        reply text,
        replied_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((reply IS NULL) = (replied_at IS NULL))
      )`);
    await q.query(`CREATE INDEX order_reviews_platform_idx ON order_reviews (platform_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE order_reviews`);
    await q.query(`DROP TABLE order_deliverables`);
    await q.query(`DROP TABLE order_payments`);
    await q.query(`DROP TABLE order_events`);
    await q.query(`DROP INDEX orders_platform_idx`);
    await q.query(`
      ALTER TABLE orders DROP COLUMN quantity, DROP COLUMN request_note, DROP COLUMN sme_confirmed_at,
        DROP COLUMN platform_confirmed_at, DROP COLUMN delivered_at, DROP COLUMN completed_at`);
  }
}
