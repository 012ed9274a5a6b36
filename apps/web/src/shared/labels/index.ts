export const label = (map: Record<string, string>, key: string | null | undefined): string =>
  key ? (map[key] ?? key) : '—';
export const options = (map: Record<string, string>, keys: readonly string[] = Object.keys(map)) =>
  keys.map((value) => ({ value, label: map[value] ?? value }));
