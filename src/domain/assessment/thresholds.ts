import { type Fen, toFen } from '../money.ts';
import type { FieldError, Thresholds } from './assessment.types.ts';

/**
 * Default screening thresholds (SPEC §7.3, §10: "the documents fix none"). These are the only place the defaults
 * live; a region's configured values and the file's own `thresholds` override them key by key.
 *
 * 义务教育适龄 6–16 is the range county 控辍保学 (dropout control) work commonly uses; the documents give no figure,
 * so a region may set its own (e.g. where nine-year compulsory education starts at 7).
 */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  medicalShareOfIncome: 0.5,
  medicalAmount: 20000,
  incomeDropShare: 0.5,
  disasterAmount: 10000,
  compulsoryEducationAgeFrom: 6,
  compulsoryEducationAgeTo: 16,
});

const SHARE_KEYS = ['medicalShareOfIncome', 'incomeDropShare'] as const;
const AMOUNT_KEYS = ['medicalAmount', 'disasterAmount'] as const;
const AGE_KEYS = ['compulsoryEducationAgeFrom', 'compulsoryEducationAgeTo'] as const;
const KEYS: readonly string[] = [...SHARE_KEYS, ...AMOUNT_KEYS, ...AGE_KEYS];
/** Ages are whole years; nothing outside 3–25 is a plausible compulsory-education age. */
const AGE_LIMITS = { min: 3, max: 25 } as const;

/** A share as an exact fraction of 10,000 (basis points) so that comparisons never go through floating point. */
export type ShareBp = number & { readonly __brand: 'share-bp' };

/** Thresholds ready for the rules: shares in basis points, amounts in fen, and the yuan values for sentences. */
export interface ResolvedThresholds {
  values: Thresholds;
  medicalShareBp: ShareBp;
  medicalAmountFen: Fen;
  incomeDropShareBp: ShareBp;
  disasterAmountFen: Fen;
  /** 义务教育适龄, inclusive, in whole years on 1 September of the assessed year. */
  compulsoryEducationAge: { from: number; to: number };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const hasAtMostDecimals = (v: number, digits: number) =>
  Math.abs(v * 10 ** digits - Math.round(v * 10 ** digits)) < 1e-6;

/**
 * Checks a (partial) thresholds object: shares in (0, 1] with at most 4 decimals, amounts positive yuan with at
 * most 2 decimals, ages whole years in 3–25 with the range not reversed, no unknown keys. `path` prefixes field
 * names (e.g. `thresholds`).
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
    } else if ((AGE_KEYS as readonly string[]).includes(key)) {
      if (!Number.isInteger(value) || (value as number) < AGE_LIMITS.min || (value as number) > AGE_LIMITS.max) {
        errors.push({
          field,
          code: 'ASSESS_THRESHOLD_INVALID',
          message: `${field} 应为${AGE_LIMITS.min}至${AGE_LIMITS.max}之间的整数周岁`,
        });
      }
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
  const { compulsoryEducationAgeFrom: from, compulsoryEducationAgeTo: to } = raw as Partial<Thresholds>;
  if (errors.length === 0 && isNumber(from) && isNumber(to) && from > to) errors.push(reversedAges(path, from, to));
  return errors;
}

const reversedAges = (path: string, from: number, to: number): FieldError => ({
  field: `${path}.compulsoryEducationAgeFrom`,
  code: 'ASSESS_THRESHOLD_INVALID',
  message: `义务教育适龄起始年龄${from}周岁大于截止年龄${to}周岁`,
});

/**
 * The compulsory-education age range is checked once more after merging: a region's `To` and a file's `From` may
 * each be valid alone and reversed together. Returns the error, or null.
 */
export function checkMergedAges(t: ResolvedThresholds, path: string): FieldError | null {
  const { from, to } = t.compulsoryEducationAge;
  return from > to ? reversedAges(path, from, to) : null;
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
    compulsoryEducationAge: { from: values.compulsoryEducationAgeFrom, to: values.compulsoryEducationAgeTo },
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
