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
  /** The worksheet, when the file was read from several. */
  sheetName: string | null;
  importId: string;
  regionCode: string;
  name: string | null;
  idNumberMasked: string | null;
  reason: string;
  createdAt: string;
  resolvedAt: string | null;
  /** Who handled it: a user name, or the routine screening run once the person is registered. */
  resolvedBy: string | null;
  resolution: string | null;
}

/** One saved threshold or on/off setting of a rule for one region (its history is never overwritten, SPEC §3). */
export interface RuleSettingRecord {
  id: number | string;
  regionCode: string;
  thresholds: Record<string, number>;
  enabled: boolean;
  setBy: string;
  setAt: string;
}

/** A rule's settings in the region, the regions above it and the regions below it, newest first. */
export interface RuleSettingHistory {
  code: string;
  defaults: Record<string, number>;
  items: RuleSettingRecord[];
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
  ruleSettings: (code: string, region?: string) =>
    api.get<RuleSettingHistory>(`/api/screening/rules/${encodeURIComponent(code)}/settings`, { region }),
  run: (body: { region?: string; asOf?: string }) => api.post<RunResult>('/api/screening/runs', body),
  runs: (limit = 50) => api.get<ScreeningRun[]>('/api/screening/runs', { limit }),
  householdHits: (householdId: string) => api.get<HouseholdHit[]>('/api/screening/hits', { householdId }),
  quality: (q: QualityQuery) => api.get<Page<QualityItem>>('/api/data-quality', { ...q }),
  /** 处理: what was done about the item (department of the record, or a registry keeper of its region). */
  resolveQuality: (id: number | string, resolution: string) =>
    api.post<{ id: number; resolvedBy: string; resolution: string }>(`/api/data-quality/${id}/resolve`, { resolution }),
};
