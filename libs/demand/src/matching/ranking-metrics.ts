/**
 * Ranking quality metrics for the matching quality set (`npm run eval:matching`). Pure functions over a
 * ranked list of item keys and graded relevance labels (2 = clearly fits, 1 = partly fits; an item
 * without a label, or labelled 0, is not relevant).
 *
 * A query with no relevant item cannot be scored: both metrics answer `null` for it (never 0 or 1), and
 * `meanOf` leaves nulls out, so such a query neither rewards nor punishes a ranking.
 */

/** Relevance grade per item key; missing keys count as 0. */
export type RelevanceLabels = Readonly<Record<string, number>>;

function positiveGrades(labels: RelevanceLabels): number[] {
  return Object.values(labels).filter((grade) => grade > 0);
}

function assertCutoff(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
}

/** Distinct keys in rank order (a repeated key counts once, at its first rank). */
function distinct(ranked: readonly string[]): string[] {
  return [...new Set(ranked)];
}

/**
 * Share of the first k positions holding a relevant item (any grade > 0). The denominator is k even when
 * fewer than k items were returned or fewer than k are relevant, so a query with r < k relevant items
 * scores at most r / k.
 */
export function precisionAtK(ranked: readonly string[], labels: RelevanceLabels, k: number): number | null {
  assertCutoff(k);
  if (positiveGrades(labels).length === 0) return null;
  const hits = distinct(ranked)
    .slice(0, k)
    .filter((key) => (labels[key] ?? 0) > 0).length;
  return hits / k;
}

/** Gain of one grade: 2^rel − 1 (grade 2 → 3, grade 1 → 1, 0 → 0). */
export function gain(grade: number): number {
  return grade > 0 ? 2 ** grade - 1 : 0;
}

/** Discounted cumulative gain of grades in rank order over the first k ranks: Σ gain / log2(rank + 1). */
export function dcg(grades: readonly number[], k: number): number {
  assertCutoff(k);
  return grades.slice(0, k).reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
}

/**
 * nDCG@k: DCG of the returned ranking divided by the DCG of the ideal ranking of ALL labelled items
 * (highest grades first), both cut at k. Items missing from the ranking lower the score.
 */
export function ndcgAtK(ranked: readonly string[], labels: RelevanceLabels, k: number): number | null {
  assertCutoff(k);
  const ideal = positiveGrades(labels).sort((a, b) => b - a);
  if (ideal.length === 0) return null;
  const actual = distinct(ranked).map((key) => labels[key] ?? 0);
  return dcg(actual, k) / dcg(ideal, k);
}

/** Mean of the scorable values (nulls left out); null when none is. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const scored = values.filter((value): value is number => value !== null);
  return scored.length ? scored.reduce((sum, value) => sum + value, 0) / scored.length : null;
}
