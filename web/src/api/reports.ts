import { api, toQueryString } from './client';

/** Shapes of the figures and reports API (src/modules/reports, SPEC §12). */
export interface HP {
  households: number;
  persons: number;
}
export interface ByCategory {
  total: HP;
  unstable: HP;
  marginal: HP;
  sudden: HP;
}
export interface ClueCount {
  count: number;
  households: number;
}
export type ByChannel = Record<'total' | 'self_declaration' | 'cadre_screening' | 'department' | 'social', ClueCount>;

export interface RegionFigures {
  monitored: ByCategory;
  eliminatedStock: ByCategory;
  everIncluded: ByCategory;
  included: ByCategory;
  returned: ByCategory;
  eliminated: ByCategory;
  eliminationShare: { persons: number | null; households: number | null };
  riskTypes: Record<string, HP>;
  includedRiskTypes: Record<string, HP>;
  backstop: { total: HP; dibao: HP; tekun: HP };
  measuresCoverage: HP & { share: number | null };
  responsibleCoverage: HP & { share: number | null };
  clues: { received: ByChannel; closed: ByChannel; open: ByChannel; overdue: ByChannel };
  cases: {
    started: { inclusion: number; elimination: number };
    completed: { inclusion: number; elimination: number };
    stopped: { inclusion: number; elimination: number };
    open: { inclusion: number; elimination: number };
    overdue: number | null;
    byStep:
      | { kind: string; stepCode: string; stepName: string; level: string; count: number; overdue: number }[]
      | null;
  };
  regionalRisks: { events: number; exposed: HP };
}

export interface RegionRef {
  code: string;
  name: string;
  level: number;
}
export interface Period {
  kind: 'month' | 'quarter' | 'year' | 'cumulative';
  key: string;
  start: string | null;
  end: string;
  asOf: string;
  current: boolean;
  label: string;
}
export interface FigureText {
  monitored: string;
  included: string;
  eliminated: string;
  everIncluded: string;
  backstop: string;
}
export interface TrendPoint {
  month: string;
  included: HP;
  eliminated: HP;
  monitored: HP;
  cluesReceived: number;
  cluesClosed: number;
}
export interface RankingRow {
  code: string;
  name: string;
  level: number;
  monitored: HP;
  included: HP;
  eliminated: HP;
  overdueClues: number;
  overdueSteps: number;
  overdue: number;
  measuresCoverage: number | null;
  responsibleCoverage: number | null;
  eliminationShare: number | null;
}
export interface Dashboard {
  region: RegionRef;
  period: Period;
  figures: RegionFigures;
  text: FigureText;
  trend: TrendPoint[];
  ranking: RankingRow[];
}
export type MapShape =
  | { region: RegionRef; kind: 'geo'; mapName: string; geojson: unknown }
  | { region: RegionRef; kind: 'grid'; reason: string };

export interface ReportColumn {
  title: string;
  group?: string;
}
export interface ReportTable {
  title: string;
  rowHeader: string;
  columns: ReportColumn[];
  rows: { label: string; code?: string; cells: (string | number | null)[]; total?: boolean }[];
  note?: string;
}
export interface FlatFigure {
  key: string;
  name: string;
  households?: number;
  persons?: number;
  count?: number;
  share?: number | null;
}
export interface LateRow {
  level: string;
  levelName: string;
  stepName: string;
  due: string;
  daysLate: number;
  kind: 'overdue' | 'completed_late';
  householdCode: string;
  headName: string | null;
  villageName: string | null;
  townshipName: string | null;
  procedure: string;
}
export type ReportKind = 'monthly' | 'quarterly' | 'annual';
export interface Report {
  kind: ReportKind;
  title: string;
  region: RegionRef;
  period: Period;
  unit: string;
  date: string;
  source: 'snapshot' | 'live';
  snapshot: { runId: number; asOf: string; takenAt: string; takenBy: string; trigger: string } | null;
  differences: { key: string; name: string; frozen: FlatFigure; now: FlatFigure }[];
  summary: string[];
  figures: FlatFigure[];
  tables: ReportTable[];
  trend?: TrendPoint[];
  cycle?: {
    skipped: boolean;
    message?: string;
    steps: { stepName: string; level: string; due: string }[];
    late: LateRow[];
  };
  bulletin?: string;
}
export interface FigureHousehold {
  id: string;
  code: string;
  regionCode: string;
  villageName: string | null;
  headName: string | null;
  monitoringStatus: string;
  category: string | null;
  riskTypes: string[];
  persons: number;
}

export const reportsApi = {
  dashboard: (region?: string, month?: string) => api.get<Dashboard>('/api/reports/dashboard', { region, month }),
  map: (region?: string) => api.get<MapShape>('/api/reports/map', { region }),
  report: (kind: ReportKind, period: string, region?: string) =>
    api.get<Report>(`/api/reports/${kind}`, { period, region }),
  /** URL of the report as a file (the browser downloads it with the session cookie). */
  fileUrl: (kind: ReportKind, period: string, format: 'xlsx' | 'csv', region?: string) =>
    `/api/reports/${kind}${toQueryString({ period, region, format })}`,
  households: (q: { region?: string; period: string; figure: string; page?: number; pageSize?: number }) =>
    api.get<{ items: FigureHousehold[]; total: number; persons: number }>('/api/reports/figures/households', q),
  freeze: (month: string, region?: string, reason?: string) =>
    api.post<{ runId: number; regions: number; asOf: string }>('/api/reports/snapshots', { month, region, reason }),
};
