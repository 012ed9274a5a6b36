import { MigrationInterface, QueryRunner } from 'typeorm';

/** A platform's own quotes across demands (GET /quotes, 我的报价), newest change first. */
export class QuotesByPlatform1765521000000 implements MigrationInterface {
  name = 'QuotesByPlatform1765521000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX quotes_platform_org_idx ON quotes (platform_org_id, updated_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX quotes_platform_org_idx`);
  }
}
