import type { ColumnType, Generated } from 'kysely';
import type { ProblemSeverity, ProblemSource, ProblemStatus, TaskArea } from '../../domain/campaigns/index.ts';

/** Kysely types of the campaign tables of migration 0110 (SPEC §15), by module augmentation. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type SpotCheckKind = 'spot_check' | 'recheck_households' | 'recheck_problems';
export type SpotCheckUnitType = 'village' | 'household' | 'problem';

export interface CampaignsTable {
  id: Generated<string>;
  number: Generated<number>;
  region_code: string;
  name: string;
  scope_codes: string[];
  starts_on: string;
  ends_on: string;
  areas: Json<TaskArea[]>;
  created_by: string;
  user_id: string | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface ProblemsTable {
  id: Generated<string>;
  number: Generated<number>;
  campaign_id: string;
  region_code: string;
  household_id: string | null;
  project: string | null;
  area_key: string | null;
  source: ProblemSource;
  description: string;
  severity: ProblemSeverity;
  owner: string;
  deadline: string;
  measures: Generated<string>;
  status: Generated<ProblemStatus>;
  escalated_to: string | null;
  escalation_levels: Generated<number>;
  spot_check_id: string | null;
  created_by: string;
  user_id: string | null;
  created_at: Timestamp;
  closed_on: string | null;
  version: Generated<number>;
}

export interface ProblemActionsTable {
  id: Generated<number>;
  problem_id: string;
  type: 'create' | 'submit' | 'accept' | 'reject' | 'extend' | 'escalate';
  from_status: ProblemStatus | null;
  to_status: ProblemStatus;
  note: Generated<string>;
  deadline: string | null;
  region_code: string;
  by_username: string;
  user_id: string | null;
  at: Timestamp;
}

export interface ProblemFilesTable {
  id: Generated<string>;
  problem_id: string;
  region_code: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface SpotChecksTable {
  id: Generated<string>;
  number: Generated<number>;
  campaign_id: string;
  kind: SpotCheckKind;
  region_code: string;
  ratio: ColumnType<string, number | string, never>;
  min_ratio: ColumnType<string, number | string, never>;
  seed: string;
  households_per_village: Generated<number>;
  strata: Json<{ stratum: string; size: number; sampled: number }[]>;
  created_by: string;
  user_id: string | null;
  created_at: Timestamp;
}

export interface SpotCheckUnitsTable {
  spot_check_id: string;
  unit_type: SpotCheckUnitType;
  unit_id: string;
  region_code: string;
  stratum: string;
}

export interface SpotCheckFindingsTable {
  id: Generated<string>;
  spot_check_id: string;
  region_code: string;
  household_id: string | null;
  unit_id: string;
  area_key: string;
  item_key: string;
  result: 'ok' | 'problem';
  note: Generated<string>;
  problem_id: string | null;
  checked_by: string;
  user_id: string | null;
  checked_at: Timestamp;
}

declare module '../../db/schema.ts' {
  interface DB {
    campaigns: CampaignsTable;
    problems: ProblemsTable;
    problem_actions: ProblemActionsTable;
    problem_files: ProblemFilesTable;
    spot_checks: SpotChecksTable;
    spot_check_units: SpotCheckUnitsTable;
    spot_check_findings: SpotCheckFindingsTable;
  }
}
