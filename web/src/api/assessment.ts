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

export interface AssessmentReason {
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
    }>(`/api/households/${householdId}/assess`, { mode, year }),
};
