import { Injectable } from '@nestjs/common';
import type { SearchIndexKind } from '../indexes/search-indexes.service';
import type { SearchDocumentSource } from './search-document-source';

/**
 * The registry of document sources, one per index. The owning contexts register theirs when their
 * module starts (before the relay's first batch and any reindex), so search imports none of them.
 */
@Injectable()
export class SearchSources {
  private readonly sources = new Map<SearchIndexKind, SearchDocumentSource>();

  register(source: SearchDocumentSource): void {
    if (this.sources.has(source.index)) throw new Error(`a search source for ${source.index} is already registered`);
    this.sources.set(source.index, source);
  }

  /** The source of an index; an app that syncs, reindexes or reconciles it must have imported its owner. */
  of(index: SearchIndexKind): SearchDocumentSource {
    const source = this.sources.get(index);
    if (!source) throw new Error(`no search source registered for the ${index} index`);
    return source;
  }
}
