/** One key of an audit event's before/after, with whether it changed. */
export interface KeyChange {
  key: string;
  before: string;
  after: string;
  changed: boolean;
}

const show = (value: unknown): string =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * Lines up an event's `before` and `after` key by key (keys of either side, in order of first appearance).
 * A key is changed when both sides hold it with different values, or when a whole side is missing (a
 * creation or a deletion). Events often record only the changed keys in `before` (an opening records
 * `{ status }`), so a key that one recorded side leaves out is not marked as changed.
 */
export function auditDiff(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): KeyChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((key) => {
    const b = before?.[key];
    const a = after?.[key];
    const recorded = !before || !after || (key in before && key in after);
    return { key, before: show(b), after: show(a), changed: recorded && JSON.stringify(b) !== JSON.stringify(a) };
  });
}
