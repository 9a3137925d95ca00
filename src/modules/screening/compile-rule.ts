import { findFeedRecord } from '../../domain/feeds/index.ts';
import { AppError } from '../../shared/app-error.ts';
import { compilePerCapita } from './conditions/household-per-capita.ts';
import { compileSumWindow } from './conditions/household-sum-window.ts';
import { compilePeriodDrop } from './conditions/period-drop.ts';
import { compileRecordTest } from './conditions/record-test.ts';
import { fieldRef } from './record-fields.ts';
import {
  type FieldTest,
  REQUIRED_THRESHOLDS,
  type RecordTestCondition,
  type ScreeningRule,
  TEST_OPS,
} from './rule-types.ts';
import type { CompiledRule, CompileInput } from './screen-scope.ts';

/** The whitelist of condition kinds: each is one SQL template (SPEC §10 "rules are data, not code"). */
const COMPILERS = {
  record_test: compileRecordTest,
  household_sum_window: compileSumWindow,
  household_per_capita: compilePerCapita,
  period_drop: compilePeriodDrop,
} as const;

const invalid = (rule: string, message: string) =>
  new AppError('SCREENING_RULE_INVALID', `规则 ${rule} 无效：${message}`, { rule });

function checkTests(rule: ScreeningRule, tests: FieldTest[] | undefined): void {
  for (const t of tests ?? []) {
    if (!TEST_OPS.includes(t.op)) throw invalid(rule.code, `不支持的比较方式 ${t.op}`);
    fieldRef(rule.department, rule.recordKind, t.field);
    if (t.threshold !== undefined && typeof rule.thresholds[t.threshold] !== 'number') {
      throw invalid(rule.code, `缺少阈值 ${t.threshold}`);
    }
  }
}

/**
 * Checks a rule against the feed definitions (record kind, fields, operators, thresholds) so that a bad rule row is
 * refused with a message instead of failing inside SQL.
 */
export function validateRule(rule: ScreeningRule): void {
  if (!findFeedRecord(rule.department, rule.recordKind)) {
    throw invalid(rule.code, `部门 ${rule.department} 没有 ${rule.recordKind} 类数据`);
  }
  if (!(rule.conditionKind in COMPILERS)) throw invalid(rule.code, `不支持的条件类型 ${rule.conditionKind}`);
  if (rule.conditionKind === 'record_test') {
    const c = rule.condition as RecordTestCondition;
    checkTests(rule, c.all);
    checkTests(rule, c.any);
    return;
  }
  for (const name of Object.keys(REQUIRED_THRESHOLDS[rule.conditionKind])) {
    if (typeof rule.thresholds[name] !== 'number') throw invalid(rule.code, `缺少阈值 ${name}`);
  }
  const c = rule.condition as unknown as Record<string, string>;
  for (const key of ['amountField', 'dateField'] as const) {
    if (c[key] !== undefined) fieldRef(rule.department, rule.recordKind, c[key]);
  }
}

/** The SQL of one rule for one scope. */
export function compileRule(input: CompileInput): CompiledRule {
  validateRule(input.rule);
  return COMPILERS[input.rule.conditionKind](input);
}
