import { PlatformStanding } from '@pilotlink/catalogue';
import type { PlatformStandingFacts } from '@pilotlink/catalogue';
import { NotFoundError } from '@pilotlink/core';
import { coversRegion } from '@pilotlink/identity';
import type { Actor } from '@pilotlink/core';
import { EntityManager } from 'typeorm';

/** A bureau covering the platform's region may assess it and decide its declarations. */
export function mayAssess(actor: Actor, platform: Pick<PlatformStandingFacts, 'regionCode'>): boolean {
  return actor.orgKind === 'BUREAU' && coversRegion(actor.regionCode, platform.regionCode);
}

/** The platform for its own operator or a bureau covering its region; anyone else gets 404. */
export async function visiblePlatform(
  standing: PlatformStanding,
  manager: EntityManager,
  actor: Actor,
  id: string,
): Promise<PlatformStandingFacts> {
  const platform = await standing.ofId(id, manager);
  const own = platform && platform.operatorOrgId === actor.orgId;
  if (!platform || (!own && !mayAssess(actor, platform))) throw new NotFoundError('Platform');
  return platform;
}

/** The platform for a bureau covering its region; anyone else gets 404. */
export async function platformInJurisdiction(
  standing: PlatformStanding,
  manager: EntityManager,
  actor: Actor,
  id: string,
): Promise<PlatformStandingFacts> {
  const platform = await standing.ofId(id, manager);
  if (!platform || !mayAssess(actor, platform)) throw new NotFoundError('Platform');
  return platform;
}

/** The platform for its own operator; anyone else gets 404. */
export async function ownPlatform(
  standing: PlatformStanding,
  manager: EntityManager,
  actor: Actor,
  id: string,
): Promise<PlatformStandingFacts> {
  const platform = await standing.ofId(id, manager);
  if (!platform || platform.operatorOrgId !== actor.orgId) throw new NotFoundError('Platform');
  return platform;
}

/**
 * Serialises everything that gates a platform's subsidy money (assessments read what was paid, then
 * pay): a transaction-scoped advisory lock per platform, taken before the first read.
 */
export async function lockPlatformSubsidies(manager: EntityManager, platformId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('subsidy:' || $1, 0))`, [platformId]);
}
