export const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined
    ? '面议'
    : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** Basis points as a percentage: 3000 → 30%. */
export const pct = (bp: number | null | undefined): string =>
  bp === null || bp === undefined ? '—' : `${Number((bp / 100).toFixed(2))}%`;
/** Whole-percent input ↔ basis points; yuan input ↔ fen. Rounded so 0.1 + 0.2 never leaks a float. */
export const toBp = (percent: number): number => Math.round(percent * 100);
export const toFen = (yuan: number): number => Math.round(yuan * 100);
export const fromBp = (bp: number): number => bp / 100;
export const fromFen = (fen: number): number => fen / 100;
