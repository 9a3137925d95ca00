import { api } from './client';
import type { Page } from './types';

/** Shapes of the department data screening API (src/modules/screening, SPEC §10). */
export type ConditionKind = 'record_test' | 'household_sum_window' | 'household_per_capita' | 'period_drop';
export type Signal = 'risk' | 'watch' | 'check' | 'exclusion' | 'social';
export type Severity = 'low' | 'normal' | 'high';

/** A rule with the thresholds and on/off in force for `region` (its own setting or inherited from above). */
export interface ScreeningRule {
  code: string;
  name: string;
  department: string;
  recordKind: string;
  conditionKind: ConditionKind;
  condition: unknown;
  thresholds: Record<string, number>;
  defaults: Record<string, number>;
  signal: Signal;
  riskType: string | null;
  exclusionItem: number | null;
  severity: Severity;
  finding: string;
  enabled: boolean;
  region: string;
}

export interface RuleSetting {
  regionCode: string;
  thresholds?: Record<string, number>;
  enabled: boolean;
}

export interface RunResult {
  runId: string | null;
  region: string;
  asOf: string;
  rules: number;
  hits: number;
  cluesCreated: number;
  cluesMerged: number;
  qualityItems: number;
  perRule: { code: string; hits: number; ms: number }[];
}

export interface ScreeningRun {
  id: string;
  regionCode: string;
  trigger: 'manual' | 'schedule' | 'import';
  importId: string | null;
  asOf: string;
  rules: number;
  hits: number;
  cluesCreated: number;
  cluesMerged: number;
  qualityItems: number;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
}

export interface HouseholdHit {
  id: number | string;
  ruleCode: string;
  ruleName: string;
  signal: Signal;
  exclusionItem: number | null;
  riskType: string | null;
  finding: string;
  facts: Record<string, unknown>;
  clueKey: string | null;
  createdAt: string;
}

/** 数据质量问题: a department record that hit a rule on a person the registry does not hold. */
export interface QualityItem {
  id: number | string;
  kind: 'unmatched_person';
  ruleCode: string;
  department: string;
  recordKind: string;
  period: string;
  rowNumber: number;
  importId: string;
  regionCode: string;
  name: string | null;
  idNumberMasked: string | null;
  reason: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface QualityQuery {
  region?: string;
  department?: string;
  open?: boolean;
  page?: number;
  pageSize?: number;
}

export const screeningApi = {
  rules: (region?: string) => api.get<ScreeningRule[]>('/api/screening/rules', { region }),
  setRule: (code: string, body: RuleSetting) =>
    api.post<ScreeningRule>(`/api/screening/rules/${encodeURIComponent(code)}/settings`, body),
  run: (body: { region?: string; asOf?: string }) => api.post<RunResult>('/api/screening/runs', body),
  runs: (limit = 50) => api.get<ScreeningRun[]>('/api/screening/runs', { limit }),
  householdHits: (householdId: string) => api.get<HouseholdHit[]>('/api/screening/hits', { householdId }),
  quality: (q: QualityQuery) => api.get<Page<QualityItem>>('/api/data-quality', { ...q }),
};
