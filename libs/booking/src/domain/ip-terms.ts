/**
 * IP terms of a pilot (issue 21, SPEC §4a; Jiaxing §三.3 and Guangzhou: IP ownership and benefit sharing by
 * "谁投入谁获益"): who owns what the pilot produces — the buyer, the platform, both with a split in basis points,
 * or as the contract says — and a benefit-sharing note. Chosen in the quote, carried onto the order.
 */
export const IP_OWNERSHIPS = ['BUYER', 'PLATFORM', 'SHARED', 'PER_CONTRACT'] as const;
export type IpOwnership = (typeof IP_OWNERSHIPS)[number];

export const IP_OWNERSHIP_LABELS: Record<IpOwnership, string> = {
  BUYER: '归委托方（需求方）所有',
  PLATFORM: '归平台所有',
  SHARED: '双方共有',
  PER_CONTRACT: '按合同约定',
};

export interface IpTerms {
  ipOwnership: IpOwnership;
  /** SHARED only: the buyer's share in basis points (1–9999); the platform holds the rest. */
  ipBuyerShareBp: number | null;
  benefitSharingNote: string | null;
}

export const DEFAULT_IP_TERMS: IpTerms = {
  ipOwnership: 'PER_CONTRACT',
  ipBuyerShareBp: null,
  benefitSharingNote: null,
};

/** Cross-field rules (mirroring the tables' CHECKs), each naming its field. */
export function ipTermsProblems(
  terms: Pick<IpTerms, 'ipOwnership' | 'ipBuyerShareBp'>,
): { field: string; errors: string[] }[] {
  if (terms.ipOwnership === 'SHARED' && terms.ipBuyerShareBp == null) {
    return [{ field: 'ipBuyerShareBp', errors: ['SHARED ownership states the buyer share in basis points'] }];
  }
  if (terms.ipOwnership !== 'SHARED' && terms.ipBuyerShareBp != null) {
    return [{ field: 'ipBuyerShareBp', errors: ['only SHARED ownership has a share'] }];
  }
  return [];
}

/**
 * What each side gets of an amount shared by the IP terms (a licence fee, a transfer price): the buyer its
 * share rounded down to the fen, the platform the rest — so the two always add up to the amount. BUYER and
 * PLATFORM take all; PER_CONTRACT decides nothing here (null).
 */
export function splitByIpTerms(
  amountFen: number,
  terms: Pick<IpTerms, 'ipOwnership' | 'ipBuyerShareBp'>,
): { buyerFen: number; platformFen: number } | null {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new RangeError('amountFen must be a whole fen ≥ 0');
  switch (terms.ipOwnership) {
    case 'BUYER':
      return { buyerFen: amountFen, platformFen: 0 };
    case 'PLATFORM':
      return { buyerFen: 0, platformFen: amountFen };
    case 'PER_CONTRACT':
      return null;
    case 'SHARED': {
      const bp = terms.ipBuyerShareBp;
      if (bp == null || !Number.isInteger(bp) || bp < 1 || bp > 9_999)
        throw new RangeError('ipBuyerShareBp must be 1–9999');
      const buyerFen = Number((BigInt(amountFen) * BigInt(bp)) / 10_000n);
      return { buyerFen, platformFen: amountFen - buyerFen };
    }
  }
}
