import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@pilotlink/core';

export const SEARCH_INDEX_KINDS = ['services', 'platforms', 'demands', 'results', 'policies'] as const;
export type SearchIndexKind = (typeof SEARCH_INDEX_KINDS)[number];

/** Index uids: `${MEILI_INDEX_PREFIX}services` and `…platforms`, `…demands`, `…results`, `…policies` (tests and deployments get their own). */
@Injectable()
export class SearchIndexes {
  constructor(@Inject(ConfigService) private readonly config: AppConfig) {}

  uid(kind: SearchIndexKind): string {
    return `${this.config.get('MEILI_INDEX_PREFIX', { infer: true })}${kind}`;
  }
}
