import { applyBasisPoints, assertFen } from '@pilotlink/core';

/** One marginal tier: `ratioBp` applies to the part of the order amount up to `uptoFen` (null = no limit). */
export interface RuleTier {
  uptoFen: number | null;
  ratioBp: number;
}

/**
 * How much of an order a program pays, before caps. Tiers are marginal, like tax brackets:
 * `[{ uptoFen: 1_000_000, ratioBp: 10000 }, { uptoFen: null, ratioBp: 5000 }]` pays 100 % of the first
 * ¥10,000 and 50 % of the rest.
 */
export type ReimbursementRule = { kind: 'RATIO'; ratioBp: number } | { kind: 'TIERS'; tiers: RuleTier[] };

export const MAX_RULE_TIERS = 10;

function isRatioBp(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10000;
}

/** Null when the rule is usable, else why not. Takes `unknown` because rules arrive as JSON. */
export function validateRule(rule: unknown): string | null {
  if (typeof rule !== 'object' || rule === null) return 'rule must be an object';
  const { kind } = rule as { kind?: unknown };
  if (kind === 'RATIO') {
    const { ratioBp } = rule as { ratioBp?: unknown };
    return isRatioBp(ratioBp) ? null : 'ratioBp must be an integer from 1 to 10000';
  }
  if (kind !== 'TIERS') return "kind must be 'RATIO' or 'TIERS'";
  const { tiers } = rule as { tiers?: unknown };
  if (!Array.isArray(tiers) || tiers.length === 0) return 'tiers must be a non-empty list';
  if (tiers.length > MAX_RULE_TIERS) return `at most ${MAX_RULE_TIERS} tiers`;
  let previous = 0;
  for (const [index, tier] of tiers.entries()) {
    if (typeof tier !== 'object' || tier === null) return `tier ${index + 1} must be an object`;
    const { uptoFen, ratioBp } = tier as { uptoFen?: unknown; ratioBp?: unknown };
    if (!isRatioBp(ratioBp)) return `tier ${index + 1}: ratioBp must be an integer from 1 to 10000`;
    const last = index === tiers.length - 1;
    if (last) {
      if (uptoFen !== null) return 'the last tier must have uptoFen null (no upper limit)';
    } else {
      if (typeof uptoFen !== 'number' || !Number.isSafeInteger(uptoFen) || uptoFen <= previous) {
        return `tier ${index + 1}: uptoFen must be an integer above the previous tier's`;
      }
      previous = uptoFen;
    }
  }
  return null;
}

export function isReimbursementRule(rule: unknown): rule is ReimbursementRule {
  return validateRule(rule) === null;
}

/**
 * The subsidy for an order under the rule alone. Each tier's part is rounded down on its own
 * (the bureau never pays a fraction of a fen more than the rule), so the total never exceeds the order.
 */
export function ruleAmountFen(rule: ReimbursementRule, orderAmountFen: number): number {
  assertFen(orderAmountFen);
  if (orderAmountFen <= 0) return 0;
  if (rule.kind === 'RATIO') return applyBasisPoints(orderAmountFen, rule.ratioBp);
  let total = 0;
  let lower = 0;
  for (const tier of rule.tiers) {
    const upper = tier.uptoFen === null ? orderAmountFen : Math.min(tier.uptoFen, orderAmountFen);
    if (upper <= lower) break;
    total += applyBasisPoints(upper - lower, tier.ratioBp);
    lower = upper;
  }
  return Math.min(total, orderAmountFen);
}
