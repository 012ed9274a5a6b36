import type { OrgKind } from '@pilotlink/core';
import type { Confidentiality } from './demand';

/**
 * How much of a confidential item (a demand, a research result) a viewer sees: everything, the summary
 * fields, or nothing (404).
 */
export type ConfidentialView = 'FULL' | 'SUMMARY' | 'NONE';

export interface ConfidentialViewer {
  orgId: string;
  orgKind: OrgKind;
  orgVerified: boolean;
}

export interface ConfidentialFacts {
  ownerOrgId: string;
  /** Past its draft: others may see it at all (by the rules below). */
  published: boolean;
  confidentiality: Confidentiality;
  /** The owner invited the viewer's org. */
  invited: boolean;
  /** The viewer's org accepted the item's NDA. */
  ndaAccepted: boolean;
}

/**
 * Who an item is published to. Demands: verified platforms. Research results: verified platforms and
 * SMEs (verifiers and adopters), and a PUBLIC result to anyone, signed in or not.
 */
export interface ConfidentialAudience {
  kinds: readonly OrgKind[];
  /** PUBLIC means everyone, anonymous visitors included (not only the audience). */
  publicToAnyone: boolean;
}

/**
 * The one rule of SPEC §4 for every confidential item, used alike by the API, search, matching and
 * notifications: the owner (and an admin, for support) sees it in any state; nobody else sees a draft;
 * PUBLIC — the verified audience sees everything; SUMMARY — the summary, or everything once invited or
 * after the NDA; PRIVATE — invited orgs only (an NDA alone is not an invitation).
 */
export function confidentialViewFor(
  viewer: ConfidentialViewer | undefined,
  item: ConfidentialFacts,
  audience: ConfidentialAudience,
): ConfidentialView {
  if (viewer && (viewer.orgId === item.ownerOrgId || viewer.orgKind === 'ADMIN')) return 'FULL';
  if (!item.published) return 'NONE';
  if (item.confidentiality === 'PUBLIC' && audience.publicToAnyone) return 'FULL';
  if (!viewer || !audience.kinds.includes(viewer.orgKind) || !viewer.orgVerified) return 'NONE';
  switch (item.confidentiality) {
    case 'PUBLIC':
      return 'FULL';
    case 'SUMMARY':
      return item.invited || item.ndaAccepted ? 'FULL' : 'SUMMARY';
    case 'PRIVATE':
      return item.invited ? 'FULL' : 'NONE';
  }
}
