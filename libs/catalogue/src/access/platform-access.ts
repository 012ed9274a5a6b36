import { coversRegion } from '@pilotlink/identity';
import type { Actor } from '@pilotlink/core';
import type { Platform } from '../domain/platform.entity';

/**
 * Who may do what with a platform (SPEC §2, §3). The directory of LISTED platforms is public;
 * anything else is seen only by the operator org, a bureau whose jurisdiction covers the
 * platform's region, or an admin. Everyone else gets 404.
 */
export function operatesPlatform(actor: Actor | undefined, platform: Pick<Platform, 'operatorOrgId'>): boolean {
  return !!actor && actor.orgId === platform.operatorOrgId;
}

export function supervisesPlatform(actor: Actor | undefined, platform: Pick<Platform, 'regionCode'>): boolean {
  if (!actor) return false;
  return (
    actor.orgKind === 'ADMIN' || (actor.orgKind === 'BUREAU' && coversRegion(actor.regionCode, platform.regionCode))
  );
}

export function canViewPlatform(
  actor: Actor | undefined,
  platform: Pick<Platform, 'status' | 'operatorOrgId' | 'regionCode'>,
): boolean {
  return platform.status === 'LISTED' || operatesPlatform(actor, platform) || supervisesPlatform(actor, platform);
}

/** Whether the caller sees a platform's unpublished catalogue (drafts, archived items). */
export function seesWholeCatalogue(
  actor: Actor | undefined,
  platform: Pick<Platform, 'operatorOrgId' | 'regionCode'>,
): boolean {
  return operatesPlatform(actor, platform) || supervisesPlatform(actor, platform);
}
