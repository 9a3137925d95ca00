/**
 * A department rule's record test (SPEC §10 "rules are data") evaluated on one record in memory, so that the household
 * picture (SPEC §7.4) classifies a household's records with the very conditions screening runs as SQL
 * (src/modules/screening/field-tests.ts): a missing value fails a positive test and passes a negative one.
 */

export type TestValue = string | number | boolean | (string | number)[];

export interface FieldTestData {
  field: string;
  op: string;
  value?: TestValue;
  threshold?: string;
}

export interface RecordTestData {
  all?: FieldTestData[];
  any?: FieldTestData[];
}

/** The outcome of a rule on a record: `pass`; `excluded` when a negative test named the record as not a signal (a
 * 货车 for the consumer-car rule); `unknown` when only positive tests failed (a vehicle type the rule does not know). */
export type RecordTestOutcome = 'pass' | 'excluded' | 'unknown';

const NEGATIVE = new Set(['ne', 'not_in', 'not_true', 'contains_none', 'is_null']);

type Lookup = (field: string) => unknown;

const present = (v: unknown) => v !== undefined && v !== null && v !== '';
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);
const listOf = (v: TestValue | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function operand(t: FieldTestData, thresholds: Record<string, number>): unknown {
  return t.threshold !== undefined ? thresholds[t.threshold] : t.value;
}

/** One test; `fen` fields compare against yuan operands ×100, as the SQL does. */
export function fieldTest(
  t: FieldTestData,
  lookup: Lookup,
  thresholds: Record<string, number> = {},
  fenFields: ReadonlySet<string> = new Set(),
): boolean {
  const v = lookup(t.field);
  const scale = fenFields.has(t.field) ? 100 : 1;
  const cmp = (f: (a: number, b: number) => boolean) => {
    const a = num(v);
    const b = num(operand(t, thresholds)) * scale;
    return present(v) && Number.isFinite(a) && Number.isFinite(b) && f(a, b);
  };
  const text = present(v) ? String(v) : null;
  const values = listOf(t.value).map(String);
  switch (t.op) {
    case 'eq':
      return present(v) && String(v) === String(operand(t, thresholds));
    case 'ne':
      return !present(v) || String(v) !== String(operand(t, thresholds));
    case 'in':
      return text !== null && values.includes(text);
    case 'not_in':
      return text === null || !values.includes(text);
    case 'gte':
      return cmp((a, b) => a >= b);
    case 'gt':
      return cmp((a, b) => a > b);
    case 'lte':
      return cmp((a, b) => a <= b);
    case 'lt':
      return cmp((a, b) => a < b);
    case 'is_null':
      return !present(v);
    case 'not_null':
      return present(v);
    case 'is_true':
      return v === true || v === 'true';
    case 'not_true':
      return !(v === true || v === 'true');
    case 'contains_any':
      return text !== null && values.some((x) => text.includes(x));
    case 'contains_none':
      return text === null || !values.some((x) => text.includes(x));
    default:
      return false;
  }
}

/** The whole condition: every test of `all`, and one of `any` when there are any. */
export function recordTest(
  condition: RecordTestData,
  lookup: Lookup,
  thresholds: Record<string, number> = {},
  fenFields: ReadonlySet<string> = new Set(),
): RecordTestOutcome {
  const run = (t: FieldTestData) => fieldTest(t, lookup, thresholds, fenFields);
  const all = condition.all ?? [];
  const any = condition.any ?? [];
  const failed = all.filter((t) => !run(t));
  const anyOk = any.length === 0 || any.some(run);
  if (failed.length === 0 && anyOk) return 'pass';
  if (failed.some((t) => NEGATIVE.has(t.op))) return 'excluded';
  return 'unknown';
}
