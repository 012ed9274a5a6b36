import type { Schema } from './api';
import { pct } from './money';

type IpTerms = Schema<'IpTermsResponseDto'>;

/** 知识产权归属 in one line: the owner, the shares when shared, and the benefit-sharing note. */
export function ipTermsText(terms: IpTerms | undefined): string {
  if (!terms) return '—';
  const shares =
    terms.ipOwnership === 'SHARED'
      ? `（委托方 ${pct(terms.ipBuyerShareBp)}，平台 ${pct(terms.ipPlatformShareBp)}）`
      : '';
  const note = terms.benefitSharingNote ? `；收益分配：${terms.benefitSharingNote}` : '';
  return `${terms.ipOwnershipLabel}${shares}${note}`;
}
