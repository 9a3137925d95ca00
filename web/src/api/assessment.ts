import { api } from './client';
import type { Category } from './types';

/** Household surveys and the in-place assessment (src/modules/assessment; SPEC §7.3, §8.3). */
export interface SurveyFacts {
  risks?: {
    dropout?: boolean;
    medicalUnaffordable?: boolean;
    housingAppraisal?: 'A' | 'B' | 'C' | 'D' | null;
    waterUnsafe?: boolean;
    industryLoss?: boolean;
    laborLoss?: boolean;
  };
  suddenEvent?: 'illness' | 'disaster' | 'accident' | 'other' | null;
  exclusions?: {
    consumerCar?: boolean;
    urbanProperty?: boolean;
    registeredCompany?: boolean;
    largeScaleOperator?: boolean;
    deliberateSplit?: boolean;
    emptyRegistration?: boolean;
    creditDefaulter?: boolean;
  };
  closeRelativePublicServant?: boolean;
  majorFamilyEvent?: boolean;
  consentToElimination?: boolean | null;
  basicNeedsSecured?: boolean | null;
  note?: string;
}

export type AssessmentMode = 'identification' | 'elimination';
export type Decision =
  | 'include'
  | 'no_risk'
  | 'exclude'
  | 'county_review'
  | 'eliminate'
  | 'continue'
  | 'keep_monitoring';

/** Where a fact came from (src/domain/picture Provenance). */
export interface Provenance {
  kind: 'registry' | 'survey' | 'visit' | 'department';
  text: string;
  department?: string;
  departmentName?: string;
  recordKind?: string;
  period?: string;
  row?: number;
  date?: string | null;
  surveyedOn?: string;
  surveyor?: string;
}

export interface AssessmentReason {
  rule: string;
  text: string;
  figures: Record<string, number | string>;
  sources?: Provenance[];
}

export interface PictureConflict {
  key: string;
  label: string;
  claims: { value: string | number | boolean | null; source: Provenance }[];
  used: string | number | boolean | null;
  precedence: 'authority' | 'newer';
  text: string;
}

export interface PictureRecord {
  recordId: string;
  department: string;
  departmentName: string;
  recordName: string;
  outcome: string;
  rule: string | null;
  exclusionItem: number | null;
  personName: string | null;
  date: string | null;
  amount: number | null;
  text: string;
}

/** 家庭情况 (GET /api/households/:id/picture, SPEC §7.4). */
export interface HouseholdPicture {
  householdId: string;
  code: string;
  year: number;
  mode: AssessmentMode;
  window: { from: string; to: string };
  income: { year: number; source: Provenance } | null;
  facts: { key: string; label: string; value: string | number | boolean | null; sources: Provenance[] }[];
  records: PictureRecord[];
  conflicts: PictureConflict[];
  monitoringLine: number | null;
  assessment: AssessmentResult | null;
  problems: string[];
}

export interface AssessmentResult {
  id: string;
  members: number;
  netIncome: number;
  perCapitaNetIncome: number;
  monitoringLine: number;
  decision: Decision;
  category: Category | null;
  riskTypes: string[];
  exclusions: number[];
  reasons: AssessmentReason[];
}

export const assessmentApi = {
  recordSurvey: (householdId: string, body: { kind: AssessmentMode; surveyedOn: string; facts: SurveyFacts }) =>
    api.post<{ id: string }>(`/api/households/${householdId}/surveys`, body),
  assess: (householdId: string, mode: AssessmentMode, year: number) =>
    api.postQuery<{
      result: AssessmentResult;
      year: number;
      survey: { surveyedOn: string; recordedBy: string } | null;
      conflicts: PictureConflict[];
    }>(`/api/households/${householdId}/assess`, { mode, year }),
  picture: (householdId: string, year: number, mode?: AssessmentMode) =>
    api.get<HouseholdPicture>(`/api/households/${householdId}/picture`, { year, ...(mode ? { mode } : {}) }),
};
