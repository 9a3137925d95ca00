import type { ColumnType, Generated } from 'kysely';
import type { ConditionKind, Severity, Signal } from './rule-types.ts';

/**
 * Kysely types of the screening tables of migration 0004 (SPEC §10), declared by module augmentation so that
 * src/db/schema.ts stays with the registry's tables.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface ScreeningRulesTable {
  code: string;
  name: string;
  department: string;
  record_kind: string;
  condition_kind: ConditionKind;
  condition: Json;
  thresholds: Json;
  signal: Signal;
  risk_type: string | null;
  exclusion_item: number | null;
  severity: Severity;
  finding: string;
  enabled: Generated<boolean>;
  sort_order: Generated<number>;
}

export interface ScreeningRuleSettingsTable {
  id: Generated<number>;
  rule_code: string;
  region_code: string;
  thresholds: Json;
  enabled: boolean;
  set_by: string | null;
  set_by_name: string;
  set_at: Timestamp;
}

export interface ScreeningRunsTable {
  id: Generated<string>;
  region_code: string;
  trigger: 'manual' | 'schedule' | 'import';
  import_id: string | null;
  as_of: string;
  rules: Generated<number>;
  hits: Generated<number>;
  clues_created: Generated<number>;
  clues_merged: Generated<number>;
  quality_items: Generated<number>;
  started_by: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface ScreeningHitsTable {
  id: Generated<number>;
  rule_code: string;
  fact_hash: string;
  run_id: string;
  record_id: number | null;
  household_id: string | null;
  person_id: string | null;
  region_code: string;
  facts: Json;
  finding: string;
  clue_key: string | null;
  created_at: Timestamp;
}

export interface DataQualityItemsTable {
  id: Generated<number>;
  kind: 'unmatched_person';
  record_id: number;
  rule_code: string;
  department: string;
  region_code: string;
  name: string | null;
  id_number_masked: string | null;
  reason: string;
  run_id: string;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  resolution: string | null;
}

declare module '../../db/schema.ts' {
  interface DB {
    screening_rules: ScreeningRulesTable;
    screening_rule_settings: ScreeningRuleSettingsTable;
    screening_runs: ScreeningRunsTable;
    screening_hits: ScreeningHitsTable;
    data_quality_items: DataQualityItemsTable;
  }
}
