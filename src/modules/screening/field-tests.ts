import { type RawBuilder, sql } from 'kysely';
import { AppError } from '../../shared/app-error.ts';
import { type FieldKind, type FieldRef, fieldRef } from './record-fields.ts';
import type { ThresholdSql } from './regional-thresholds.ts';
import { type FieldTest, type RecordTestCondition, TEST_OPS } from './rule-types.ts';

/**
 * A rule's field tests as SQL (SPEC §10 conditions as data). Each test becomes one boolean expression; a missing value
 * fails a positive test (eq, in, gte, contains_any …) and passes a negative one (ne, not_in, not_true, contains_none).
 */

const invalid = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('SCREENING_RULE_INVALID', message, details);

function bound(value: string | number | boolean, kind: FieldKind): RawBuilder<unknown> {
  if (kind === 'fen') {
    if (typeof value !== 'number') throw invalid(`金额比较值应为数字：${value}`);
    return sql`${String(Math.round(value * 100))}::bigint`;
  }
  if (kind === 'number') {
    if (typeof value !== 'number') throw invalid(`比较值应为数字：${value}`);
    return sql`${String(value)}::numeric`;
  }
  if (kind === 'date') return sql`${String(value)}::date`;
  if (kind === 'boolean') return sql`${String(value)}::boolean`;
  return sql`${String(value)}`;
}

function list(test: FieldTest, kind: FieldKind): RawBuilder<unknown>[] {
  const values = Array.isArray(test.value) ? test.value : test.value === undefined ? [] : [test.value];
  if (values.length === 0) throw invalid(`条件 ${test.field} ${test.op} 缺少比较值`, { field: test.field });
  return values.map((v) => bound(v, kind));
}

function operand(test: FieldTest, ref: FieldRef, th: ThresholdSql): RawBuilder<unknown> {
  if (test.threshold) return th.threshold(test.threshold, ref.kind === 'fen' ? 100 : 1);
  if (test.value === undefined || Array.isArray(test.value)) {
    throw invalid(`条件 ${test.field} ${test.op} 需要一个比较值或阈值名`, { field: test.field });
  }
  return bound(test.value, ref.kind);
}

function contains(f: RawBuilder<unknown>, values: RawBuilder<unknown>[]) {
  return sql`coalesce(${sql.join(
    values.map((v) => sql`position(${v} in ${f}) > 0`),
    sql` OR `,
  )}, false)`;
}

/** One test as a boolean SQL expression. */
export function testSql(test: FieldTest, ref: FieldRef, th: ThresholdSql): RawBuilder<boolean> {
  const f = ref.expr;
  const positive = (e: RawBuilder<unknown>) => sql<boolean>`coalesce(${e}, false)`;
  switch (test.op) {
    case 'eq':
      return positive(sql`${f} = ${operand(test, ref, th)}`);
    case 'ne':
      return sql<boolean>`${f} IS DISTINCT FROM ${operand(test, ref, th)}`;
    case 'in':
      return positive(sql`${f} IN (${sql.join(list(test, ref.kind))})`);
    case 'not_in':
      return sql<boolean>`(${f} IS NULL OR ${f} NOT IN (${sql.join(list(test, ref.kind))}))`;
    case 'gte':
      return positive(sql`${f} >= ${operand(test, ref, th)}`);
    case 'gt':
      return positive(sql`${f} > ${operand(test, ref, th)}`);
    case 'lte':
      return positive(sql`${f} <= ${operand(test, ref, th)}`);
    case 'lt':
      return positive(sql`${f} < ${operand(test, ref, th)}`);
    case 'is_null':
      return sql<boolean>`${f} IS NULL`;
    case 'not_null':
      return sql<boolean>`${f} IS NOT NULL`;
    case 'is_true':
      return positive(f);
    case 'not_true':
      return sql<boolean>`NOT coalesce(${f}, false)`;
    case 'contains_any':
      return sql<boolean>`${contains(f, list(test, 'text'))}`;
    case 'contains_none':
      return sql<boolean>`NOT ${contains(f, list(test, 'text'))}`;
    default:
      throw invalid(`不支持的比较方式：${String(test.op)}，可用：${TEST_OPS.join('、')}`);
  }
}

/**
 * The whole record_test condition. `withRegistry` false leaves out tests on person/household fields (for records
 * that match no person: the data-quality variant).
 */
export function conditionSql(
  department: string,
  recordKind: string,
  condition: RecordTestCondition,
  th: ThresholdSql,
  withRegistry: boolean,
): RawBuilder<boolean> {
  const compile = (tests: FieldTest[] | undefined) =>
    (tests ?? [])
      .map((t) => ({ t, ref: fieldRef(department, recordKind, t.field) }))
      .filter(({ ref }) => withRegistry || !ref.registry)
      .map(({ t, ref }) => testSql(t, ref, th));
  const all = compile(condition.all);
  const any = compile(condition.any);
  const parts = [...all];
  if (any.length > 0) parts.push(sql<boolean>`(${sql.join(any, sql` OR `)})`);
  return parts.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}
