import { SELF_REGISTERING_KINDS } from '@pilotlink/core';
import { coversRegion } from '../domain/region';
import type { Org } from '../domain/org.entity';
import type { Actor } from '@pilotlink/core';

/**
 * Which orgs a caller may see (SPEC §2): its own; a bureau, those in its jurisdiction; an admin, all.
 * Everything else answers 404, so a foreign id reveals nothing.
 */
export function canSeeOrg(actor: Actor, org: Pick<Org, 'id' | 'regionCode'>): boolean {
  if (actor.orgId === org.id || actor.orgKind === 'ADMIN') return true;
  return actor.orgKind === 'BUREAU' && coversRegion(actor.regionCode, org.regionCode);
}

/** Who may decide an org's verification: a bureau in jurisdiction or an admin — never the org itself. */
export function canReviewOrg(actor: Actor, org: Pick<Org, 'id' | 'regionCode' | 'kind'>): boolean {
  if (actor.orgId === org.id) return false;
  if (!(SELF_REGISTERING_KINDS as readonly string[]).includes(org.kind)) return actor.orgKind === 'ADMIN';
  return actor.orgKind === 'ADMIN' || (actor.orgKind === 'BUREAU' && coversRegion(actor.regionCode, org.regionCode));
}

/** Who may edit an org's data or manage its members: its own owner, or an admin. */
export function canManageOrg(actor: Actor, org: Pick<Org, 'id'>): boolean {
  return actor.orgKind === 'ADMIN' || (actor.orgId === org.id && actor.role === 'OWNER');
}
