import { EntityManager } from 'typeorm';
import type { EligibilityFacts, Shareholder } from '../domain/org-facts';
import type { Org } from '../domain/org.entity';

/*
 * An org's major shareholders (org_shareholders) are one of its eligibility facts (SPEC §2), so identity
 * writes them — directly for an unverified org, through an approved correction for a verified one. The
 * voucher context reads the table for its related-party rule (关联交易).
 */

export async function readShareholders(manager: EntityManager, orgId: string): Promise<Shareholder[]> {
  const rows = await manager.query<{ holder_key: string; holder_name: string; share_bp: number }[]>(
    `SELECT holder_key, holder_name, share_bp FROM org_shareholders WHERE org_id = $1 ORDER BY share_bp DESC, holder_key`,
    [orgId],
  );
  return rows.map((r) => ({ holderKey: r.holder_key, holderName: r.holder_name, shareBp: r.share_bp }));
}

export async function writeShareholders(manager: EntityManager, orgId: string, holders: Shareholder[]): Promise<void> {
  await manager.query(`DELETE FROM org_shareholders WHERE org_id = $1`, [orgId]);
  for (const h of holders) {
    await manager.query(
      `INSERT INTO org_shareholders (org_id, holder_key, holder_name, share_bp) VALUES ($1, $2, $3, $4)`,
      [orgId, h.holderKey, h.holderName, h.shareBp],
    );
  }
}

/** The facts in force for an org — the verified ones, whatever is pending. */
export async function currentFacts(manager: EntityManager, org: Org): Promise<EligibilityFacts> {
  return {
    techSme: org.techSme,
    legalRepresentative: org.legalRepresentative,
    shareholders: await readShareholders(manager, org.id),
  };
}
