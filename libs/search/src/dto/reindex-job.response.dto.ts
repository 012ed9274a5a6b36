import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SEARCH_INDEX_KINDS } from '../indexes/search-indexes.service';

export const JOB_STATES = ['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed', 'unknown'] as const;
export type ReindexJobState = (typeof JOB_STATES)[number];

export class IndexProgressDto {
  @ApiProperty({ enum: SEARCH_INDEX_KINDS }) kind: string;
  @ApiProperty({ example: 'services' }) index: string;
  @ApiProperty({ enum: ['PENDING', 'FILLING', 'SWAPPING', 'DONE'] }) state: string;
  @ApiProperty({ description: 'Searchable rows counted when the run started' }) total: number;
  @ApiProperty({ description: 'Documents Meilisearch has confirmed in the new index' }) done: number;
}

export class ReindexProgressDto {
  @ApiProperty({ minimum: 0, maximum: 100, description: '100 only once every index has been swapped in' })
  percent: number;
  @ApiPropertyOptional({ enum: SEARCH_INDEX_KINDS, nullable: true, type: String, description: 'Index being rebuilt' })
  current: string | null;
  @ApiProperty({ type: [IndexProgressDto] }) indexes: IndexProgressDto[];
}

export class ReindexResultDto {
  @ApiProperty({ example: 'services' }) index: string;
  @ApiProperty() documents: number;
  @ApiProperty({ description: 'Entities changed during the run, queued again for the new index' }) requeued: number;
  @ApiProperty() seconds: number;
}

export class ReindexJobDto {
  @ApiProperty({ example: 'reindex-search', description: 'Poll GET /api/admin/search/reindex/{id}' }) id: string;
  @ApiProperty({ enum: JOB_STATES }) state: ReindexJobState;
  @ApiProperty({ description: 'True when this request queued the run; false when it answers one already under way' })
  started: boolean;
  @ApiPropertyOptional({ type: ReindexProgressDto, nullable: true, description: 'Null until the worker starts' })
  progress: ReindexProgressDto | null;
  @ApiPropertyOptional({ type: [ReindexResultDto], nullable: true, description: 'Per index, once completed' })
  result: ReindexResultDto[] | null;
  @ApiPropertyOptional({ nullable: true, type: String }) failedReason: string | null;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) startedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) finishedAt: Date | null;
}
