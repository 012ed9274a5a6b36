import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "One open application per SME per program (409 APPLICATION_EXISTS); a rejected or withdrawn one may be
 * followed by a new one." Open = PENDING; the SME may withdraw a pending application.
 */
export class OneOpenApplication1765330000000 implements MigrationInterface {
  name = 'OneOpenApplication1765330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE voucher_applications DROP CONSTRAINT voucher_applications_status_check`);
    await q.query(`
      ALTER TABLE voucher_applications ADD CONSTRAINT voucher_applications_status_check
        CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'))`);
    await q.query(`
      CREATE UNIQUE INDEX voucher_applications_one_open ON voucher_applications (program_id, sme_org_id)
        WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX voucher_applications_one_open`);
    await q.query(`ALTER TABLE voucher_applications DROP CONSTRAINT voucher_applications_status_check`);
    await q.query(`
      ALTER TABLE voucher_applications ADD CONSTRAINT voucher_applications_status_check
        CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED'))`);
  }
}
