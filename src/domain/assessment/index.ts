import { AppError } from '../../shared/app-error.ts';
import { type Fen, toFen } from '../money.ts';
import {
  ASSESSMENT_MODES,
  type AssessmentMode,
  type AssessmentOutput,
  type AssessmentResult,
  type CheckedHousehold,
  type FieldError,
  type HouseholdErrors,
  type Thresholds,
} from './assessment.types.ts';
import { eliminateHousehold } from './eliminate.ts';
import type { AssessmentContext } from './findings.ts';
import { identifyHousehold } from './identify.ts';
import { checkMergedAges, resolveThresholds, validateThresholds } from './thresholds.ts';
import { validateHousehold } from './validate-household.ts';

export * from './assessment.types.ts';
export { EXCLUSION_SITUATIONS } from './exclusions.ts';
export { DEFAULT_THRESHOLDS } from './thresholds.ts';

/** Where a caller with configuration (the server, a database) supplies what the file leaves out. */
export interface AssessOptions {
  /** 监测线 configured for a village code and year (SPEC §4.4), used when the file has no `monitoringLine`. */
  resolveMonitoringLine?: (regionCode: string, year: number) => number | undefined;
  /** The region's configured thresholds; the file's `thresholds` override them key by key, defaults fill the rest. */
  resolveThresholds?: (regionCode: string | null, year: number) => Partial<Thresholds> | undefined;
  /** Latest valid birth date in ID numbers; defaults to 31 December of the assessed year (no clock is read). */
  asOf?: Date;
}

const TOP_KEYS = ['year', 'monitoringLine', 'thresholds', 'households'];

/**
 * Assesses an exchange file (formats/assessment.md) in identification (SPEC §7.3) or elimination (SPEC §8.3) mode.
 * Pure: no I/O, no clock. Households with invalid fields get no result but an entry in `errors` naming each field;
 * the others are still assessed. A file that cannot be read as the format at all (not an object, no valid `year`,
 * no `households` array, an invalid `monitoringLine` or `thresholds`) throws AppError `VALIDATION` with
 * `details.fields`, because no household could be assessed honestly.
 */
export function assessFile(
  input: unknown,
  mode: AssessmentMode = 'identification',
  options: AssessOptions = {},
): AssessmentOutput {
  const top = checkTopLevel(input, mode);
  const asOf = options.asOf ?? new Date(Date.UTC(top.year, 11, 31));
  const results: AssessmentResult[] = [];
  const errors: HouseholdErrors[] = [];
  const seenIds = new Map<string, number>();
  const seenPersons = new Map<string, number>();

  top.households.forEach((raw, index) => {
    const v = validateHousehold(raw, index, asOf);
    if (!v.ok) {
      errors.push({ id: v.id, index, errors: v.errors });
      return;
    }
    const h = v.household;
    const fieldErrors = crossHouseholdErrors(h, seenIds, seenPersons);
    const ctx = contextFor(h, top, options, fieldErrors);
    if (fieldErrors.length > 0 || !ctx) {
      errors.push({ id: h.id, index, errors: fieldErrors });
      return;
    }
    results.push(mode === 'elimination' ? eliminateHousehold(h, ctx) : identifyHousehold(h, ctx));
  });
  return { year: top.year, results, errors };
}

interface TopLevel {
  year: number;
  line: Fen | null;
  thresholds: Partial<Thresholds> | undefined;
  households: unknown[];
}

