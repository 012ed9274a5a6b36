import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IP_OWNERSHIP_LABELS, IP_OWNERSHIPS, splitByIpTerms } from '../domain/ip-terms';
import type { IpOwnership, IpTerms } from '../domain/ip-terms';

/** The IP terms of a quote or order, as shown to both parties (and on the contract). */
export class IpTermsResponseDto {
  @ApiProperty({ enum: IP_OWNERSHIPS, description: 'Who owns what the pilot produces' }) ipOwnership: IpOwnership;
  @ApiProperty({ example: '归委托方（需求方）所有' }) ipOwnershipLabel: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'SHARED: the buyer’s share (basis points)' })
  ipBuyerShareBp: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'SHARED: the platform’s share (basis points)' })
  ipPlatformShareBp: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: '收益分配 (谁投入谁获益)' })
  benefitSharingNote: string | null;

  static from(terms: IpTerms): IpTermsResponseDto {
    return {
      ipOwnership: terms.ipOwnership,
      ipOwnershipLabel: IP_OWNERSHIP_LABELS[terms.ipOwnership],
      ipBuyerShareBp: terms.ipBuyerShareBp,
      ipPlatformShareBp: terms.ipBuyerShareBp === null ? null : 10_000 - terms.ipBuyerShareBp,
      benefitSharingNote: terms.benefitSharingNote,
    };
  }
}

/** What each party would get of an amount shared by these terms (e.g. a licence fee), for display. */
export function ipSplitExample(terms: IpTerms, amountFen: number) {
  return splitByIpTerms(amountFen, terms);
}
