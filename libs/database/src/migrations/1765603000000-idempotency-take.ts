import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Taking an Idempotency-Key in one round trip (issue 22): the key's advisory lock, then its recorded outcome.
 * Two statements of a VOLATILE function, so the read takes its snapshot after the lock is held — a key whose
 * holder committed just before is seen with its outcome. (One SQL statement would read with the snapshot of
 * before the lock, and could run a request whose first answer had just been recorded.)
 */
export class IdempotencyTake1765603000000 implements MigrationInterface {
  name = 'IdempotencyTake1765603000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION idempotency_key_take(p_org_id uuid, p_key text)
        RETURNS TABLE (locked boolean, request_hash text, state text, response jsonb)
        LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtextextended('idempotency:' || p_org_id || ':' || p_key, 0)) THEN
          RETURN QUERY SELECT false, NULL::text, NULL::text, NULL::jsonb;
          RETURN;
        END IF;
        RETURN QUERY SELECT true, k.request_hash, k.state, k.response
                       FROM idempotency_keys k WHERE k.org_id = p_org_id AND k.key = p_key;
        IF NOT FOUND THEN
          RETURN QUERY SELECT true, NULL::text, NULL::text, NULL::jsonb;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION idempotency_key_take(uuid, text)`);
  }
}
