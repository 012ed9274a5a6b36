import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 揭榜挂帅 can be awarded (SPEC §4): "platforms submit proposals until the deadline, then the SME has an
 * award window, default 30 days, to pick one". The reward is carried onto the order the award creates.
 */
export class ChallengeAward1765310000000 implements MigrationInterface {
  name = 'ChallengeAward1765310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE demands ADD COLUMN award_window_days integer NOT NULL DEFAULT 30 CHECK (award_window_days BETWEEN 0 AND 365)`,
    );
    await q.query(`ALTER TABLE orders ADD COLUMN challenge_reward_fen bigint CHECK (challenge_reward_fen > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders DROP COLUMN challenge_reward_fen`);
    await q.query(`ALTER TABLE demands DROP COLUMN award_window_days`);
  }
}
