import type { ColumnType, Generated } from 'kysely';
import type { BenefitWay, FundLevel, FundSource, ProjectStatus } from '../../domain/projects/index.ts';

/** Kysely types of the project tables of migration 0090 (SPEC §13), by module augmentation. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type Money = ColumnType<string, string | number, string | number>;
type Share = ColumnType<string, string | number, string | number>;

export interface ProjectFund {
  level: FundLevel;
  source: FundSource;
  amountYuan: number;
}

export interface KeyResponsible {
  city?: string;
  district?: string;
  town?: string;
}

export interface ProjectsTable {
  id: Generated<string>;
  number: Generated<number>;
  region_code: string;
  year: number;
  name: string;
  type: string;
  status: Generated<ProjectStatus>;
  funds: Json<ProjectFund[]>;
  linkage_yuan: Money;
  total_yuan: Money;
  task_force: string;
  manager: string;
  manager_phone: string | null;
  key_project: Generated<boolean>;
  key_responsible: ColumnType<KeyResponsible, string | undefined, string>;
  description: Generated<string>;
  publicity_from: string | null;
  publicity_to: string | null;
  exit_reason: string | null;
  import_key: string | null;
  created_by: string;
  user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ProjectEventsTable {
  id: Generated<number>;
  project_id: string;
  from_status: ProjectStatus | null;
  to_status: ProjectStatus;
  note: Generated<string>;
  on_date: string;
  by_username: string;
  user_id: string | null;
  at: Timestamp;
}

export interface ProjectPlanMonthsTable {
  project_id: string;
  month: string;
  milestones: string[];
  payment_share: Share;
}

export interface ProjectProgressTable {
  project_id: string;
  month: string;
  milestones: string[];
  works_share: Share;
  paid_yuan: Money;
  note: Generated<string>;
  evidence: Generated<string[]>;
  reported_by: string;
  user_id: string | null;
  reported_at: Timestamp;
}

export interface ProjectBeneficiariesTable {
  id: Generated<string>;
  project_id: string;
  household_id: string;
  region_code: string;
  way: BenefitWay;
  amount_yuan: Money;
  note: Generated<string>;
  created_by: string;
  user_id: string | null;
  created_at: Timestamp;
}

declare module '../../db/schema.ts' {
  interface DB {
    projects: ProjectsTable;
    project_events: ProjectEventsTable;
    project_plan_months: ProjectPlanMonthsTable;
    project_progress: ProjectProgressTable;
    project_beneficiaries: ProjectBeneficiariesTable;
  }
}

export type FilingKind = 'pre' | 'post';

export interface ProjectFilingFilesTable {
  id: Generated<string>;
  project_id: string;
  kind: FilingKind;
  item: string;
  region_code: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface ProjectFilingsTable {
  id: Generated<string>;
  project_id: string;
  kind: FilingKind;
  region_code: string;
  status: Generated<'submitted' | 'approved' | 'returned'>;
  note: Generated<string>;
  submitted_by: string;
  submitted_at: Timestamp;
  decision_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
}

declare module '../../db/schema.ts' {
  interface DB {
    project_filing_files: ProjectFilingFilesTable;
    project_filings: ProjectFilingsTable;
  }
}
