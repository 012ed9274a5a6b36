// opencc-js ships CommonJS without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenCC = require('opencc-js') as { Converter(options: { from: string; to: string }): (text: string) => string };

/**
 * Traditional → Simplified (SPEC §4): Meilisearch segments Traditional Chinese poorly, so documents and
 * queries are both converted before they meet. The Hong Kong table also maps the variant characters
 * mainland texts in Traditional script use (衞, 綫); Simplified text passes through unchanged.
 */
const hongKongToSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

export function toSimplified(text: string): string {
  return text ? hongKongToSimplified(text) : text;
}

/** A text field of a document: a string, a list of strings, or nothing. */
type Text = string | string[] | null;

/**
 * Converts the named fields of `doc` in place and returns the originals of the fields that changed,
 * or undefined when nothing did (documents only carry `original` when it differs).
 */
export function simplifyFields<T extends object, K extends keyof T>(
  doc: T,
  fields: readonly K[],
): Partial<T> | undefined {
  const original: Partial<T> = {};
  let changed = false;
  for (const field of fields) {
    const value = doc[field] as Text;
    if (value === null || value === undefined) continue;
    const converted = Array.isArray(value) ? value.map(toSimplified) : toSimplified(value);
    if (JSON.stringify(converted) === JSON.stringify(value)) continue;
    original[field] = value as T[K];
    doc[field] = converted as T[K];
    changed = true;
  }
  return changed ? original : undefined;
}
