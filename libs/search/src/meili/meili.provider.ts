import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@pilotlink/core';
import { Meilisearch } from 'meilisearch';

export const MEILI = Symbol('MEILI');

export const meiliProvider = {
  provide: MEILI,
  inject: [ConfigService],
  useFactory: (config: AppConfig) =>
    new Meilisearch({
      host: config.get('MEILI_URL', { infer: true }),
      apiKey: config.get('MEILI_API_KEY', { infer: true }) ?? config.get('MEILI_MASTER_KEY', { infer: true }),
      timeout: 5_000,
      // Node's fetch asks for gzip; Meilisearch then streams a chunked compressed body, and on a kept-alive
      // connection Nagle's algorithm meets the client's delayed ACK: every search stalled ~40 ms. Compressing
      // for a server next door buys nothing, so ask for the body as is.
      requestInit: { headers: { 'Accept-Encoding': 'identity' } },
    }),
};
