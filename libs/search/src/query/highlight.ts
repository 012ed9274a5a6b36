/**
 * Meilisearch returns highlighted text verbatim, so a title containing `<script>` would reach the
 * browser as markup. It marks matches with private-use characters instead; the text is HTML-escaped
 * and only then are the markers turned into <em> tags.
 */
export const HIGHLIGHT_PRE = '\uE000';
export const HIGHLIGHT_POST = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function safeHighlight(formatted: unknown): string {
  if (typeof formatted !== 'string') return '';
  return formatted
    .replace(/[&<>"']/g, (char) => ESCAPES[char])
    .replaceAll(HIGHLIGHT_PRE, '<em>')
    .replaceAll(HIGHLIGHT_POST, '</em>');
}
