import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Client, ClientConfig, QueryConfig } from 'pg';

const logger = new Logger('Database');

/**
 * Distinct statements one connection prepares at most. SQL built with a variable number of parameters
 * (`IN ($1, $2, …)`) yields a text per length; past this many, further texts run unnamed as before.
 */
export const MAX_PREPARED_PER_CONNECTION = 1_000;

/** The name a statement text is prepared under: the same text, the same name, on every connection. */
export function statementName(text: string): string {
  return `pl_${createHash('sha1').update(text).digest('hex')}`;
}

/**
 * The pool's client: every parameterized query (TypeORM sends each as text plus values) runs as a named
 * prepared statement, so a connection parses, analyses and plans each text once, then only binds and
 * executes it. Unnamed, PostgreSQL did all of that on every call: measured on the voucher hold, parsing
 * and planning were about 45 % of PostgreSQL's CPU (perf, `npm run bench:vouchers`). Queries without
 * parameters (BEGIN, COMMIT, DDL) keep the simple protocol. A schema change replans cached statements
 * by itself; migrations run before the app connects.
 */
export class PreparedStatementClient extends Client {
  /** Statement texts this connection has prepared, with their names (hashed once per text). */
  private readonly prepared = new Map<string, string>();

  constructor(config?: string | ClientConfig) {
    super(config);
    // pg-pool listens for errors only while a client is idle; checked out (inside a transaction, between
    // two queries) a terminated backend or a cut socket emitted 'error' with no listener, and Node ended the
    // process. The failure also reaches the query or transaction that used the connection (withTransaction
    // runs it again, or the client gets DATABASE_UNAVAILABLE), and the pool drops the broken client.
    this.on('error', (error: Error & { code?: string }) => {
      logger.warn(`database connection lost: ${error.code ? `${error.code} ` : ''}${error.message}`);
    });
  }

  // pg's overloads; TypeORM calls query(text, values) and awaits the promise.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && args.length === 2) {
      let name = this.prepared.get(text);
      if (!name && this.prepared.size < MAX_PREPARED_PER_CONNECTION) {
        name = statementName(text);
        this.prepared.set(text, name);
      }
      if (name) return (super.query as unknown as (config: QueryConfig) => never)({ name, text, values });
    }
    return (super.query as unknown as (...a: unknown[]) => never)(...args);
  }
}
