import type { SearchIndexKind } from '../indexes/search-indexes.service';

/** Where a full reindex stands: per index, documents written to `<uid>_new` out of those counted at the start. */
export interface ReindexProgress {
  /** 0–100; 100 only once every index has been swapped in. */
  percent: number;
  /** The index being rebuilt, or null before the first and after the last. */
  current: SearchIndexKind | null;
  indexes: IndexProgress[];
}

export interface IndexProgress {
  kind: SearchIndexKind;
  index: string;
  state: 'PENDING' | 'FILLING' | 'SWAPPING' | 'DONE';
  /** Searchable rows counted when the run started (raised if more were written meanwhile). */
  total: number;
  /** Documents Meilisearch has confirmed in the new index. */
  done: number;
}

export type ReindexProgressListener = (progress: ReindexProgress) => Promise<unknown> | unknown;

/**
 * Keeps the per-index counters and works out the percentage: documents done over documents in all,
 * each index counting at least one unit so an empty one still moves the bar; 100 only when all are DONE.
 */
export class ReindexProgressTracker {
  private readonly indexes: IndexProgress[];

  constructor(
    entries: { kind: SearchIndexKind; index: string; total: number }[],
    private readonly listener: ReindexProgressListener = () => undefined,
  ) {
    this.indexes = entries.map((entry) => ({ ...entry, state: 'PENDING', done: 0 }));
  }

  async update(kind: SearchIndexKind, change: Partial<Pick<IndexProgress, 'state' | 'done'>>): Promise<void> {
    const entry = this.indexes.find((i) => i.kind === kind)!;
    Object.assign(entry, change);
    entry.total = Math.max(entry.total, entry.done);
    await this.listener(this.snapshot());
  }

  snapshot(): ReindexProgress {
    const units = (i: IndexProgress) => Math.max(i.total, 1);
    const doneUnits = (i: IndexProgress) => (i.state === 'DONE' ? units(i) : Math.min(i.done, units(i)));
    const all = this.indexes.reduce((sum, i) => sum + units(i), 0);
    const done = this.indexes.reduce((sum, i) => sum + doneUnits(i), 0);
    const finished = this.indexes.every((i) => i.state === 'DONE');
    const percent = finished ? 100 : Math.min(99, Math.floor((100 * done) / all));
    const current = this.indexes.find((i) => i.state === 'FILLING' || i.state === 'SWAPPING')?.kind ?? null;
    return { percent, current, indexes: this.indexes.map((i) => ({ ...i })) };
  }
}
