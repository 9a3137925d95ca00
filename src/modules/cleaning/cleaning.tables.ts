import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the data-cleaning tables of migration 0004 (SPEC §17), by module augmentation. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CleaningRunsTable {
  id: Generated<string>;
  region_code: string;
  year: number;
  problems: Generated<number>;
  started_by: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface CleaningProblemsTable {
  id: Generated<number>;
  run_id: string;
  rule_code: string;
  region_code: string;
  household_id: string | null;
  person_id: string | null;
  reason: string;
  details: ColumnType<unknown, string | undefined, string>;
  found_at: Timestamp;
}

declare module '../../db/schema.ts' {
  interface DB {
    cleaning_runs: CleaningRunsTable;
    cleaning_problems: CleaningProblemsTable;
  }
}
