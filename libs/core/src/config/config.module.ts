import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Clock } from '../clock';
import { Env, validateEnv } from './env.schema';

/** Typed access to the validated environment: `config.get('PORT', { infer: true })`. */
export type AppConfig = ConfigService<Env, true>;

/** Validated configuration and the clock: what every process and context needs. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(): DynamicModule {
    return {
      module: CoreModule,
      imports: [ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv })],
      providers: [Clock],
      exports: [ConfigModule, Clock],
    };
  }
}
