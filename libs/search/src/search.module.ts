import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@pilotlink/core';
import { Meilisearch } from 'meilisearch';

export const MEILI = Symbol('MEILI');

/** The Meilisearch client; indexes, settings and sync come with the catalogue. */
@Global()
@Module({
  providers: [
    {
      provide: MEILI,
      inject: [ConfigService],
      useFactory: (config: AppConfig) =>
        new Meilisearch({
          host: config.get('MEILI_URL', { infer: true }),
          apiKey: config.get('MEILI_MASTER_KEY', { infer: true }),
          timeout: 5_000,
        }),
    },
  ],
  exports: [MEILI],
})
export class SearchModule {}
