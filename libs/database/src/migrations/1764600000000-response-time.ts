import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A platform's response time (SPEC §4 ranking, §7 evaluation): the median, over the demands it quoted
 * on, of the minutes from when it could first see the demand (publication, or its invitation if later)
 * to its first quote. Re-derived by the quotes context under a lock on the platform row.
 */
export class ResponseTime1764600000000 implements MigrationInterface {
  name = 'ResponseTime1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE platforms
        ADD COLUMN median_first_quote_minutes integer CHECK (median_first_quote_minutes >= 0),
        ADD COLUMN quoted_demand_count integer NOT NULL DEFAULT 0 CHECK (quoted_demand_count >= 0)`);
    await q.query(`CREATE INDEX quotes_platform_idx ON quotes (platform_id, demand_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX quotes_platform_idx`);
    await q.query(`ALTER TABLE platforms DROP COLUMN median_first_quote_minutes, DROP COLUMN quoted_demand_count`);
  }
}
