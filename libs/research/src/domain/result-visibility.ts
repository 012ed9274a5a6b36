import { ConfidentialAudience, ConfidentialView, confidentialViewFor, ConfidentialViewer } from '@pilotlink/demand';
import type { Confidentiality } from '@pilotlink/demand';
import { isLiveResult, ResultStatus } from './result';

export type ResultView = ConfidentialView;

/**
 * A result is published to verified platforms (who may verify it), SMEs (who may adopt it) and bureaus (who
 * push and track results); a PUBLIC result to anyone, signed in or not (SPEC §4a: "confidentiality as for
 * demands"; Jiaxing §三.4 publishes 中试成果 to society).
 */
export const RESULT_AUDIENCE: ConfidentialAudience = {
  kinds: ['PLATFORM_OPERATOR', 'SME', 'BUREAU'],
  publicToAnyone: true,
};

export interface ResultAccessFacts {
  instituteOrgId: string;
  status: ResultStatus;
  confidentiality: Confidentiality;
  invited: boolean;
  ndaAccepted: boolean;
}

/** The demands' one rule (confidentialViewFor), with the results' audience; withdrawn results are the owner's only. */
export function resultViewFor(viewer: ConfidentialViewer | undefined, result: ResultAccessFacts): ResultView {
  return confidentialViewFor(
    viewer,
    {
      ownerOrgId: result.instituteOrgId,
      published: isLiveResult(result.status),
      confidentiality: result.confidentiality,
      invited: result.invited,
      ndaAccepted: result.ndaAccepted,
    },
    RESULT_AUDIENCE,
  );
}
