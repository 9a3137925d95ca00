/**
 * Screening rules as data (SPEC §10 "rules are data, not code"). A rule names one condition kind from a fixed
 * whitelist; its condition is a JSON structure over the department record's columns (from src/domain/feeds) and a
 * few registry fields, and its numbers are named thresholds that regions may override. Nothing a user writes becomes
 * SQL: fields and operators are looked up in whitelists and every value is a bound parameter.
 */

export type ConditionKind = 'record_test' | 'household_sum_window' | 'household_per_capita' | 'period_drop';
export type Signal = 'risk' | 'watch' | 'check' | 'exclusion' | 'social';
export type Severity = 'low' | 'normal' | 'high';

/** Comparison operators a test may use. Null values fail every positive test and pass every negative one. */
export const TEST_OPS = [
  'eq',
  'ne',
  'in',
  'not_in',
  'gte',
  'gt',
  'lte',
  'lt',
  'is_null',
  'not_null',
  'is_true',
  'not_true',
  'contains_any',
  'contains_none',
] as const;
export type TestOp = (typeof TEST_OPS)[number];

/**
 * One test on a record column (its key in the feed definition) or on a registry field (`person.health`,
 * `household.monitoring_status` …). The compared value is `value`, or the rule's threshold named by `threshold`.
 */
export interface FieldTest {
  field: string;
  op: TestOp;
  value?: string | number | boolean | (string | number)[];
  threshold?: string;
}

/** record_test: every test of `all` holds and, when `any` is non-empty, at least one of `any`. */
export interface RecordTestCondition {
  all?: FieldTest[];
  any?: FieldTest[];
}

/** household_sum_window: the household's sum of `amountField` over `months` back from the as-of date, by `dateField`. */
export interface SumWindowCondition {
  amountField: string;
  dateField: string;
}

/** household_per_capita: members' latest `amountField` (by `dateField`) summed, divided by the normal members. */
export interface PerCapitaCondition {
  amountField: string;
  dateField: string;
}

/** period_drop: a person's `amountField` in a period against the same person's record `months` earlier. */
export interface PeriodDropCondition {
  amountField: string;
}

export type Condition = RecordTestCondition | SumWindowCondition | PerCapitaCondition | PeriodDropCondition;

/** A rule as stored (screening_rules), thresholds already resolved for defaults. */
export interface ScreeningRule {
  code: string;
  name: string;
  department: string;
  recordKind: string;
  conditionKind: ConditionKind;
  condition: Condition;
  thresholds: Record<string, number>;
  signal: Signal;
  riskType: string | null;
  exclusionItem: number | null;
  severity: Severity;
  finding: string;
  enabled: boolean;
}

/** Thresholds each condition kind needs, with the meaning shown to whoever edits them. */
export const REQUIRED_THRESHOLDS: Record<Exclude<ConditionKind, 'record_test'>, Record<string, string>> = {
  household_sum_window: {
    months: '统计最近几个月',
    amountYuan: '合计金额阈值（元）',
    shareOfNetIncome: '占家庭年纯收入比例阈值（0–1）',
  },
  household_per_capita: { perCapitaYuan: '人均金额阈值（元）' },
  period_drop: { share: '下降比例阈值（0–1）', months: '与几个月前相比' },
};
