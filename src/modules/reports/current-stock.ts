import { aggregateByRegion, type FigureValues, type Q } from './figure-aggregate.ts';
import { STOCK_TOTALS, stockBase } from './figure-sets.ts';

/**
 * Today's stock — "监测对象X户Y人" by category, "已标注风险消除", "累计纳入" — per region at the code lengths asked
 * for (keys of STOCK_TOTALS). This is the one seam for current counts: it is computed from the registry here, and is
 * meant to be answered from per-region running totals kept by triggers (issue #18) once those exist, without any
 * other change to the figures. Past days are always computed from the status history (figure-sets.ts).
 */
export interface CurrentStock {
  totals(q: Q, prefix: string, lengths: number[], today: string): Promise<Map<string, FigureValues>>;
}

export const stockFromRegistry: CurrentStock = {
  totals: (q, prefix, lengths, today) =>
    aggregateByRegion(
      q,
      stockBase({ prefix, start: null, end: today, asOf: today, current: true }),
      STOCK_TOTALS,
      lengths,
    ),
};
