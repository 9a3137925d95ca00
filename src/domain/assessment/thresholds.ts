import { type Fen, toFen } from '../money.ts';
import type { FieldError, Thresholds } from './assessment.types.ts';

/**
 * Default screening thresholds (SPEC §7.3, §10: "the documents fix none"). These are the only place the defaults
 * live; a region's configured values and the file's own `thresholds` override them key by key.
 */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  medicalShareOfIncome: 0.5,
  medicalAmount: 20000,
  incomeDropShare: 0.5,
  disasterAmount: 10000,
});

const SHARE_KEYS = ['medicalShareOfIncome', 'incomeDropShare'] as const;
const AMOUNT_KEYS = ['medicalAmount', 'disasterAmount'] as const;
const KEYS: readonly string[] = [...SHARE_KEYS, ...AMOUNT_KEYS];

/** A share as an exact fraction of 10,000 (basis points) so that comparisons never go through floating point. */
export type ShareBp = number & { readonly __brand: 'share-bp' };

/** Thresholds ready for the rules: shares in basis points, amounts in fen, and the yuan values for sentences. */
export interface ResolvedThresholds {
  values: Thresholds;
  medicalShareBp: ShareBp;
  medicalAmountFen: Fen;
  incomeDropShareBp: ShareBp;
  disasterAmountFen: Fen;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const hasAtMostDecimals = (v: number, digits: number) =>
  Math.abs(v * 10 ** digits - Math.round(v * 10 ** digits)) < 1e-6;

/**
 * Checks a (partial) thresholds object: shares in (0, 1] with at most 4 decimals, amounts positive yuan with at
 * most 2 decimals, no unknown keys. `path` prefixes field names (e.g. `thresholds`).
 */
export function validateThresholds(raw: unknown, path: string): FieldError[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return [{ field: path, code: 'ASSESS_TYPE', message: `${path} 应为对象` }];
  }
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const field = `${path}.${key}`;
    if (!KEYS.includes(key)) {
      errors.push({ field, code: 'ASSESS_UNKNOWN_FIELD', message: `不认识的阈值字段：${field}` });
    } else if ((SHARE_KEYS as readonly string[]).includes(key)) {
      if (!isNumber(value) || value <= 0 || value > 1 || !hasAtMostDecimals(value, 4)) {
        errors.push({
          field,
          code: 'ASSESS_THRESHOLD_INVALID',
          message: `${field} 应为大于0且不超过1的比例（最多4位小数）`,
        });
      }
    } else if (!isNumber(value) || value <= 0 || value > 1e9 || !hasAtMostDecimals(value, 2)) {
      errors.push({ field, code: 'ASSESS_THRESHOLD_INVALID', message: `${field} 应为正的金额（元，最多2位小数）` });
    }
  }
  return errors;
}

/**
 * Merges, key by key: the file's thresholds over the region's configured ones over DEFAULT_THRESHOLDS. Inputs must
 * have passed `validateThresholds`.
 */
export function resolveThresholds(...layers: (Partial<Thresholds> | undefined | null)[]): ResolvedThresholds {
  const values: Thresholds = { ...DEFAULT_THRESHOLDS };
  // Later layers win: callers pass (region, file).
  for (const layer of layers) {
    if (!layer) continue;
    for (const key of KEYS as (keyof Thresholds)[]) {
      const v = layer[key];
      if (v !== undefined) values[key] = v;
    }
  }
  return {
    values,
    medicalShareBp: Math.round(values.medicalShareOfIncome * 10000) as ShareBp,
    medicalAmountFen: toFen(values.medicalAmount),
    incomeDropShareBp: Math.round(values.incomeDropShare * 10000) as ShareBp,
    disasterAmountFen: toFen(values.disasterAmount),
  };
}

/** part ≥ share × whole, exactly (BigInt: fen × 10,000 can exceed 2^53). */
export function reachesShare(part: Fen, whole: Fen, share: ShareBp): boolean {
  return BigInt(part) * 10000n >= BigInt(share) * BigInt(whole);
}

/** "50%" or "12.5%" for sentences. */
export function shareText(share: ShareBp): string {
  return `${share / 100}%`;
}

/** share × amount in fen, rounded half up: the figure quoted in sentences ("家庭纯收入的50%（8250元）"). */
export function shareOf(amount: Fen, share: ShareBp): Fen {
  const n = BigInt(amount) * BigInt(share);
  const q = n >= 0n ? (n + 5000n) / 10000n : -((-n + 5000n) / 10000n);
  return Number(q) as Fen;
}
