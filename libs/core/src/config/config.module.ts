import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Clock } from '../clock.service';
import { FileStore, LocalDiskFileStore } from '../files/file-store.service';
import { Env, validateEnv } from './env.schema';

/** Typed access to the validated environment: `config.get('PORT', { infer: true })`. */
export type AppConfig = ConfigService<Env, true>;

/** Validated configuration, the clock and the file store: what every process and context needs. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(): DynamicModule {
    return {
      module: CoreModule,
      imports: [ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv })],
      // Local disk here; an S3-compatible store would be bound to the same token.
      providers: [Clock, { provide: FileStore, useClass: LocalDiskFileStore }],
      exports: [ConfigModule, Clock, FileStore],
    };
  }
}
