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
 * Lines up an event's `before` and `after` key by key (keys of either side, in order of first appearance):
 * a key is changed when its value differs, when it appears or when it disappears.
 */
export function auditDiff(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): KeyChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((key) => {
    const b = before?.[key];
    const a = after?.[key];
    return { key, before: show(b), after: show(a), changed: JSON.stringify(b) !== JSON.stringify(a) };
  });
}
