import { type Fen, toFen } from '../money.ts';
import type { FieldError } from './assessment.types.ts';

/** Largest yuan amount accepted (100 billion): keeps fen × 10,000 comparisons far from any precision limit. */
const MAX_YUAN = 1e11;

type Obj = Record<string, unknown>;

const ENUM_LABEL = (values: readonly string[]) => values.join('、');

/**
 * Field-by-field checks that collect every problem instead of stopping at the first (formats/assessment.md:
 * "an error naming the field — never a silent guess"). Each helper returns `undefined` when the value is missing
 * or invalid and records why; optional facts that are absent are `undefined` without an error.
 */
export function fieldChecks(errors: FieldError[]) {
  const fail = (field: string, code: string, message: string) => {
    errors.push({ field, code, message });
    return undefined;
  };
  const missing = (o: Obj, key: string) => !(key in o) || o[key] === undefined;

  return {
    fail,
    /** Number of problems recorded so far: compare before and after a group of checks. */
    count: () => errors.length,

    /** An object with only the listed keys; unknown keys are reported (a typo must not silently drop a fact). */
    object(raw: unknown, path: string, keys: readonly string[], required = true): Obj | undefined {
      if (raw === undefined || raw === null) {
        return required ? fail(path, 'ASSESS_REQUIRED', `缺少必填字段：${path}`) : undefined;
      }
      if (typeof raw !== 'object' || Array.isArray(raw)) return fail(path, 'ASSESS_TYPE', `${path} 应为对象`);
      const o = raw as Obj;
      for (const key of Object.keys(o)) {
        if (!keys.includes(key)) fail(`${path}.${key}`, 'ASSESS_UNKNOWN_FIELD', `不认识的字段：${path}.${key}`);
      }
      return o;
    },

    string(o: Obj, key: string, path: string, opts: { required: boolean; pattern?: RegExp; hint?: string }) {
      const field = `${path}.${key}`;
      const v = o[key];
      if (missing(o, key) || v === null) {
        return opts.required ? fail(field, 'ASSESS_REQUIRED', `缺少必填字段：${field}`) : undefined;
      }
      if (typeof v !== 'string' || v.trim() === '') return fail(field, 'ASSESS_TYPE', `${field} 应为非空字符串`);
      if (opts.pattern && !opts.pattern.test(v)) {
        return fail(field, 'ASSESS_FORMAT', `${field} 格式不正确${opts.hint ? `：${opts.hint}` : ''}`);
      }
      return v;
    },

    /** Optional booleans may be absent or null (not recorded); anything but true/false is an error. */
    boolean(o: Obj, key: string, path: string, required = false): boolean | undefined {
      const field = `${path}.${key}`;
      const v = o[key];
      if (missing(o, key) || v === null) {
        return required ? fail(field, 'ASSESS_REQUIRED', `缺少必填字段：${field}（应为 true 或 false）`) : undefined;
      }
      if (typeof v !== 'boolean') return fail(field, 'ASSESS_TYPE', `${field} 应为 true 或 false`);
      return v;
    },

    /** One of `values`; `null` is accepted for nullable fields and returned as null. */
    enumOf<T extends string>(
      o: Obj,
      key: string,
      path: string,
      values: readonly T[],
      opts: { required: boolean; nullable: boolean },
    ): T | null | undefined {
      const field = `${path}.${key}`;
      const v = o[key];
      if (v === null && opts.nullable) return null;
      if (missing(o, key) || v === null) {
        return opts.required
          ? fail(field, 'ASSESS_REQUIRED', `缺少必填字段：${field}`)
          : opts.nullable
            ? null
            : undefined;
      }
      if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
        return fail(field, 'ASSESS_ENUM', `${field} 的取值“${String(v)}”无效，可选：${ENUM_LABEL(values)}`);
      }
      return v as T;
    },

    /** A yuan amount (at most 2 decimals) as integer fen; negative only where allowed (a business loss). */
    money(o: Obj, key: string, path: string, opts: { required: boolean; allowNegative: boolean }): Fen | undefined {
      const field = `${path}.${key}`;
      const v = o[key];
      if (missing(o, key) || v === null) {
        return opts.required ? fail(field, 'ASSESS_REQUIRED', `缺少必填字段：${field}（元）`) : undefined;
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) return fail(field, 'ASSESS_TYPE', `${field} 应为数字（元）`);
      if (v < 0 && !opts.allowNegative) {
        return fail(field, 'ASSESS_NEGATIVE_AMOUNT', `${field} 不能为负数（${v}元）`);
      }
      if (Math.abs(v) > MAX_YUAN) return fail(field, 'ASSESS_AMOUNT_INVALID', `${field} 超出合理范围（${v}元）`);
      const fen = toFen(v);
      if (Math.abs(fen - v * 100) > 1e-6 * Math.max(1, Math.abs(v))) {
        return fail(field, 'ASSESS_AMOUNT_INVALID', `${field} 最多保留两位小数（${v}元）`);
      }
      return fen;
    },

    integer(o: Obj, key: string, path: string, min: number, max: number): number | null | undefined {
      const field = `${path}.${key}`;
      const v = o[key];
      if (missing(o, key) || v === null) return null;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        return fail(field, 'ASSESS_RANGE', `${field} 应为 ${min}–${max} 的整数`);
      }
      return v;
    },
  };
}

export type FieldChecks = ReturnType<typeof fieldChecks>;
