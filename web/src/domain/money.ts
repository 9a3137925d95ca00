/** Yuan figures as the registry shows them (SPEC §4.3). Sums are done in integer fen, never in floating point. */
export const toFen = (yuan: number | string | null | undefined): number => Math.round(Number(yuan ?? 0) * 100);

export const fenToYuan = (fen: number): number => Math.round(fen) / 100;

const formatter = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** `12,345.6 元` style; `—` for missing. */
export function formatYuan(value: number | string | null | undefined, unit = true): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return '—';
  return unit ? `${formatter.format(n)} 元` : formatter.format(n);
}

/** 家庭纯收入 and 人均纯收入 as the server computes them, for a preview while typing. */
export function previewNetIncome(
  v: {
    wage?: number | null;
    businessGross?: number | null;
    businessCost?: number | null;
    property?: number | null;
    transfer?: number | null;
  },
  members: number,
): { net: number; perCapita: number | null } {
  const fen = toFen(v.wage) + toFen(v.businessGross) - toFen(v.businessCost) + toFen(v.property) + toFen(v.transfer);
  return { net: fenToYuan(fen), perCapita: members > 0 ? fenToYuan(Math.round(fen / members)) : null };
}
