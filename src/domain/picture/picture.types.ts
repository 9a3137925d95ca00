import type { HouseholdInput } from '../assessment/index.ts';

/**
 * 家庭情况 — the household picture (SPEC §7.4): the one set of facts every decision reads (identification,
 * elimination, the effectiveness review, the case decision step, the household's 研判 panel), each fact with where it
 * came from, and every disagreement between sources shown rather than silently resolved.
 */

/** Where a figure or fact came from (SPEC §7.4 "each with its source"). `text` is the Chinese a cadre reads. */
export type Provenance =
  | {
      kind: 'registry';
      what: 'member' | 'household' | 'income';
      year?: number;
      survey?: string;
      surveyedOn?: string | null;
      text: string;
    }
  | {
      kind: 'survey';
      surveyId: string;
      surveyKind: 'identification' | 'elimination';
      surveyedOn: string;
      surveyor: string;
      text: string;
    }
  | { kind: 'visit'; clueId: string; visitedOn: string; visitor: string; text: string }
  | {
      kind: 'department';
      department: string;
      departmentName: string;
      recordKind: string;
      recordName: string;
      period: string;
      importId: string;
      row: number;
      recordId: string;
      date: string | null;
      text: string;
    };

/** A registry member as the picture sees it. `personId` links department records. */
export interface PictureMemberInput {
  personId: string;
  idNumber: string;
  name: string;
  relation: string;
  status: string;
  labor: string;
  health: string | null;
  disabilityLevel: number | null;
  education: string | null;
  publicServant: boolean;
  paidVillageCadre: boolean;
}

/** One household_incomes row, in yuan as the registry keeps it. `survey` is 'annual' or a survey's name (SPEC §4.3). */
export interface IncomeRowInput {
  year: number;
  survey: string;
  surveyedOn: string | null;
  recordedAt: string;
  wage: number;
  businessNet: number;
  property: number;
  transfer: number;
  medical: number;
  education: number;
  disaster: number;
  accident: number;
}

export interface SurveyInput {
  id: string;
  kind: 'identification' | 'elimination';
  surveyedOn: string;
  recordedBy: string;
  facts: Record<string, unknown> & {
    risks?: Record<string, unknown>;
    exclusions?: Record<string, boolean | undefined>;
    suddenEvent?: string | null;
    closeRelativePublicServant?: boolean;
    majorFamilyEvent?: boolean;
    consentToElimination?: boolean | null;
  };
}

/** A department record linked to a person of this household (feed_records.household_id). */
export interface DepartmentRecordInput {
  id: string;
  importId: string;
  department: string;
  recordKind: string;
  period: string;
  row: number;
  personId: string | null;
  data: Record<string, unknown>;
}

/** A screening rule of kind record_test (SPEC §10), as stored; thresholds already resolved for the region. */
export interface DepartmentRuleInput {
  code: string;
  department: string;
  recordKind: string;
  signal: string;
  severity: string;
  exclusionItem: number | null;
  riskType: string | null;
  condition: { all?: unknown[]; any?: unknown[] };
  thresholds: Record<string, number>;
}

/** Structured findings of a visit (入户排查, issue 9 point 6): facts, not only a note. */
export interface VisitFindings {
  risks?: {
    dropout?: boolean;
    medicalUnaffordable?: boolean;
    housingAppraisal?: 'A' | 'B' | 'C' | 'D' | null;
    waterUnsafe?: boolean;
    industryLoss?: boolean;
    laborLoss?: boolean;
  };
  suddenEvent?: 'illness' | 'disaster' | 'accident' | 'other' | null;
  /** Medical out-of-pocket of the year as the household reported it at the visit, yuan. */
  medicalExpense?: number | null;
}

export interface VisitInput {
  clueId: string;
  visitedOn: string;
  visitor: string;
  findings: VisitFindings;
}

export interface PictureInput {
  year: number;
  household: {
    id: string;
    code: string;
    regionCode: string;
    liftedOut: boolean;
    backstop: 'dibao' | 'tekun' | null;
    monitoringStatus: string;
  };
  members: PictureMemberInput[];
  incomes: IncomeRowInput[];
  survey: SurveyInput | null;
  /** Cadres' visits with structured findings (optional: older callers have none). */
  visits?: VisitInput[];
  records: DepartmentRecordInput[];
  rules: DepartmentRuleInput[];
}

/**
 * What became of one department record in the picture — each a named outcome, never a crash or a silent default
 * (issue 9 "bad input and edge cases").
 */
export type RecordOutcome =
  | 'exclusion' // sets an exclusion fact (SPEC §7.2)
  | 'reference' // an exclusion hint the rules do not apply by themselves (low severity: 大型农机 for item 6)
  | 'not_exclusion' // the rule's own negative tests clear it (货车, 注销的企业, 个体工商户)
  | 'unknown_type' // the rule cannot classify it (an unknown vehicle type): to verify
  | 'medical_counted' // a settlement summed into the medical out-of-pocket
  | 'income_counted' // a 人社 employment or pension figure counted into the year's income
  | 'superseded' // an older report of the same job or pension: the newest period's record is used
  | 'missing_amount' // a settlement without 个人自付
  | 'outside_window' // dated outside the assessment window
  | 'member_not_counted' // about a person who is not a counted member (deceased, not sharing …)
  | 'person_not_member' // about a person no longer in this household
  | 'death' // 公安 death: the member is not counted (SPEC §7.2 item 9)
  | 'backstop' // 民政 低保/特困 status
  | 'disability' // 残联 certificate
  | 'information'; // shown, not used by a rule

export interface RecordFinding {
  recordId: string;
  department: string;
  departmentName: string;
  recordKind: string;
  recordName: string;
  outcome: RecordOutcome;
  /** The rule that classified it (screening rule code), when one did. */
  rule: string | null;
  exclusionItem: number | null;
  personName: string | null;
  date: string | null;
  /** Yuan, for records that carry the amount the picture uses. */
  amount: number | null;
  text: string;
  source: Extract<Provenance, { kind: 'department' }>;
}

/** A fact the rules use, with its value as used and all sources that speak to it. */
export interface PictureFact {
  /** Path in the assessment exchange format: `exclusions.consumerCar`, `rigidExpenditure.medical`, `members[1].status`. */
  key: string;
  label: string;
  value: string | number | boolean | null;
  sources: Provenance[];
}

/** Survey/registry and department disagree (SPEC §7.4): shown, resolved by the documented precedence, to explain. */
export interface PictureConflict {
  key: string;
  label: string;
  /** What the survey or registry said, and what the department said. */
  claims: { value: string | number | boolean | null; source: Provenance }[];
  /** The value the rules use and why (the department that is the authority, or the newer figure). */
  used: string | number | boolean | null;
  precedence: 'authority' | 'newer';
  text: string;
}

export interface HouseholdPicture {
  householdId: string;
  code: string;
  year: number;
  /** Records dated inside it are evidence for the year (medical settlements are summed over it). */
  window: { from: string; to: string };
  income: { year: number; source: Provenance } | null;
  previousIncome: { year: number; source: Provenance } | null;
  facts: PictureFact[];
  records: RecordFinding[];
  conflicts: PictureConflict[];
  /** The exchange-format household the rules run on (formats/assessment.md); null when the year has no income. */
  input: HouseholdInput | null;
}
