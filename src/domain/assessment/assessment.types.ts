/**
 * Types of the assessment exchange format (`formats/assessment.md`), used by `shouxian assess` and `POST /api/assess`
 * (SPEC §7.3, §8.3). Input types describe the JSON as written; `Checked*` types are what validation hands to the
 * rules: amounts in integer fen, absent optional facts filled with their documented meaning ("not recorded").
 */
import type { Fen } from '../money.ts';

export const RELATIONS = [
  'head',
  'spouse',
  'child',
  'child_in_law',
  'grandchild',
  'parent',
  'grandparent',
  'sibling',
  'other',
] as const;
/** Only `normal` members count as household members (SPEC §7.2 item 9). */
export const MEMBER_STATUSES = ['normal', 'deceased', 'imprisoned', 'missing', 'not_sharing'] as const;
export const LABOR_CAPACITIES = ['full', 'partial', 'none', 'not_working_age'] as const;
export const HEALTH_STATES = ['healthy', 'chronic', 'serious', 'disabled'] as const;
export const EDUCATION_STATES = [
  'preschool',
  'compulsory',
  'high_school',
  'vocational',
  'university',
  'dropout',
] as const;
export const HOUSING_APPRAISALS = ['A', 'B', 'C', 'D'] as const;
export const SUDDEN_EVENTS = ['illness', 'disaster', 'accident', 'other'] as const;
export const BACKSTOPS = ['dibao', 'tekun'] as const;
export const ASSESSMENT_MODES = ['identification', 'elimination'] as const;

export type Relation = (typeof RELATIONS)[number];
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type LaborCapacity = (typeof LABOR_CAPACITIES)[number];
export type HealthState = (typeof HEALTH_STATES)[number];
export type EducationState = (typeof EDUCATION_STATES)[number];
export type HousingAppraisal = (typeof HOUSING_APPRAISALS)[number];
export type SuddenEvent = (typeof SUDDEN_EVENTS)[number];
export type Backstop = (typeof BACKSTOPS)[number];
export type AssessmentMode = (typeof ASSESSMENT_MODES)[number];

/** Screening thresholds (SPEC §7.3, §10): configuration, never constants in rules. */
export interface Thresholds {
  medicalShareOfIncome: number;
  medicalAmount: number;
  incomeDropShare: number;
  disasterAmount: number;
  /** 义务教育适龄: youngest and oldest age, in whole years on 1 September, at which a dropout is an education risk. */
  compulsoryEducationAgeFrom: number;
  compulsoryEducationAgeTo: number;
}

export interface IncomeInput {
  wage: number;
  businessNet: number;
  property: number;
  transfer: number;
}

export interface RigidExpenditureInput {
  medical: number;
  education: number;
  disaster: number;
  accident: number;
}

export interface MemberInput {
  idNumber: string;
  name?: string;
  relation: Relation;
  status: MemberStatus;
  labor: LaborCapacity;
  health?: HealthState;
  disabilityLevel?: number | null;
  education?: EducationState | null;
  publicServant?: boolean;
  paidVillageCadre?: boolean;
}

export interface RisksInput {
  dropout?: boolean;
  medicalUnaffordable?: boolean;
  housingAppraisal?: HousingAppraisal | null;
  waterUnsafe?: boolean;
  industryLoss?: boolean;
  laborLoss?: boolean;
}

export interface ExclusionsInput {
  consumerCar?: boolean;
  urbanProperty?: boolean;
  registeredCompany?: boolean;
  largeScaleOperator?: boolean;
  deliberateSplit?: boolean;
  emptyRegistration?: boolean;
  creditDefaulter?: boolean;
}

export interface HouseholdInput {
  id: string;
  regionCode?: string;
  liftedOutOfPoverty: boolean;
  members: MemberInput[];
  closeRelativePublicServant?: boolean;
  income: IncomeInput;
  previousIncome?: IncomeInput | null;
  rigidExpenditure?: Partial<RigidExpenditureInput>;
  risks?: RisksInput;
  suddenEvent?: SuddenEvent | null;
  exclusions?: ExclusionsInput;
  majorFamilyEvent?: boolean;
  backstop?: Backstop | null;
  consentToElimination?: boolean | null;
}

export interface AssessmentInput {
  year: number;
  monitoringLine?: number;
  thresholds?: Partial<Thresholds>;
  households: HouseholdInput[];
}

/** A member after validation; `birthDate` comes from the ID number (SPEC §4.2). */
export interface CheckedMember {
  index: number;
  idNumber: string;
  name: string;
  birthDate: string;
  relation: Relation;
  status: MemberStatus;
  labor: LaborCapacity;
  health: HealthState | null;
  disabilityLevel: number | null;
  education: EducationState | null;
  publicServant: boolean;
  paidVillageCadre: boolean;
}

export interface IncomeFen {
  wage: Fen;
  businessNet: Fen;
  property: Fen;
  transfer: Fen;
}

/** A household that passed validation: every rule input is present and typed. */
export interface CheckedHousehold {
  id: string;
  index: number;
  regionCode: string | null;
  liftedOutOfPoverty: boolean;
  members: CheckedMember[];
  closeRelativePublicServant: boolean;
  income: IncomeFen;
  previousIncome: IncomeFen | null;
  rigidExpenditure: { medical: Fen; education: Fen; disaster: Fen; accident: Fen };
  risks: {
    dropout: boolean;
    medicalUnaffordable: boolean;
    housingAppraisal: HousingAppraisal | null;
    waterUnsafe: boolean;
    industryLoss: boolean;
    laborLoss: boolean;
  };
  suddenEvent: SuddenEvent | null;
  exclusions: Required<ExclusionsInput>;
  majorFamilyEvent: boolean;
  backstop: Backstop | null;
  /** null: not recorded. */
  consentToElimination: boolean | null;
}

export type RiskType = 'income' | 'education' | 'medical' | 'housing' | 'water' | 'industry_employment' | 'other';
/** Fixed output order of risk types, the order of SPEC §7.3 step 2. */
export const RISK_TYPE_ORDER: readonly RiskType[] = [
  'income',
  'education',
  'medical',
  'housing',
  'water',
  'industry_employment',
  'other',
];

export type Category = 'unstable' | 'marginal' | 'sudden';
export type IdentificationDecision = 'include' | 'no_risk' | 'exclude' | 'county_review';
export type EliminationDecision = 'eliminate' | 'continue' | 'keep_monitoring' | 'exclude';
export type Decision = IdentificationDecision | EliminationDecision;

/** One rule that fired: stable code, a sentence a cadre can read to the household, the figures used (yuan). */
export interface Reason {
  rule: string;
  text: string;
  figures: Record<string, number | string>;
}

export interface AssessmentResult {
  id: string;
  members: number;
  netIncome: number;
  perCapitaNetIncome: number;
  monitoringLine: number;
  decision: Decision;
  category: Category | null;
  riskTypes: RiskType[];
  /** Numbers 1–10 of SPEC §7.2 (never 9: that one is applied to the member count). */
  exclusions: number[];
  reasons: Reason[];
}

export interface FieldError {
  /** Path in the input, e.g. `households[2].members[0].idNumber`. */
  field: string;
  code: string;
  message: string;
}

export interface HouseholdErrors {
  id: string | null;
  index: number;
  errors: FieldError[];
}

export interface AssessmentOutput {
  year: number;
  results: AssessmentResult[];
  errors: HouseholdErrors[];
}
