import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const FACET_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
  description: 'Per filter, the count of matching hits for each value (with the other filters applied)',
} as const;

export class SearchHighlightDto {
  @ApiProperty({ description: 'HTML-escaped; matches wrapped in <em>', example: '锂电池正极材料<em>中试</em>验证' })
  title: string;

  @ApiProperty({ description: 'Cropped around the matches; HTML-escaped, matches wrapped in <em>' })
  description: string;
}

export class ServiceHitPlatformDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty({ example: '中试服务平台' }) typeLabel: string;
  @ApiProperty({ example: '350582' }) regionCode: string;
  @ApiProperty({ description: 'Host institution (依托单位)' }) hostOrgName: string;
  @ApiProperty() recognitionLevel: string;
  @ApiProperty({ type: Number, nullable: true }) ratingAvg: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Median minutes to a first quote' })
  medianFirstQuoteMinutes: number | null;
}

export class ServiceHitDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'As the platform wrote it (Traditional Chinese stays Traditional)' }) title: string;
  @ApiProperty() description: string;
  @ApiProperty() category: string;
  @ApiProperty({ example: '产品性能测试' }) categoryLabel: string;
  @ApiProperty({ type: [String], description: 'Including the parents of sub-fields' }) fieldCodes: string[];
  @ApiProperty({ type: [String] }) fieldNames: string[];
  @ApiProperty({ type: [String] }) stages: string[];
  @ApiProperty({ type: [String] }) stageLabels: string[];
  @ApiProperty({ enum: ['FIXED', 'UNIT', 'QUOTE'] }) pricingKind: string;
  @ApiProperty({ type: Number, nullable: true, description: 'fen; null when priced on request' }) priceFen:
    number | null;
  @ApiProperty() priceBand: string;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty() leadTimeDays: number;
  @ApiProperty() voucherEligible: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: ServiceHitPlatformDto }) platform: ServiceHitPlatformDto;
  @ApiProperty({ type: SearchHighlightDto }) _highlight: SearchHighlightDto;
}

export class PlatformHitDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() type: string;
  @ApiProperty() typeLabel: string;
  @ApiProperty() operatingModel: string;
  @ApiProperty() operatingModelLabel: string;
  @ApiProperty({ type: [String] }) fieldCodes: string[];
  @ApiProperty({ type: [String] }) fieldNames: string[];
  @ApiProperty() regionCode: string;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty() recognitionLevel: string;
  @ApiProperty({ type: Number, nullable: true }) ratingAvg: number | null;
  @ApiProperty() reviewCount: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median minutes to a first quote' })
  medianFirstQuoteMinutes: number | null;
  @ApiProperty() hostOrgName: string;
  @ApiProperty({ type: [String], description: 'Kinds of the qualifications that are still valid' })
  qualificationKinds: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) listedAt: string | null;
  @ApiProperty({ type: SearchHighlightDto, description: '`title` highlights the platform name' })
  _highlight: SearchHighlightDto;
}

abstract class SearchPageDto {
  @ApiProperty({ description: 'Exact number of hits' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiPropertyOptional(FACET_SCHEMA) facets: Record<string, Record<string, number>>;
}

export class ServiceSearchPageDto extends SearchPageDto {
  @ApiProperty({ type: [ServiceHitDto] }) items: ServiceHitDto[];
}

export class PlatformSearchPageDto extends SearchPageDto {
  @ApiProperty({ type: [PlatformHitDto] }) items: PlatformHitDto[];
}
