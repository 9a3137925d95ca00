import type { SettingDefinition, SettingField } from './setting-defaults.ts';

/**
 * Pure rules over setting values (SPEC §3): shape and limits of a value, merging a region's chain, the JSON schema of
 * a key, and the "tighten, never loosen" comparison. No database; `region-settings.ts` and `settings.service.ts`
 * feed them rows.
 */

/** A problem with a value; `field` is the form path (`value.days`), or `value` for the whole. */
export interface SettingIssue {
  field: string;
  message: string;
}

/** One region's newest row of a key. */
export interface SettingRow {
  regionCode: string;
  value: unknown;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const decimalsOf = (f: SettingField) => (f.kind === 'share' ? 4 : f.kind === 'amount' ? 2 : (f.decimals ?? 0));
const hasAtMostDecimals = (v: number, digits: number) =>
  Math.abs(v * 10 ** digits - Math.round(v * 10 ** digits)) < 1e-6;

/** Why `v` does not fit field `f`, in Chinese, or null. */
function fieldProblem(f: SettingField, v: unknown): string | null {
  const unit = f.unit ? `（${f.unit}）` : '';
  switch (f.kind) {
    case 'integer':
      return Number.isInteger(v) && (v as number) >= (f.min ?? 0) && (v as number) <= (f.max ?? 1e9)
        ? null
        : `应为 ${f.min ?? 0}–${f.max ?? 1e9} 的整数${unit}`;
    case 'share':
      return typeof v === 'number' && v > 0 && v <= 1 && hasAtMostDecimals(v, 4)
        ? null
        : '应为大于0、不超过1的比例（最多4位小数，0.5即50%）';
    case 'amount':
      return typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= (f.max ?? 1e9) && hasAtMostDecimals(v, 2)
        ? null
        : `应为大于0、不超过${f.max ?? 1e9}的金额（元，最多2位小数）`;
    case 'number': {
      const d = decimalsOf(f);
      return typeof v === 'number' &&
        Number.isFinite(v) &&
        v >= (f.min ?? 0) &&
        v <= (f.max ?? 1e9) &&
        hasAtMostDecimals(v, d)
        ? null
        : `应为 ${f.min ?? 0}–${f.max ?? 1e9} 之间的数（最多${d}位小数）${unit}`;
    }
    case 'text':
      return typeof v === 'string' && v.length <= (f.maxLength ?? 200)
        ? null
        : `应为不超过${f.maxLength ?? 200}个字的文字`;
    case 'choice':
      return typeof v === 'string' && (f.options ?? []).some((o) => o.value === v)
        ? null
        : `应为以下之一：${(f.options ?? []).map((o) => o.label).join('、')}`;
    case 'months':
      return Array.isArray(v) &&
        v.length <= 24 &&
        v.every((m) => typeof m === 'string' && MONTH.test(m)) &&
        new Set(v).size === v.length
        ? null
        : '应为不重复的月份列表（YYYY-MM，最多24个）';
  }
}

const named = (def: SettingDefinition, field: string) =>
  `${def.name}：${def.fields[field]?.label ?? field}（${field}）`;

/**
 * Checks a value as stored at one region: an object with only the key's fields, each within its limits, and the
 * required ones present. Fields left out are inherited; the merged value is checked by `mergedIssues`.
 */
export function valueIssues(def: SettingDefinition, value: unknown): SettingIssue[] {
  if (!isPlainObject(value)) return [{ field: 'value', message: `${def.name}的设置值应为对象` }];
  const issues: SettingIssue[] = [];
  for (const [field, v] of Object.entries(value)) {
    const f = def.fields[field];
    if (!f) {
      issues.push({
        field: `value.${field}`,
        message: `${def.name}没有字段 ${field}（可设：${Object.keys(def.fields).join('、')}）`,
      });
      continue;
    }
    const problem = fieldProblem(f, v);
    if (problem) issues.push({ field: `value.${field}`, message: `${named(def, field)}${problem}` });
  }
  for (const field of def.required) {
    if (!(field in value)) issues.push({ field: `value.${field}`, message: `${named(def, field)}必须填写` });
  }
  return issues;
}

/** Ranges not reversed and the domain's own check, on the value a region will have in force. */
export function mergedIssues(def: SettingDefinition, merged: Record<string, unknown>): SettingIssue[] {
  const issues: SettingIssue[] = [];
  for (const [from, to] of def.ranges ?? []) {
    const a = merged[from];
    const b = merged[to];
    if (typeof a === 'number' && typeof b === 'number' && a > b) {
      issues.push({
        field: `value.${from}`,
        message: `${named(def, from)}为${a}，大于${def.fields[to]?.label ?? to}（${to}）${b}：范围颠倒`,
      });
    }
  }
  if (issues.length === 0 && def.check) {
    for (const message of def.check(merged)) issues.push({ field: 'value', message: `${def.name}：${message}` });
  }
  return issues;
}

/**
 * The value in force at the end of a chain of rows (highest level first): each row's fields over the ones above,
 * over the default. Non-object values replace. Also says which region gave each field (null: the default).
 */
export function foldChain(
  defaultValue: unknown,
  rows: readonly SettingRow[],
): { value: unknown; regionCode: string | null; fieldSources: Record<string, string | null> } {
  let value: unknown = defaultValue;
  const fieldSources: Record<string, string | null> = {};
  if (isPlainObject(defaultValue)) for (const k of Object.keys(defaultValue)) fieldSources[k] = null;
  const ordered = [...rows].sort((a, b) => a.regionCode.length - b.regionCode.length);
  for (const row of ordered) {
    if (isPlainObject(value) && isPlainObject(row.value)) {
      value = { ...value, ...row.value };
      for (const k of Object.keys(row.value)) fieldSources[k] = row.regionCode;
    } else {
      value = row.value;
      for (const k of Object.keys(fieldSources)) fieldSources[k] = row.regionCode;
      if (isPlainObject(row.value)) for (const k of Object.keys(row.value)) fieldSources[k] = row.regionCode;
    }
  }
  return { value, regionCode: ordered[ordered.length - 1]?.regionCode ?? null, fieldSources };
}

/** True when `a` is looser than `b` in the field's tighten direction. */
export function looser(f: SettingField, a: unknown, b: unknown): boolean {
  if (typeof a !== 'number' || typeof b !== 'number' || !f.tighter) return false;
  return f.tighter === 'lower' ? a > b : a < b;
}

/**
 * The strictest value of each tightened field among rows (ancestors of a region), with the region that set it: the
 * bound a lower level may not loosen.
 */
export function strictestOf(
  def: SettingDefinition,
  rows: readonly SettingRow[],
): Record<string, { value: number; regionCode: string }> {
  const out: Record<string, { value: number; regionCode: string }> = {};
  for (const [field, f] of Object.entries(def.fields)) {
    if (!f.tighter) continue;
    for (const row of rows) {
      const v = isPlainObject(row.value) ? row.value[field] : undefined;
      if (typeof v !== 'number') continue;
      const best = out[field];
      if (!best || looser(f, best.value, v)) out[field] = { value: v, regionCode: row.regionCode };
    }
  }
  return out;
}

/** The JSON schema of a value stored at one region (fields optional unless required, nothing else). */
export function settingJsonSchema(def: SettingDefinition): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [field, f] of Object.entries(def.fields)) {
    const base = { title: f.label, ...(f.unit ? { description: f.unit } : {}) };
    if (f.kind === 'integer') properties[field] = { ...base, type: 'integer', minimum: f.min, maximum: f.max };
    else if (f.kind === 'share') properties[field] = { ...base, type: 'number', exclusiveMinimum: 0, maximum: 1 };
    else if (f.kind === 'amount') properties[field] = { ...base, type: 'number', exclusiveMinimum: 0, maximum: f.max };
    else if (f.kind === 'number') properties[field] = { ...base, type: 'number', minimum: f.min, maximum: f.max };
    else if (f.kind === 'text') properties[field] = { ...base, type: 'string', maxLength: f.maxLength };
    else if (f.kind === 'choice')
      properties[field] = { ...base, type: 'string', enum: (f.options ?? []).map((o) => o.value) };
    else {
      properties[field] = {
        ...base,
        type: 'array',
        maxItems: 24,
        uniqueItems: true,
        items: { type: 'string', pattern: MONTH.source },
      };
    }
  }
  return { type: 'object', additionalProperties: false, required: [...def.required], properties };
}

/** The fields of a key for the edit form, in definition order. */
export function fieldList(def: SettingDefinition) {
  return Object.entries(def.fields).map(([name, f]) => ({
    name,
    ...f,
    decimals: decimalsOf(f),
    required: def.required.includes(name),
  }));
}
