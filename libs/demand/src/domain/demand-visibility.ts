import type { Confidentiality, DemandStatus } from './demand';

/** How much of a demand a viewer sees: everything, the summary fields, or nothing (404). */
export type DemandView = 'FULL' | 'SUMMARY' | 'NONE';

export interface DemandViewer {
  orgId: string;
  orgKind: 'SME' | 'PLATFORM_OPERATOR' | 'BUREAU' | 'ADMIN';
  orgVerified: boolean;
}

export interface DemandAccessFacts {
  ownerOrgId: string;
  status: DemandStatus;
  confidentiality: Confidentiality;
  /** The viewer's org was invited by the SME. */
  invited: boolean;
  /** The viewer's org accepted the demand's NDA. */
  ndaAccepted: boolean;
}

/**
 * Decided per viewer, the same way for the API, search results and notifications (SPEC §4):
 * the owner sees its demand in any state; a draft is nobody else's business; verified platforms see
 * open or past demands according to the confidentiality level; admins see everything for support.
 */
export function demandViewFor(viewer: DemandViewer | undefined, demand: DemandAccessFacts): DemandView {
  if (!viewer) return 'NONE';
  if (viewer.orgId === demand.ownerOrgId || viewer.orgKind === 'ADMIN') return 'FULL';
  if (demand.status === 'DRAFT') return 'NONE';
  if (viewer.orgKind !== 'PLATFORM_OPERATOR' || !viewer.orgVerified) return 'NONE';
  switch (demand.confidentiality) {
    case 'PUBLIC':
      return 'FULL';
    case 'SUMMARY':
      return demand.invited || demand.ndaAccepted ? 'FULL' : 'SUMMARY';
    case 'PRIVATE':
      return demand.invited ? 'FULL' : 'NONE';
  }
}
