import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@pilotlink/core';
import * as http from 'node:http';
import * as https from 'node:https';
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type MultiSearchQuery,
  type MultiSearchResponse,
  type RecordAny,
  type SearchParams,
  type SearchResponse,
} from 'meilisearch';

const TIMEOUT_MS = 5_000;

/**
 * The read path to Meilisearch: `POST /indexes/:uid/search` and `POST /multi-search` on kept-alive
 * node:http sockets. The official client goes through fetch, whose streams, abort plumbing and chunked
 * decoding cost the API about as much CPU per search as the rest of the request together (a CPU profile
 * under `bench:search` showed undici's request writing and body reading as its largest items); here a
 * request is one write and the answer one buffer. Failures are the official client's error classes, so
 * `searchOr`, `isIndexNotFound` and `isMeiliUnavailable` judge them the same way. Writes, tasks and
 * settings keep using the official client (MEILI).
 */
@Injectable()
export class MeiliSearchClient implements OnModuleDestroy {
  private readonly base: URL;
  private readonly authorization: string;
  private readonly transport: typeof http | typeof https;
  private readonly agent: http.Agent;

  constructor(@Inject(ConfigService) config: AppConfig) {
    const host = config.get('MEILI_URL', { infer: true });
    this.base = new URL(host.endsWith('/') ? host : `${host}/`);
    const key = config.get('MEILI_API_KEY', { infer: true }) ?? config.get('MEILI_MASTER_KEY', { infer: true });
    this.authorization = `Bearer ${key}`;
    this.transport = this.base.protocol === 'https:' ? https : http;
    // Idle sockets close before Meilisearch's own 5 s keep-alive would, so a reused socket is rarely a dead one.
    this.agent = new this.transport.Agent({ keepAlive: true, timeout: 4_000 });
  }

  search<D extends RecordAny>(uid: string, q: string, params: SearchParams): Promise<SearchResponse<D>> {
    return this.post(`indexes/${encodeURIComponent(uid)}/search`, JSON.stringify({ q, ...params }));
  }

  multiSearch<D extends RecordAny>(queries: MultiSearchQuery[]): Promise<MultiSearchResponse<D>> {
    return this.post('multi-search', JSON.stringify({ queries }));
  }

  onModuleDestroy(): void {
    this.agent.destroy();
  }

  /** A search is read-only: a kept-alive socket the server had just closed is retried once on a fresh one. */
  private async post<T>(path: string, body: string): Promise<T> {
    const url = new URL(path, this.base);
    try {
      return await this.send<T>(url, body);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      return this.send<T>(url, body);
    }
  }

  private send<T>(url: URL, body: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const request = this.transport.request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            // Uncompressed: for a server next door gzip buys nothing (see meili.provider.ts).
            'accept-encoding': 'identity',
            authorization: this.authorization,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => fail(new MeilisearchRequestError(url.href, error)));
          response.on('end', () => {
            clearTimeout(timer);
            try {
              const text = Buffer.concat(chunks).toString('utf8');
              const parsed: unknown = text === '' ? undefined : JSON.parse(text);
              const status = response.statusCode ?? 0;
              if (status >= 200 && status < 300) return resolve(parsed as T);
              const answer = new Response(null, { status, statusText: response.statusMessage ?? '' });
              reject(new MeilisearchApiError(answer, parsed as ConstructorParameters<typeof MeilisearchApiError>[1]));
            } catch (error) {
              reject(new MeilisearchRequestError(url.href, error));
            }
          });
        },
      );
      const fail = (error: Error) => {
        clearTimeout(timer);
        request.destroy();
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new MeilisearchRequestError(url.href, new MeilisearchRequestTimeOutError(TIMEOUT_MS, {}))),
        TIMEOUT_MS,
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        const stale = request.reusedSocket && error.code === 'ECONNRESET';
        fail(stale ? new StaleSocketError() : new MeilisearchRequestError(url.href, error));
      });
      request.end(body);
    });
  }
}

class StaleSocketError extends Error {}
