import { hostname } from 'node:os';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { PreparedStatementClient } from './prepared-statements';

/**
 * Options shared by the app's TypeORM module, the migration CLI and the tests.
 * Schema only ever changes through migrations: `synchronize` stays off.
 */
export function baseDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    // pg returns bigint as string: money columns are parsed explicitly with parseFen.
    extra: {
      max: 10,
      // Which process a session belongs to, in pg_stat_activity (several API and worker replicas share the
      // database): the pid first, as PostgreSQL cuts the name at 63 bytes.
      application_name: `pilotlink ${process.pid}@${hostname()}`,
      // Every session starts READ COMMITTED whatever the server's default, so withTransaction need not SET it.
      options: '-c default_transaction_isolation=read\\ committed',
      // Parameterized statements are prepared once per connection (see PreparedStatementClient).
      Client: PreparedStatementClient,
    },
    // Failed queries surface as exceptions (logged by the error filter); TypeORM's own logger would print
    // parameters such as password hashes.
    logging: false,
  };
}
