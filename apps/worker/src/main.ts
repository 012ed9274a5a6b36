import 'reflect-metadata';
import { createWorkerApp } from './bootstrap';

createWorkerApp().catch((error: Error) => {
  console.error(error.message.startsWith('Invalid configuration') ? error.message : error);
  process.exit(1);
});
