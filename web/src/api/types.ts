import type { AuditLabels } from '../domain/audit-fields';

/** Shapes of the server JSON (see the schema files of src/modules); kept by hand, checked by the browser test. */
export type Role =
  | 'village'
  | 'township'
  | 'county'
  | 'department'
  | 'supervisor'
  | 'admin'
  | 'security_admin'
  | 'audit_admin'
  | 'project_officer';
export type MonitoringStatus = 'none' | 'monitored' | 'eliminated';
export type Category = 'unstable' | 'marginal' | 'sudden';

export interface CurrentUser {
  username: string;
  role: Role;
  roleLabel: string;
  regionCode: string;
  department: string | null;
  /** What the role may do, as the server grants it (src/modules/auth/actor.ts PERMISSIONS). */
  permissions: Array<
    | 'registry.read'
    | 'registry.write'
    | 'pii.reveal'
    | 'lines.write'
    | 'settings.write'
    | 'audit.read'
    | 'users.manage'
    | 'system.manage'
    | 'county.work'
    | 'audit.manage'
    | 'projects.write'
  >;
  /** A login step still to take (second factor, password change); null when the session may be used. */
  pending?: 'second_factor' | 'second_factor_setup' | 'password_change' | null;
}

export interface Region {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  childCount?: number;
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface HouseholdRow {
  id: string;
  code: string;
  regionCode: string;
  address: string;
  liftedOut: boolean;
  monitoringStatus: MonitoringStatus;
  category: Category | null;
  riskTypes: string[];
  headName: string | null;
  headIdNumber: string | null;
  memberCount: number;
  /** 三色 colour, once the server computes it (SPEC §16); derived on the client until then. */
}

/** The household list; `persons` (members counted over the whole filtered set) when the server provides it. */
export interface HouseholdPage extends Page<HouseholdRow> {
  persons?: number;
  /** The `after` of the next page; null on the last page. */
  nextCursor?: string | null;
}

export interface Member {
  id: string;
  name: string;
  idNumber: string;
  age: number;
  /** Only in a revealed file (`?unmasked=true`, audited): the birth date is part of the ID number (SPEC §17). */
  birthDate?: string;
  sex: 'male' | 'female';
  relation: string;
  status: string;
  health: string;
  disabilityCategory: string | null;
  disabilityLevel: number | null;
  labor: string;
  education: string | null;
  employment: string | null;
  employmentMonths: number | null;
  insuredMedical: boolean;
  insuredPension: boolean;
  publicServant: boolean;
  paidVillageCadre: boolean;
  phone: string | null;
}

export interface Income {
  id?: string;
  year: number;
  survey: string;
  surveyedOn?: string | null;
  wage: number;
  businessGross: number;
  businessCost: number;
  businessNet: number;
  property: number;
  transfer: number;
  medicalExpense: number;
  educationExpense: number;
  disasterLoss: number;
  accidentExpense: number;
  memberCount: number;
  netIncome: number;
  perCapitaNetIncome: number | null;
  recordedAt?: string;
}

export interface HouseholdFile {
  id: string;
  code: string;
  regionCode: string;
  villageName: string;
  address: string;
  headPersonId: string | null;
  liftedOut: boolean;
  liftedOutYear: number | null;
  monitoringStatus: MonitoringStatus;
  category: Category | null;
  riskTypes: string[];
  includedOn: string | null;
  eliminatedOn: string | null;
  responsiblePerson: string | null;
  responsiblePhone: string | null;
  backstop: 'dibao' | 'tekun' | null;
  laborSummary: 'has' | 'partial' | 'none';
  memberCount: number;
  version: number;
  members: Member[];
  incomes: Income[];
}

export interface AuditItem {
  id: string | number;
  at: string;
  username: string;
  /** The person's name (users.display_name); absent for the system and removed accounts. */
  userName?: string | null;
  role: string;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string;
  householdId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  /** Names of the entry's own object and fields (a setting's, from its definition); see domain/audit-fields. */
  labels?: AuditLabels;
}

export interface EffectiveLine {
  regionCode: string;
  year: number;
  amount: number;
  sourceRegionCode: string;
  chain: { regionCode: string; amount: number }[];
}

export interface LineHistoryItem {
  id: number | string;
  regionCode: string;
  year: number;
  amount: number | string;
  basis: string;
  setAt: string;
  setBy: string | null;
}
