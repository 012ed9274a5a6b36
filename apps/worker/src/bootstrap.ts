import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { validateEnv } from '@pilotlink/core';
import { WorkerModule } from './worker.module';

/** The worker as production runs it; e2e tests start it in-process the same way. */
export async function createWorkerApp(): Promise<INestApplicationContext> {
  validateEnv(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  return app;
}
