import { EntityManager } from 'typeorm';

/**
 * How long a key answers replays. After that the same key runs as a new request; the domain's own guards
 * (one hold per order, one claim per hold, a decided claim stays decided) still refuse a repeated movement.
 */
export const KEY_RETENTION_HOURS = 24;

/** Deletes the keys past their retention; answers how many. (The hourly `prune-idempotency-keys` job.) */
export async function pruneIdempotencyKeys(manager: EntityManager): Promise<number> {
  const [, affected] = await manager.query<[unknown, number]>(
    `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
    [KEY_RETENTION_HOURS],
  );
  return affected;
}
