import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IP terms on quotes and orders (issue 21, SPEC §4a "IP terms on every quote and order"): who owns what the
 * pilot produces — BUYER, PLATFORM, SHARED (with the buyer's share in basis points) or PER_CONTRACT — and a
 * benefit-sharing note (谁投入谁获益). Existing rows say PER_CONTRACT: their terms were in the contract.
 */
export class IpTerms1765452000000 implements MigrationInterface {
  name = 'IpTerms1765452000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['quotes', 'orders']) {
      await q.query(`
        ALTER TABLE ${table}
          ADD COLUMN ip_ownership text NOT NULL DEFAULT 'PER_CONTRACT'
            CHECK (ip_ownership IN ('BUYER', 'PLATFORM', 'SHARED', 'PER_CONTRACT')),
          ADD COLUMN ip_buyer_share_bp integer CHECK (ip_buyer_share_bp BETWEEN 1 AND 9999),
          ADD COLUMN benefit_sharing_note text CHECK (length(benefit_sharing_note) BETWEEN 1 AND 2000),
          ADD CONSTRAINT ${table}_ip_share_check CHECK ((ip_ownership = 'SHARED') = (ip_buyer_share_bp IS NOT NULL))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['quotes', 'orders']) {
      await q.query(`
        ALTER TABLE ${table}
          DROP CONSTRAINT ${table}_ip_share_check,
          DROP COLUMN benefit_sharing_note,
          DROP COLUMN ip_buyer_share_bp,
          DROP COLUMN ip_ownership`);
    }
  }
}
