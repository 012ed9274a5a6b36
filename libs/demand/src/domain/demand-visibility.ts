import type { Confidentiality, DemandStatus } from './demand';
import { ConfidentialAudience, ConfidentialView, confidentialViewFor, ConfidentialViewer } from './confidentiality';

/** How much of a demand a viewer sees: everything, the summary fields, or nothing (404). */
export type DemandView = ConfidentialView;

export type DemandViewer = ConfidentialViewer;

export interface DemandAccessFacts {
  ownerOrgId: string;
  status: DemandStatus;
  confidentiality: Confidentiality;
  /** The viewer's org was invited by the SME. */
  invited: boolean;
  /** The viewer's org accepted the demand's NDA. */
  ndaAccepted: boolean;
}

/** A demand is published to verified platforms; a draft is nobody else's business. */
export const DEMAND_AUDIENCE: ConfidentialAudience = { kinds: ['PLATFORM_OPERATOR'], publicToAnyone: false };

/**
 * Decided per viewer, the same way for the API, search results and notifications (SPEC §4):
 * the owner sees its demand in any state; a draft is nobody else's business; verified platforms see
 * open or past demands according to the confidentiality level; admins see everything for support.
 */
export function demandViewFor(viewer: DemandViewer | undefined, demand: DemandAccessFacts): DemandView {
  const { status, ...facts } = demand;
  return confidentialViewFor(viewer, { ...facts, published: status !== 'DRAFT' }, DEMAND_AUDIENCE);
}
