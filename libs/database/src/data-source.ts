import 'reflect-metadata';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from './typeorm-options';

/**
 * The DataSource of the TypeORM CLI (`npm run migration:generate`) and of `cli.js migrate`.
 * Entities are found by glob here only; the app registers them through its modules.
 */
export default new DataSource({
  ...baseDataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pilotlink'),
  entities: [path.join(__dirname, '../../*/src/**/*.entity.{ts,js}')],
});
