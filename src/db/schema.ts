import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table types for Kysely, kept by hand beside the SQL migrations in ./migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric(14,2) columns arrive as strings so money is never a float (STYLE: money never summed in floating point). */
type Money = ColumnType<string, string | number | undefined, string | number>;

export interface RegionsTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  loaded_at: Timestamp;
}

export type Role = 'village' | 'township' | 'county' | 'department' | 'supervisor' | 'admin';

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  region_code: string;
  department: string | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  // accounts (migration 0041, issue 11)
  demo: Generated<boolean>;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp;
  last_login_at: Timestamp | null;
  totp_secret_enc: string | null;
  totp_enabled_at: Timestamp | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  // accounts (migration 0041, issue 11)
  last_seen_at: Timestamp;
  second_factor: Generated<boolean>;
}

export type MonitoringStatus = 'none' | 'monitored' | 'eliminated';
export type Category = 'unstable' | 'marginal' | 'sudden';

export interface HouseholdsTable {
  id: Generated<string>;
  region_code: string;
  code: string;
  address: Generated<string>;
  head_person_id: string | null;
  lifted_out: Generated<boolean>;
  lifted_out_year: number | null;
  monitoring_status: Generated<MonitoringStatus>;
  category: Category | null;
  risk_types: Generated<string[]>;
  included_on: string | null;
  eliminated_on: string | null;
  responsible_person: string | null;
  responsible_phone: string | null;
  labor_summary: 'has' | 'partial' | 'none' | null;
  backstop: 'dibao' | 'tekun' | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonsTable {
  id: Generated<string>;
  household_id: string;
  region_code: string;
  name: string;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  /** Birth year only: the full birth date is read from the encrypted ID number (migration 0040). */
  birth_year: number;
  sex: 'male' | 'female';
  relation: string;
  status: Generated<string>;
  health: Generated<string>;
  disability_category: string | null;
  disability_level: number | null;
  labor: Generated<string>;
  education: string | null;
  employment: string | null;
  employment_months: number | null;
  insured_medical: Generated<boolean>;
  insured_pension: Generated<boolean>;
  public_servant: Generated<boolean>;
  paid_village_cadre: Generated<boolean>;
  phone: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HouseholdIncomesTable {
  id: Generated<string>;
  household_id: string;
  region_code: string;
  year: number;
  survey: Generated<string>;
  surveyed_on: string | null;
  wage: Money;
  business_gross: Money;
  business_cost: Money;
  property: Money;
  transfer: Money;
  medical_expense: Money;
  education_expense: Money;
  disaster_loss: Money;
  accident_expense: Money;
  member_count: number;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface MonitoringLinesTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  amount: Money;
  basis: Generated<string>;
  set_by: string | null;
  set_at: Timestamp;
}

export interface RegionSettingsTable {
  id: Generated<number>;
  region_code: string;
  key: string;
  value: ColumnType<unknown, string, string>;
  set_by: string | null;
  set_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: string | null;
  username: string;
  role: string;
  action: string;
  entity: string;
  entity_id: string | null;
  region_code: string;
  household_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  ip: string | null;
}

export type ClueChannel = 'self_declaration' | 'cadre_screening' | 'department' | 'social';
export type ClueStatus = 'open' | 'verifying' | 'closed';
export type ClueResult =
  | 'no_risk'
  | 'start_identification'
  | 'start_elimination'
  | 'household_change'
  // Issue 10 (migration 0030): answered by a procedure that concluded (并入程序).
  | 'merged_into_case';

export interface CluesTable {
  id: Generated<string>;
  region_code: string;
  channel: ClueChannel;
  source_kind: string;
  source_ref: Generated<string>;
  household_id: string | null;
  person_id: string | null;
  finding: string;
  facts: ColumnType<unknown, string | undefined, string>;
  fact_key: string;
  risk_types: Generated<string[]>;
  severity: Generated<'low' | 'normal' | 'high'>;
  received_on: string;
  due_on: string;
  assignee_id: string | null;
  assignee_name: string | null;
  status: Generated<ClueStatus>;
  result: ClueResult | null;
  result_note: string | null;
  closed_by: string | null;
  closed_by_name: string | null;
  closed_at: Timestamp | null;
  merged_count: Generated<number>;
  last_seen_at: Timestamp;
  case_id: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface DeclarationsTable {
  id: Generated<string>;
  tracking_code: string;
  region_code: string;
  name: string;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  phone_hash: string;
  phone_masked: string;
  hardship: Generated<string[]>;
  description: string;
  on_behalf_by: string | null;
  clue_id: string;
  created_at: Timestamp;
}

export interface HouseholdSurveysTable {
  id: Generated<string>;
  household_id: string;
  region_code: string;
  kind: 'identification' | 'elimination';
  surveyed_on: string;
  facts: ColumnType<unknown, string, string>;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface ProcedureTemplatesTable {
  id: Generated<number>;
  region_code: string;
  code: string;
  version: number;
  kind: 'inclusion' | 'elimination';
  body: ColumnType<unknown, string, string>;
  set_by: string;
  set_at: Timestamp;
}

export interface OfficialCalendarsTable {
  year: number;
  body: ColumnType<unknown, string, string>;
  loaded_by: string;
  loaded_at: Timestamp;
}

export interface CasesTable {
  id: Generated<string>;
  region_code: string;
  household_id: string;
  kind: 'inclusion' | 'elimination';
  template_code: string;
  template_version: number;
  state: ColumnType<unknown, string, string>;
  status: string;
  current_step: string | null;
  current_level: string | null;
  current_due: string | null;
  round_month: string | null;
  started_on: string;
  finished_on: string | null;
  outcome: 'completed' | 'rejected' | 'closed' | null;
  clue_id: string | null;
  assessment: ColumnType<unknown, string | null, string | null>;
  category: Category | null;
  category_reason: string | null;
  risk_types: Generated<string[]>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CaseActionsTable {
  id: Generated<number>;
  case_id: string;
  region_code: string;
  seq: number;
  type: string;
  step_code: string;
  user_id: string | null;
  username: string;
  role: string;
  at: Timestamp;
  decision: string | null;
  note: string | null;
  attachments: ColumnType<unknown, string | undefined, never>;
  meeting: ColumnType<unknown, string | null, never>;
}

export interface CaseFilesTable {
  id: Generated<string>;
  case_id: string;
  region_code: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  case_id: string;
  household_id: string;
  region_code: string;
  kind: 'acceptance' | 'identification' | 'exit';
  outcome: string;
  text: string;
  issued_on: string;
  revoked_at: Timestamp | null;
  created_at: Timestamp;
}

/** Monitoring-status history (migration 0070, SPEC §12): written by a completed procedure, voided by its reversal. */
export interface HouseholdStatusEventsTable {
  id: Generated<number>;
  household_id: string;
  region_code: string;
  case_id: string | null;
  kind: 'included' | 'returned' | 'eliminated';
  from_status: MonitoringStatus;
  to_status: 'monitored' | 'eliminated';
  effective_on: string;
  category: Category | null;
  risk_types: Generated<string[]>;
  lifted_out: boolean;
  persons: number;
  source: 'procedure' | 'backfill';
  voided_at: Timestamp | null;
  voided_reason: string | null;
  recorded_at: Timestamp;
}

/** A freeze of one month's figures for a scope (migration 0070, SPEC §12). */
export interface FigureSnapshotRunsTable {
  id: Generated<number>;
  scope_code: string;
  month: string;
  as_of: string;
  trigger: 'schedule' | 'demand';
  reason: string | null;
  regions: Generated<number>;
  seconds: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  taken_by: string;
  taken_at: Timestamp;
}

export interface FigureSnapshotsTable {
  run_id: number;
  region_code: string;
  month: string;
  figures: ColumnType<unknown, string, string>;
}

// Government relief platform (SPEC §14, migration 0100)
export interface ReliefRequestsTable {
  id: Generated<string>;
  tracking_code: string;
  region_code: string;
  county_code: string;
  item_code: string;
  item_name: string;
  department: string;
  channel: 'self' | 'proxy' | 'government';
  applicant_name: string;
  id_number_enc: string;
  id_number_hash: string;
  phone_enc: string;
  phone_hash: string;
  proxy_name: string | null;
  proxy_relation: string | null;
  proxy_phone_hash: string | null;
  confirmed_at: Timestamp | null;
  filed_by: string | null;
  description: string;
  status: Generated<'submitted' | 'accepted' | 'replied'>;
  received_on: string;
  due_on: string;
  due_estimated: Generated<boolean>;
  outcome: 'resolved' | 'not_eligible' | null;
  result_note: string | null;
  replied_at: Timestamp | null;
  replied_on: string | null;
  urged_count: Generated<number>;
  rating: number | null;
  rating_note: string | null;
  rated_at: Timestamp | null;
  household_id: string | null;
  person_id: string | null;
  clue_id: string | null;
  created_at: Timestamp;
}

export type ReliefStepAction = 'submit' | 'confirm' | 'accept' | 'refer' | 'reply' | 'urge' | 'rate';

export interface ReliefRequestStepsTable {
  id: Generated<string>;
  request_id: string;
  seq: number;
  action: ReliefStepAction;
  actor: string;
  actor_name: string;
  from_department: string | null;
  to_department: string | null;
  note: string | null;
  at: Timestamp;
}

export interface DB {
  household_surveys: HouseholdSurveysTable;
  procedure_templates: ProcedureTemplatesTable;
  official_calendars: OfficialCalendarsTable;
  cases: CasesTable;
  case_actions: CaseActionsTable;
  case_files: CaseFilesTable;
  notifications: NotificationsTable;
  clues: CluesTable;
  declarations: DeclarationsTable;
  regions: RegionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  households: HouseholdsTable;
  persons: PersonsTable;
  household_incomes: HouseholdIncomesTable;
  monitoring_lines: MonitoringLinesTable;
  region_settings: RegionSettingsTable;
  audit_log: AuditLogTable;
  household_status_events: HouseholdStatusEventsTable;
  figure_snapshot_runs: FigureSnapshotRunsTable;
  figure_snapshots: FigureSnapshotsTable;
  relief_requests: ReliefRequestsTable;
  relief_request_steps: ReliefRequestStepsTable;
  // security (issue 11 point 4): the audit log's hash chain, written by a trigger (migration 0050)
  audit_chain: AuditChainTable;
}

export interface AuditChainTable {
  seq: Generated<string>;
  audit_id: string;
  prev: Buffer;
  hash: Buffer;
}

export type Household = Selectable<HouseholdsTable>;
export type NewHousehold = Insertable<HouseholdsTable>;
export type HouseholdUpdate = Updateable<HouseholdsTable>;
export type Person = Selectable<PersonsTable>;
export type NewPerson = Insertable<PersonsTable>;
export type User = Selectable<UsersTable>;
