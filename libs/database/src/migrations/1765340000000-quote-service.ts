import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quote orders' eligibility is judged by the underlying service (issue 16 point 11): a quote may name the
 * platform's published service it is delivered under; the order it creates carries that service.
 */
export class QuoteService1765340000000 implements MigrationInterface {
  name = 'QuoteService1765340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quotes ADD COLUMN service_id uuid REFERENCES services(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quotes DROP COLUMN service_id`);
  }
}
