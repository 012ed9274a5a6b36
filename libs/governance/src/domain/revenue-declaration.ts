import { assertFen } from '@pilotlink/core';

/**
 * A platform's 服务性收入 (晋江 §六(二): "按中试验证平台年度服务性收入的 30% 给予运营主体补助") is mostly
 * earned outside PilotLink, so the operator declares it per year and a bureau accepts or returns the
 * declaration. Two flags help the bureau read a declaration:
 *
 * - BELOW_MARKETPLACE: the declared figure is below what the marketplace itself recorded for the year
 *   (payments on orders completed in it) — the declaration misses revenue we know of;
 * - FAR_ABOVE_HISTORY: more than `FAR_ABOVE_FACTOR` times the highest accepted figure of the platform's
 *   other years (only when there is such a year) — worth a closer look at the evidence.
 *
 * Flags inform; they do not block acceptance.
 */
export const REVENUE_FLAGS = ['BELOW_MARKETPLACE', 'FAR_ABOVE_HISTORY'] as const;
export type RevenueFlag = (typeof REVENUE_FLAGS)[number];

/** "Far above" the platform's history: more than twice its best accepted year. */
export const FAR_ABOVE_FACTOR = 2;

export function revenueDeclarationFlags(
  declaredFen: number,
  marketplaceFen: number,
  acceptedOtherYearsFen: readonly number[],
): RevenueFlag[] {
  for (const fen of [declaredFen, marketplaceFen, ...acceptedOtherYearsFen]) {
    assertFen(fen);
    if (fen < 0) throw new RangeError(`revenue cannot be negative: ${fen}`);
  }
  const flags: RevenueFlag[] = [];
  if (declaredFen < marketplaceFen) flags.push('BELOW_MARKETPLACE');
  const best = acceptedOtherYearsFen.length ? Math.max(...acceptedOtherYearsFen) : null;
  if (best !== null && declaredFen > best * FAR_ABOVE_FACTOR) flags.push('FAR_ABOVE_HISTORY');
  return flags;
}
