import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DemandMatchDto } from '@pilotlink/demand';

export class AdopterReasonsDto {
  @ApiProperty({ type: [String], description: 'Subscribed industry fields the result is in (its field or a parent)' })
  fields: string[];
  @ApiProperty({ type: [String], description: 'Subscribed keywords found in the result' })
  keywords: string[];
}

/** An SME that may adopt the result (潜在承接企业). */
export class AdopterMatchDto {
  @ApiProperty() rank: number;
  @ApiProperty({ description: '0–1: 0.6 own field, 0.4 parent field, +0.1 a keyword (≤ 0.4)' }) score: number;
  @ApiProperty({ format: 'uuid' }) orgId: string;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ description: '科技型中小企业' }) techSme: boolean;
  @ApiProperty({ type: AdopterReasonsDto }) reasons: AdopterReasonsDto;
}

export class ResultMatchesDto {
  @ApiProperty({ format: 'uuid' }) resultId: string;
  @ApiProperty({ description: 'Services found fitting (before the limit)' }) total: number;
  @ApiProperty({
    type: [DemandMatchDto],
    description:
      'Ranked services with the reasons: the result’s terms found (only text you may see), field, target ' +
      'stage, verification categories, budget (only when you see the result in full)',
  })
  items: DemandMatchDto[];
  @ApiPropertyOptional({
    type: [AdopterMatchDto],
    description:
      'The result’s owner only: verified SMEs whose subscriptions (fields, keywords) fit it — potential adopters, ' +
      'ranked, with the reasons. Absent for everyone else.',
  })
  adopters?: AdopterMatchDto[];
}
