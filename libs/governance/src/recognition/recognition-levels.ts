import { RECOGNITION_RANK } from '@pilotlink/core';
import type { PlatformStandingFacts } from '@pilotlink/catalogue';
import type { RecognitionLevel } from '@pilotlink/core';

/** The level a platform effectively holds today: a level whose validity has passed counts as NONE. */
export function effectiveLevel(
  standing: Pick<PlatformStandingFacts, 'recognitionLevel' | 'recognitionValidUntil'>,
  today: string,
): RecognitionLevel {
  const until = standing.recognitionValidUntil;
  return until !== null && until < today ? 'NONE' : standing.recognitionLevel;
}

export function higherLevel(a: RecognitionLevel, b: RecognitionLevel): boolean {
  return RECOGNITION_RANK[a] > RECOGNITION_RANK[b];
}
