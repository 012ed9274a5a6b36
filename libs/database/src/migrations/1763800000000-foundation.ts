import { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity (orgs, users, refresh tokens) and the append-only audit log. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE orgs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('SME', 'PLATFORM_OPERATOR', 'BUREAU', 'ADMIN')),
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
        uscc char(18) UNIQUE,
        is_team boolean NOT NULL DEFAULT false,
        team_leader_name text,
        team_leader_id_masked text,
        team_leader_id_hash text,
        region_code char(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
        legal_representative text,
        tech_sme boolean NOT NULL DEFAULT false,
        size text CHECK (size IN ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
        contact_phone text,
        address text,
        verification_status text NOT NULL DEFAULT 'PENDING'
          CHECK (verification_status IN ('PENDING', 'VERIFIED', 'REJECTED')),
        verified_at timestamptz,
        verified_by_org_id uuid REFERENCES orgs(id),
        rejection_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- a start-up team registers without a USCC but with its leader's ID; everyone else has a USCC
        CONSTRAINT orgs_identity_check CHECK (
          (is_team AND kind = 'SME' AND uscc IS NULL AND team_leader_id_hash IS NOT NULL)
          OR (NOT is_team AND uscc IS NOT NULL)
        )
      )`);
    await q.query(`CREATE UNIQUE INDEX orgs_team_leader_uq ON orgs (team_leader_id_hash) WHERE is_team`);
    await q.query(`CREATE INDEX orgs_region_status_idx ON orgs (region_code, verification_status)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES orgs(id),
        email text NOT NULL CHECK (email = lower(email)),
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('OWNER', 'MEMBER')),
        is_active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_uq UNIQUE (email)
      )`);
    await q.query(`CREATE INDEX users_org_idx ON users (org_id)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('ROTATED', 'LOGOUT', 'REUSE_DETECTED')),
        replaced_by_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at)`);

    await q.query(`
      CREATE TABLE audit_events (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_org_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        subject_org_id uuid,
        before jsonb,
        after jsonb,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq)`);
    await q.query(`CREATE INDEX audit_events_subject_idx ON audit_events (subject_org_id, seq)`);
    // Append-only is enforced by the database, not by convention: no role can rewrite history.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE orgs`);
  }
}
