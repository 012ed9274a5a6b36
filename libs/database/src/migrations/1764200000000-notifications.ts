import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (SPEC §4): the in-app inbox, subscriptions, per-org webhook endpoints and the log of
 * webhook deliveries. Uniqueness carries idempotency: one inbox row per recipient and event key, at
 * most one successful delivery per notification.
 */
export class Notifications1764200000000 implements MigrationInterface {
  name = 'Notifications1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_org_id uuid NOT NULL REFERENCES orgs(id),
        event_key text NOT NULL CHECK (length(event_key) BETWEEN 1 AND 300),
        event_type text NOT NULL,
        subject_type text NOT NULL CHECK (subject_type IN ('demand', 'quote', 'service', 'order')),
        subject_id uuid NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        data jsonb NOT NULL DEFAULT '{}',
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_one_per_event UNIQUE (recipient_org_id, event_key)
      )`);
    // The inbox, newest first; and the unread count, which reads only unread rows.
    await q.query(`CREATE INDEX notifications_inbox_idx ON notifications (recipient_org_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (recipient_org_id) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES orgs(id),
        created_by_user_id uuid NOT NULL REFERENCES users(id),
        field_codes text[] NOT NULL DEFAULT '{}',
        categories text[] NOT NULL DEFAULT '{}',
        keywords text[] NOT NULL DEFAULT '{}',
        region_codes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT subscriptions_some_criterion CHECK (
          cardinality(field_codes) + cardinality(categories) + cardinality(keywords) + cardinality(region_codes) > 0)
      )`);
    await q.query(`CREATE INDEX subscriptions_org_idx ON subscriptions (org_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL UNIQUE REFERENCES orgs(id),
        url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
        secret text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notifications(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        attempt integer NOT NULL CHECK (attempt >= 1),
        url text NOT NULL,
        response_status integer,
        error text,
        duration_ms integer NOT NULL CHECK (duration_ms >= 0),
        succeeded boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A notification is delivered at most once, even if two attempts race.
    await q.query(
      `CREATE UNIQUE INDEX webhook_deliveries_one_success ON webhook_deliveries (notification_id) WHERE succeeded`,
    );
    await q.query(`CREATE INDEX webhook_deliveries_notification_idx ON webhook_deliveries (notification_id)`);
    await q.query(`CREATE INDEX webhook_deliveries_org_idx ON webhook_deliveries (org_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_endpoints`);
    await q.query(`DROP TABLE subscriptions`);
    await q.query(`DROP TABLE notifications`);
  }
}
