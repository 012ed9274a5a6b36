import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Equipment reservations (SPEC §3, §5): each instrument's weekly opening hours (local times in
 * Asia/Shanghai) and cancellation / no-show policy, maintenance blocks, and reservations. The
 * database refuses two active reservations of one instrument whose time ranges overlap (EXCLUDE
 * over a tstzrange); blocks are checked against reservations under a lock on the equipment row,
 * since an exclusion constraint cannot span two tables.
 */
export class Reservations1764500000000 implements MigrationInterface {
  name = 'Reservations1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    // Opening hours: per weekday (MON…SUN) a list of [start, end) local times "HH:MM" (end may be "24:00").
    await q.query(`
      ALTER TABLE equipment
        ADD COLUMN opening_hours jsonb NOT NULL DEFAULT '{
          "MON": [["08:30", "17:30"]], "TUE": [["08:30", "17:30"]], "WED": [["08:30", "17:30"]],
          "THU": [["08:30", "17:30"]], "FRI": [["08:30", "17:30"]], "SAT": [], "SUN": []
        }'::jsonb CHECK (jsonb_typeof(opening_hours) = 'object'),
        ADD COLUMN free_cancellation_hours integer NOT NULL DEFAULT 24
          CHECK (free_cancellation_hours BETWEEN 0 AND 720),
        ADD COLUMN late_cancellation_fee_bp integer NOT NULL DEFAULT 3000
          CHECK (late_cancellation_fee_bp BETWEEN 0 AND 10000),
        ADD COLUMN no_show_fee_bp integer NOT NULL DEFAULT 5000
          CHECK (no_show_fee_bp BETWEEN 0 AND 10000)`);

    await q.query(`
      CREATE TABLE equipment_blocks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        equipment_id uuid NOT NULL REFERENCES equipment(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
        reason text NOT NULL CHECK (length(reason) BETWEEN 2 AND 500),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX equipment_blocks_during_idx ON equipment_blocks USING gist (equipment_id, during)`);

    await q.query(`
      CREATE TABLE reservations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        equipment_id uuid NOT NULL REFERENCES equipment(id),
        platform_id uuid NOT NULL REFERENCES platforms(id),
        booker_org_id uuid NOT NULL REFERENCES orgs(id),
        booked_by uuid REFERENCES users(id),
        order_id uuid UNIQUE REFERENCES orders(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
        status text NOT NULL DEFAULT 'CONFIRMED'
          CHECK (status IN ('CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
        internal boolean NOT NULL DEFAULT false,
        price_fen bigint NOT NULL CHECK (price_fen >= 0),
        fee_fen bigint NOT NULL DEFAULT 0 CHECK (fee_fen >= 0 AND fee_fen <= price_fen),
        purpose text NOT NULL DEFAULT '',
        checked_in_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        actual_minutes integer CHECK (actual_minutes >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        -- Quarter-hour granularity, as availability is computed.
        CHECK (extract(epoch FROM starts_at)::bigint % 900 = 0 AND extract(epoch FROM ends_at)::bigint % 900 = 0),
        CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL AND actual_minutes IS NOT NULL)),
        CONSTRAINT reservations_no_overlap EXCLUDE USING gist (equipment_id WITH =, during WITH &&)
          WHERE (status IN ('CONFIRMED', 'CHECKED_IN', 'COMPLETED'))
      )`);
    await q.query(`CREATE INDEX reservations_booker_idx ON reservations (booker_org_id, starts_at)`);
    await q.query(`CREATE INDEX reservations_equipment_start_idx ON reservations (equipment_id, starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reservations`);
    await q.query(`DROP TABLE equipment_blocks`);
    await q.query(`
      ALTER TABLE equipment DROP COLUMN opening_hours, DROP COLUMN free_cancellation_hours,
        DROP COLUMN late_cancellation_fee_bp, DROP COLUMN no_show_fee_bp`);
  }
}
