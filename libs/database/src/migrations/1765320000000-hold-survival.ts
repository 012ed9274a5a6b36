import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Expiry must not strip live orders (SPEC §6 releases): "A hold on an order contracted before the voucher
 * expired survives expiry until its claim window (program setting, default 90 days after completion) ends".
 */
export class HoldSurvival1765320000000 implements MigrationInterface {
  name = 'HoldSurvival1765320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE voucher_programs ADD COLUMN claim_window_days integer NOT NULL DEFAULT 90 CHECK (claim_window_days BETWEEN 1 AND 3650)`,
    );
    await q.query(`ALTER TABLE voucher_holds ADD COLUMN survives_expiry boolean NOT NULL DEFAULT false`);
    await q.query(
      `CREATE INDEX voucher_holds_survivors_idx ON voucher_holds (order_id) WHERE survives_expiry AND status = 'HELD'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE voucher_holds DROP COLUMN survives_expiry`);
    await q.query(`ALTER TABLE voucher_programs DROP COLUMN claim_window_days`);
  }
}
