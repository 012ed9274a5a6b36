import { operatesPlatform, supervisesPlatform } from '@pilotlink/catalogue';
import type { PlatformStandingFacts } from '@pilotlink/catalogue';
import type { Actor } from '@pilotlink/core';
import { bureauLevelFor, canRecognise } from '../domain/recognition';
import type { RecognisedLevel } from './platform-recognition.entity';

/**
 * Who sees a platform's recognitions and evaluations: its operator, a bureau whose jurisdiction
 * covers the platform's region, an admin. Everyone else is answered 404.
 */
export function seesGovernanceOf(
  actor: Actor,
  platform: Pick<PlatformStandingFacts, 'operatorOrgId' | 'regionCode'>,
): boolean {
  return operatesPlatform(actor, platform) || supervisesPlatform(actor, platform);
}

/** Who evaluates a platform: a bureau whose jurisdiction covers its region. */
export function evaluatesPlatform(actor: Actor, platform: Pick<PlatformStandingFacts, 'regionCode'>): boolean {
  return actor.orgKind === 'BUREAU' && supervisesPlatform(actor, platform);
}

/**
 * Who decides an application: a bureau of the right level over the platform's region (the domain's
 * `canRecognise`); NATIONAL is granted outside the system and recorded by an admin.
 */
export function decidesRecognition(
  actor: Actor,
  platform: Pick<PlatformStandingFacts, 'regionCode'>,
  level: RecognisedLevel,
): boolean {
  if (actor.orgKind === 'ADMIN') return level === 'NATIONAL';
  if (actor.orgKind !== 'BUREAU') return false;
  try {
    return canRecognise(actor.regionCode, bureauLevelFor(actor.regionCode), platform.regionCode, level);
  } catch {
    return false; // a malformed region code decides nothing
  }
}
