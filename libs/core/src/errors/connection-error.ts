/**
 * PostgreSQL SQLSTATEs and socket errors that mean the connection to the database is gone (or cannot be
 * had right now): the backend was terminated (`pg_terminate_backend`, a restart), the socket was cut, or
 * the server refuses connections while it starts or stops. Not a fault of the request.
 */
const CONNECTION_SQLSTATES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, smart/fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
]);
const SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN', 'EHOSTUNREACH']);
/** node-postgres raises these as plain Errors without a code. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
  // TypeORM released the query runner when its connection emitted 'error'; the unit's next query says so
  // (QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError).
  'Query runner already released',
  'provided by a query runner was already released',
];

/** True when `error` (a TypeORM QueryFailedError or a raw pg/socket error) says the database connection failed. */
export function isDatabaseConnectionError(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 3; depth += 1) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && (CONNECTION_SQLSTATES.has(code) || SOCKET_CODES.has(code))) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (CONNECTION_MESSAGES.some((m) => message.includes(m))) return true;
    e = (e.driverError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return false;
}