function checkTopLevel(input: unknown, mode: string): TopLevel {
  const fields: FieldError[] = [];
  if (!(ASSESSMENT_MODES as readonly string[]).includes(mode)) {
    fields.push({
      field: 'mode',
      code: 'ASSESS_ENUM',
      message: `研判模式“${mode}”无效，可选：identification、elimination`,
    });
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new AppError('VALIDATION', '研判输入应为 JSON 对象（含 year 和 households）', { fields });
  }
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!TOP_KEYS.includes(key))
      fields.push({ field: key, code: 'ASSESS_UNKNOWN_FIELD', message: `不认识的字段：${key}` });
  }
  const year = o.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2013 || year > 2100) {
    const code = year === undefined || year === null ? 'ASSESS_REQUIRED' : 'ASSESS_RANGE';
    fields.push({ field: 'year', code, message: 'year 应为 2013–2100 的整数年度' });
  }
  const line = o.monitoringLine;
  const lineOk =
    typeof line === 'number' &&
    Number.isFinite(line) &&
    line > 0 &&
    line < 1e7 &&
    Math.abs(line * 100 - Math.round(line * 100)) < 1e-6;
  if (line !== undefined && line !== null && !lineOk) {
    fields.push({
      field: 'monitoringLine',
      code: 'ASSESS_AMOUNT_INVALID',
      message: 'monitoringLine 应为正数（元/人·年，最多两位小数）',
    });
  }
  fields.push(...validateThresholds(o.thresholds, 'thresholds'));
  if (!Array.isArray(o.households)) {
    fields.push({ field: 'households', code: 'ASSESS_REQUIRED', message: 'households 应为农户数组' });
  }
  if (fields.length > 0) {
    throw new AppError('VALIDATION', `研判输入无效：${fields.map((f) => f.message).join('；')}`, { fields });
  }
  return {
    year: year as number,
    line: lineOk ? toFen(line as number) : null,
    thresholds: (o.thresholds ?? undefined) as Partial<Thresholds> | undefined,
    households: o.households as unknown[],
  };
}

/** A household id appears once per file, and a person is in at most one household (SPEC §4.2). */
function crossHouseholdErrors(
  h: CheckedHousehold,
  seenIds: Map<string, number>,
  seenPersons: Map<string, number>,
): FieldError[] {
  const errors: FieldError[] = [];
  const path = `households[${h.index}]`;
  const firstId = seenIds.get(h.id);
  if (firstId !== undefined) {
    errors.push({
      field: `${path}.id`,
      code: 'ASSESS_DUPLICATE_HOUSEHOLD_ID',
      message: `户编号“${h.id}”与 households[${firstId}] 重复`,
    });
  } else seenIds.set(h.id, h.index);
  for (const m of h.members) {
    const other = seenPersons.get(m.idNumber);
    if (other !== undefined && other !== h.index) {
      errors.push({
        field: `${path}.members[${m.index}].idNumber`,
        code: 'REGISTRY_PERSON_IN_OTHER_HOUSEHOLD',
        message: `${path}.members[${m.index}] 已是 households[${other}] 的成员，一人只能属于一户`,
      });
    } else seenPersons.set(m.idNumber, h.index);
  }
  return errors;
}

/** The line and thresholds for one household; records a field error when either cannot be determined. */
function contextFor(
  h: CheckedHousehold,
  top: TopLevel,
  options: AssessOptions,
  errors: FieldError[],
): AssessmentContext | null {
  let line = top.line;
  if (line === null) {
    const resolved = h.regionCode ? options.resolveMonitoringLine?.(h.regionCode, top.year) : undefined;
    if (typeof resolved === 'number' && Number.isFinite(resolved) && resolved > 0) line = toFen(resolved);
    else {
      errors.push({
        field: 'monitoringLine',
        code: 'LINE_NOT_SET',
        message: h.regionCode
          ? `文件未提供监测线 monitoringLine，也查不到区划 ${h.regionCode} ${top.year} 年的监测线`
          : `文件未提供监测线 monitoringLine，且 households[${h.index}] 没有区划代码 regionCode，无法确定监测线`,
      });
    }
  }
  const regional = options.resolveThresholds?.(h.regionCode, top.year);
  const regionalErrors = validateThresholds(regional, 'thresholds');
  if (regionalErrors.length > 0) {
    errors.push(...regionalErrors.map((e) => ({ ...e, message: `区划配置的${e.message}` })));
  }
  if (line === null || errors.length > 0) return null;
  const thresholds = resolveThresholds(regional, top.thresholds);
  const reversed = checkMergedAges(thresholds, 'thresholds');
  if (reversed) {
    errors.push(reversed);
    return null;
  }
  return { year: top.year, line, thresholds };
}
