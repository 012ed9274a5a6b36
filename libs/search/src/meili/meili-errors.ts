import { DomainError } from '@pilotlink/core';
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import type { Task } from 'meilisearch';

/**
 * A Meilisearch task that finished as `failed` or `canceled`. The client resolves such a task
 * normally (it is not an HTTP error), so every wait checks the status and throws this.
 */
export class SearchTaskFailedError extends Error {
  constructor(
    readonly task: Pick<Task, 'uid' | 'type' | 'status' | 'indexUid' | 'error'>,
    what: string,
  ) {
    super(`${what}: Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error'}`);
    this.name = 'SearchTaskFailedError';
  }

  get code(): string | undefined {
    return this.task.error?.code;
  }
}

/**
 * Meilisearch cannot be reached or cannot answer now (network error, timeout, 5xx): callers answer
 * 503 or retry later. Any other error is a bug of ours (a bad filter, bad settings) and surfaces as such.
 */
export function isMeiliUnavailable(error: unknown): boolean {
  if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError) return true;
  if (error instanceof MeilisearchTaskTimeOutError) return true;
  return error instanceof MeilisearchApiError && error.response.status >= 500;
}

export function isIndexNotFound(error: unknown): boolean {
  return error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found';
}

export function searchUnavailable(): DomainError {
  return new DomainError('SEARCH_UNAVAILABLE', 'Search is temporarily unavailable; please retry shortly');
}

/**
 * Runs a search: an index that does not exist yet (nothing was ever published) answers `empty`, an
 * unreachable Meilisearch SEARCH_UNAVAILABLE (503); anything else is ours and surfaces as it is.
 */
export async function searchOr<T, E>(empty: E, search: () => Promise<T>): Promise<T | E> {
  try {
    return await search();
  } catch (error) {
    if (isIndexNotFound(error)) return empty;
    if (isMeiliUnavailable(error)) throw searchUnavailable();
    throw error;
  }
}
