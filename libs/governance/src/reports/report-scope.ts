import { INDUSTRY_FIELD_INDEX } from '@pilotlink/core';
import { jurisdictionPrefix, regionName } from '@pilotlink/identity';
import type { Actor } from '@pilotlink/core';

/**
 * The LIKE pattern of the regions a report may show: a bureau's jurisdiction (its region code covers
 * the codes under it, as `coversRegion` decides), or null for an admin, who sees everything.
 */
export function jurisdictionPattern(actor: Actor): string | null {
  return actor.orgKind === 'ADMIN' ? null : `${jurisdictionPrefix(actor.regionCode)}%`;
}

/** The first instant of a year in China (UTC+8, no DST), as an ISO timestamp. */
export function chinaYearStart(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01T00:00:00+08:00`;
}

/** Key used for a grouping value the data does not have (an order with neither service nor demand). */
export const UNKNOWN = 'UNKNOWN';

export function fieldLabel(code: string | null): string {
  return (code && INDUSTRY_FIELD_INDEX.get(code)?.name) ?? code ?? UNKNOWN;
}

export function regionLabel(code: string | null): string {
  return (code && regionName(code)) ?? code ?? UNKNOWN;
}
