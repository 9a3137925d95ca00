import { type RawBuilder, sql } from 'kysely';
import { type FeedColumnType, findFeedRecord } from '../../domain/feeds/index.ts';
import { AppError } from '../../shared/app-error.ts';

/**
 * The fields a rule may read, as SQL. Record columns come from the feed definition (SPEC §10) and are read from the
 * record's `data` JSON with a cast by column type; registry fields are a fixed whitelist of person and household
 * columns. The field name reaches SQL only as a bound JSON key or as one of the whitelisted column references.
 */

export type FieldKind = 'text' | 'number' | 'fen' | 'date' | 'boolean';

export interface FieldRef {
  /** SQL for the value; `r`, `p`, `h` are the record, person and household aliases. */
  expr: RawBuilder<unknown>;
  kind: FieldKind;
  /** True for `person.*` / `household.*`: the test needs a matched person and is skipped for unmatched records. */
  registry: boolean;
}

const KIND_OF: Record<FeedColumnType, FieldKind> = {
  id_number: 'text',
  string: 'text',
  enum: 'text',
  region_code: 'text',
  date: 'date',
  yuan: 'fen',
  integer: 'number',
  decimal: 'number',
  boolean: 'boolean',
};

/** Registry fields, read from the matched relation `r` (see screen-scope.ts `matched`). */
const REGISTRY_FIELDS: Record<string, { expr: RawBuilder<unknown>; kind: FieldKind }> = {
  'person.health': { expr: sql`r.health`, kind: 'text' },
  'person.status': { expr: sql`r.status`, kind: 'text' },
  'person.relation': { expr: sql`r.relation`, kind: 'text' },
  'person.labor': { expr: sql`r.labor`, kind: 'text' },
  'person.employment': { expr: sql`r.employment`, kind: 'text' },
  'person.education': { expr: sql`r.education`, kind: 'text' },
  'person.disability_level': { expr: sql`r.disability_level`, kind: 'number' },
  'household.monitoring_status': { expr: sql`r.monitoring_status`, kind: 'text' },
  'household.backstop': { expr: sql`r.backstop`, kind: 'text' },
  'household.lifted_out': { expr: sql`r.lifted_out`, kind: 'boolean' },
};

/** The SQL cast of a JSON value of the given kind. */
export function jsonField(alias: string, key: string, kind: FieldKind): RawBuilder<unknown> {
  const text = sql`(${sql.ref(alias)}.data ->> ${key})`;
  switch (kind) {
    case 'fen':
      return sql`${text}::bigint`;
    case 'number':
      return sql`${text}::numeric`;
    case 'date':
      return sql`${text}::date`;
    case 'boolean':
      return sql`${text}::boolean`;
    default:
      return text;
  }
}

/** Resolves a field of a rule on `department`/`recordKind`, or throws SCREENING_RULE_INVALID. */
export function fieldRef(department: string, recordKind: string, field: string, alias = 'r'): FieldRef {
  const registry = REGISTRY_FIELDS[field];
  if (registry) return { ...registry, registry: true };
  const record = findFeedRecord(department, recordKind);
  const column = record?.columns.find((c) => c.key === field);
  if (!column || column.type === 'id_number') {
    throw new AppError('SCREENING_RULE_INVALID', `规则引用了不存在的字段：${field}`, { field });
  }
  const kind = KIND_OF[column.type];
  return { expr: jsonField(alias, field, kind), kind, registry: false };
}
