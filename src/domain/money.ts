/**
 * Money in integer fen (分) so that sums are exact (STYLE: money never summed in floating point). Database numeric
 * values arrive as strings ('12345.60'); JSON carries yuan numbers with at most two decimals.
 */
export type Fen = number & { readonly __brand: 'fen' };

export function toFen(value: string | number): Fen {
  const text = typeof value === 'number' ? value.toFixed(2) : value.trim();
  const m = /^(-)?(\d+)(?:\.(\d{1,2})\d*)?$/.exec(text);
  if (!m) throw new RangeError(`not a yuan amount: ${value}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return (m[1] ? -fen : fen) as Fen;
}

export function toYuan(fen: number): number {
  return Math.round(fen) / 100;
}

export const sumFen = (...values: number[]): Fen => values.reduce((a, b) => a + b, 0) as Fen;

/** Division rounded half away from zero to the fen. */
export function divideFen(fen: number, by: number): Fen {
  const q = fen / by;
  return (Math.sign(q) * Math.round(Math.abs(q))) as Fen;
}

/** '16500' or '16500.5' for sentences read to a household: no trailing zeros. */
export function formatYuan(fen: number): string {
  return String(toYuan(fen));
}
