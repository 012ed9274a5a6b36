import { PickType } from '@nestjs/swagger';
import { PageQueryDto } from '@pilotlink/core';
import { ServiceSearchQueryDto } from '@pilotlink/search';

export class MatchLimitQueryDto extends PickType(PageQueryDto, ['limit'] as const) {}

/** The service search's text, field, stage, category and region filters (same checks), and its paging. */
export class DemandSearchQueryDto extends PickType(ServiceSearchQueryDto, [
  'q',
  'field',
  'stage',
  'category',
  'region',
  'page',
  'limit',
] as const) {}
