import type { ResponseTimeStats } from '@pilotlink/catalogue';
import type { EntityManager } from 'typeorm';

/**
 * A platform's response time — the median, over the demands it quoted on, of the minutes from when it could
 * first see the demand (publication, or its invitation when that came later) to its first quote there — for
 * the catalogue to store (search ranks ties by it, SPEC §4). Read in the caller's transaction after it locked
 * the platform row (PlatformDirectory.lock), so two first quotes committing together cannot leave a stale median.
 */
export async function responseTimeOf(manager: EntityManager, platformId: string): Promise<ResponseTimeStats> {
  const [{ median, n }] = await manager.query<{ median: number | null; n: number }[]>(
    `SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes))::integer AS median, count(*)::integer AS n
       FROM (SELECT greatest(0, extract(epoch FROM min(q.created_at) - greatest(d.published_at, i.invited_at)) / 60)
                      AS minutes
               FROM quotes q
               JOIN demands d ON d.id = q.demand_id
               LEFT JOIN demand_invitations i
                      ON i.demand_id = q.demand_id AND i.platform_org_id = q.platform_org_id
              WHERE q.platform_id = $1 AND d.published_at IS NOT NULL
              GROUP BY q.demand_id, d.published_at, i.invited_at) first_quotes`,
    [platformId],
  );
  return { medianMinutes: median, quotedDemandCount: n };
}

/** Whether the quote just written is the platform's first on the demand (a re-quote after withdrawing is not). */
export async function isFirstQuote(manager: EntityManager, demandId: string, platformId: string): Promise<boolean> {
  const [{ n }] = await manager.query(
    `SELECT count(*)::integer AS n FROM quotes WHERE demand_id = $1 AND platform_id = $2`,
    [demandId, platformId],
  );
  return n === 1;
}
