import { MigrationInterface, QueryRunner } from 'typeorm';
import { INDUSTRY_FIELDS } from '../../../core/src/vocabulary/industry-fields';

/** Industry fields (seeded), platforms with qualifications, services, equipment, and the outbox. */
export class Catalogue1763900000000 implements MigrationInterface {
  name = 'Catalogue1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE industry_fields (
        code text PRIMARY KEY,
        name text NOT NULL,
        parent_code text REFERENCES industry_fields(code),
        position integer NOT NULL
      )`);
    let position = 0;
    for (const top of INDUSTRY_FIELDS) {
      await q.query(`INSERT INTO industry_fields (code, name, parent_code, position) VALUES ($1, $2, NULL, $3)`, [
        top.code,
        top.name,
        (position += 1),
      ]);
      for (const child of top.children ?? []) {
        await q.query(`INSERT INTO industry_fields (code, name, parent_code, position) VALUES ($1, $2, $3, $4)`, [
          child.code,
          child.name,
          top.code,
          (position += 1),
        ]);
      }
    }

    await q.query(`
      CREATE TABLE platforms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operator_org_id uuid NOT NULL REFERENCES orgs(id),
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
        type text NOT NULL CHECK (type IN ('PILOT_SERVICE', 'COMMON_TECH', 'CONCEPT_VERIFICATION', 'PILOT_BASE', 'TESTING')),
        operating_model text NOT NULL CHECK (operating_model IN ('LEADING', 'SPECIALIZED', 'COMPREHENSIVE')),
        field_codes text[] NOT NULL CHECK (cardinality(field_codes) BETWEEN 1 AND 10),
        region_code char(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
        address text,
        description text NOT NULL DEFAULT '',
        contact_name text,
        contact_phone text,
        recognition_level text NOT NULL DEFAULT 'NONE' CHECK (recognition_level IN ('NONE', 'CITY', 'PROVINCE', 'NATIONAL')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PENDING_REVIEW', 'LISTED', 'SUSPENDED', 'DELISTED')),
        status_reason text,
        listed_at timestamptz,
        rating_avg numeric(3, 2) CHECK (rating_avg BETWEEN 1 AND 5),
        review_count integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX platforms_operator_idx ON platforms (operator_org_id)`);
    await q.query(`CREATE INDEX platforms_region_status_idx ON platforms (region_code, status)`);

    await q.query(`
      CREATE TABLE platform_qualifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        platform_id uuid NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('CMA', 'CNAS', 'ISO17025', 'ISO9001', 'GLP', 'OTHER')),
        certificate_no text NOT NULL,
        accredited_scope text NOT NULL DEFAULT '',
        valid_until date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX platform_qualifications_platform_idx ON platform_qualifications (platform_id)`);
    await q.query(`CREATE INDEX platform_qualifications_valid_until_idx ON platform_qualifications (valid_until)`);

    await q.query(`
      CREATE TABLE services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        platform_id uuid NOT NULL REFERENCES platforms(id),
        title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
        description text NOT NULL DEFAULT '',
        category text NOT NULL,
        field_codes text[] NOT NULL CHECK (cardinality(field_codes) BETWEEN 1 AND 10),
        stages text[] NOT NULL CHECK (cardinality(stages) >= 1 AND stages <@ ARRAY['CONCEPT', 'LAB', 'PILOT', 'SMALL_BATCH']),
        pricing_kind text NOT NULL CHECK (pricing_kind IN ('FIXED', 'UNIT', 'QUOTE')),
        price_fen bigint,
        unit_name text,
        lead_time_days integer NOT NULL CHECK (lead_time_days BETWEEN 0 AND 3650),
        voucher_eligible boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- a price exactly when it is priced; a unit exactly when priced per unit
        CONSTRAINT services_pricing_check CHECK (
          (pricing_kind = 'QUOTE' AND price_fen IS NULL AND unit_name IS NULL)
          OR (pricing_kind = 'FIXED' AND price_fen > 0 AND unit_name IS NULL)
          OR (pricing_kind = 'UNIT' AND price_fen > 0 AND unit_name IS NOT NULL)
        )
      )`);
    await q.query(`CREATE INDEX services_platform_idx ON services (platform_id, status)`);

    await q.query(`
      CREATE TABLE equipment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        platform_id uuid NOT NULL REFERENCES platforms(id),
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
        model text,
        maker text,
        category text NOT NULL,
        key_specs text NOT NULL DEFAULT '',
        hourly_rate_fen bigint NOT NULL CHECK (hourly_rate_fen >= 0),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX equipment_platform_idx ON equipment (platform_id)`);

    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        aggregate_type text NOT NULL,
        aggregate_id uuid NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        last_error text
      )`);
    // The relay reads only pending rows, oldest first; this partial index stays small.
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE equipment`);
    await q.query(`DROP TABLE services`);
    await q.query(`DROP TABLE platform_qualifications`);
    await q.query(`DROP TABLE platforms`);
    await q.query(`DROP TABLE industry_fields`);
  }
}
