import type { OutboxService } from '@pilotlink/queue';
import type { EntityManager } from 'typeorm';

/**
 * Re-derives a platform's response time — the median, over the demands it quoted on, of the minutes
 * from when it could first see the demand (publication, or its invitation when that came later) to its
 * first quote there — under a lock on the platform row, so two first quotes committing together cannot
 * leave a stale median; then queues the platform for the search index, where it ranks ties (SPEC §4).
 * updated_at moves too, so the reconcile job sees an index document that missed the change.
 */
export async function refreshResponseTime(
  manager: EntityManager,
  outbox: OutboxService,
  platformId: string,
): Promise<void> {
  await manager.query(`SELECT 1 FROM platforms WHERE id = $1 FOR UPDATE`, [platformId]);
  await manager.query(
    `UPDATE platforms p
        SET median_first_quote_minutes = r.median, quoted_demand_count = r.n, updated_at = now()
       FROM (SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes))::integer AS median,
                    count(*)::integer AS n
               FROM (SELECT greatest(0, extract(epoch FROM min(q.created_at) - greatest(d.published_at, i.invited_at)) / 60)
                              AS minutes
                       FROM quotes q
                       JOIN demands d ON d.id = q.demand_id
                       LEFT JOIN demand_invitations i
                              ON i.demand_id = q.demand_id AND i.platform_org_id = q.platform_org_id
                      WHERE q.platform_id = $1 AND d.published_at IS NOT NULL
                      GROUP BY q.demand_id, d.published_at, i.invited_at) first_quotes) r
      WHERE p.id = $1`,
    [platformId],
  );
  await outbox.add(manager, {
    aggregateType: 'platform',
    aggregateId: platformId,
    eventType: 'platform.response-time',
  });
}

/** Whether the quote just written is the platform's first on the demand (a re-quote after withdrawing is not). */
export async function isFirstQuote(manager: EntityManager, demandId: string, platformId: string): Promise<boolean> {
  const [{ n }] = await manager.query(
    `SELECT count(*)::integer AS n FROM quotes WHERE demand_id = $1 AND platform_id = $2`,
    [demandId, platformId],
  );
  return n === 1;
}
