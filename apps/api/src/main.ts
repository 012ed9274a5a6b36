import 'reflect-metadata';
import { validateEnv } from '@pilotlink/core';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const env = validateEnv(process.env);
  const app = await createApiApp();
  await app.listen({ port: env.PORT, host: '0.0.0.0' });
}

main().catch((error: Error) => {
  // Configuration errors name the variable; print them plainly, without a stack.
  console.error(error.message.startsWith('Invalid configuration') ? error.message : error);
  process.exit(1);
});
