import { ApiProperty } from '@nestjs/swagger';
import { IpTermsResponseDto } from '@pilotlink/booking';
import { pageDtoOf, parseFen } from '@pilotlink/core';
import { PROPOSAL_DECLINE_REASONS, PROPOSAL_STATUSES } from '../proposals/result-proposal';
import type { ProposalStatus } from '../proposals/result-proposal';
import type { ResultProposal } from '../proposals/result-proposal.entity';

export class ResultProposalResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) resultId: string;
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty({ description: 'The proposing platform’s name' }) platformName: string;
  @ApiProperty({ format: 'uuid' }) platformOrgId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) serviceId: string | null;
  @ApiProperty({ description: 'fen' }) priceFen: number;
  @ApiProperty() timelineDays: number;
  @ApiProperty() scope: string;
  @ApiProperty() validUntil: string;
  @ApiProperty({ type: IpTermsResponseDto }) ipTerms: IpTermsResponseDto;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty({ enum: PROPOSAL_DECLINE_REASONS, nullable: true, type: String }) declineReason: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) coFunderOrgId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Set once accepted: the order' })
  orderId: string | null;
  @ApiProperty() createdAt: Date;

  static from(p: ResultProposal, platformName: string): ResultProposalResponseDto {
    return {
      id: p.id,
      resultId: p.resultId,
      platformId: p.platformId,
      platformName,
      platformOrgId: p.platformOrgId,
      serviceId: p.serviceId,
      priceFen: parseFen(p.priceFen),
      timelineDays: p.timelineDays,
      scope: p.scope,
      validUntil: p.validUntil,
      ipTerms: IpTermsResponseDto.from(p),
      status: p.status,
      declineReason: p.declineReason,
      coFunderOrgId: p.coFunderOrgId,
      orderId: p.orderId,
      createdAt: p.createdAt,
    };
  }
}

export class ResultProposalPageDto extends pageDtoOf(ResultProposalResponseDto, 'ResultProposalPageDto') {}
