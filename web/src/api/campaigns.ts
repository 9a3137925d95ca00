import { api } from './client';

/** Shapes of the campaigns API (src/modules/campaigns/campaigns.schema.ts, SPEC §15). */
export interface ChecklistItem {
  key: string;
  title: string;
  howToCheck: string;
}
export interface TaskArea {
  key: string;
  name: string;
  responsibleUnits: string[];
  items: ChecklistItem[];
}
export interface Campaign {
  id: string;
  number: number;
  name: string;
  regionCode: string;
  regionName: string;
  scope: { code: string; name: string }[];
  startsOn: string;
  endsOn: string;
  areas: TaskArea[];
  createdBy: string;
  createdAt: string;
  version: number;
  problems: { total: number; open: number; overdue: number; closed: number };
}
interface UnitRef {
  unitId: string;
  regionCode: string;
  villageName: string;
  townshipCode: string;
  townshipName: string;
}
export interface SpotCheck {
  id: string;
  number: number;
  campaignId: string;
  kind: string;
  regionCode: string;
  regionName: string;
  ratio: number;
  minRatio: number;
  seed: string;
  householdsPerVillage: number;
  strata: { stratum: string; name: string; size: number; sampled: number }[];
  villages: (UnitRef & { checkedItems: number; problemsFound: number })[];
  households: (UnitRef & { householdCode: string; checkedItems: number })[];
  problems: (UnitRef & { problemNumber: number; description: string; checkedItems: number })[];
  createdBy: string;
  createdAt: string;
  existing: boolean;
}
export interface SpotCheckSummary {
  id: string;
  number: number;
  kind: string;
  regionCode: string;
  regionName: string;
  ratio: number;
  seed: string;
  units: number;
  findings: number;
  createdBy: string;
  createdAt: string;
}
export interface Finding {
  id: string;
  unitId: string;
  regionCode: string;
  areaKey: string;
  itemKey: string;
  result: 'ok' | 'problem';
  note: string;
  problemId: string | null;
  problemNumber: number | null;
  checkedBy: string;
  checkedAt: string;
}
export interface Problem {
  id: string;
  number: number;
  campaignId: string;
  campaignName: string;
  regionCode: string;
  regionName: string;
  householdId: string | null;
  householdCode: string | null;
  project: string | null;
  areaKey: string | null;
  areaName: string | null;
  source: string;
  description: string;
  severity: string;
  owner: string;
  deadline: string;
  measures: string;
  status: 'rectifying' | 'submitted' | 'closed' | 'overdue';
  escalatedTo: string | null;
  escalatedToName: string | null;
  escalationLevels: number;
  createdBy: string;
  createdAt: string;
  closedOn: string | null;
  version: number;
  files: number;
}
export interface ProblemDetail {
  problem: Problem;
  actions: {
    type: string;
    fromStatus: string | null;
    toStatus: string;
    note: string;
    deadline: string | null;
    by: string;
    at: string;
  }[];
  fileList: { id: string; name: string; size: number; uploadedBy: string; uploadedAt: string }[];
  allowed: ('submit' | 'accept' | 'reject' | 'extend')[];
}
export interface Counts {
  found: number;
  open: number;
  submitted: number;
  closed: number;
  overdue: number;
}
export interface Figures {
  campaignId: string;
  regionCode: string;
  regionName: string;
  totals: Counts;
  byArea: (Counts & { key: string; name: string })[];
  bySource: (Counts & { key: string; name: string })[];
  byRegion: (Counts & {
    code: string;
    name: string;
    villages: number;
    sampledVillages: number;
    checkedVillages: number;
  })[];
  coverage: {
    villages: number;
    sampledVillages: number;
    checkedVillages: number;
    townships: number;
    townshipsSampled: number;
  };
}
export interface Board {
  regionCode: string;
  regionName: string;
  rows: (Counts & { code: string; name: string; escalated: number; cleared: boolean })[];
  cleared: boolean;
}
export interface CampaignReport {
  title: string;
  sections: { heading: string; paragraphs: string[] }[];
}

export const campaignsApi = {
  list: () => api.get<Campaign[]>('/api/campaigns'),
  get: (id: string) => api.get<Campaign>(`/api/campaigns/${id}`),
  create: (body: { name: string; regionCode: string; startsOn: string; endsOn: string }) =>
    api.post<Campaign>('/api/campaigns', body),
  updateAreas: (id: string, areas: TaskArea[], version: number) =>
    api.put<Campaign>(`/api/campaigns/${id}/areas`, { areas, version }),
  drawSpotCheck: (id: string, body: { ratio: number; seed: string; regionCode: string }) =>
    api.post<SpotCheck>(`/api/campaigns/${id}/spot-checks`, body),
  recheck: (id: string, body: { target: 'households' | 'problems'; ratio: number; seed: string; regionCode: string }) =>
    api.post<SpotCheck>(`/api/campaigns/${id}/rechecks`, body),
  spotChecks: (id: string) => api.get<SpotCheckSummary[]>(`/api/campaigns/${id}/spot-checks`),
  spotCheck: (id: string) => api.get<SpotCheck>(`/api/spot-checks/${id}`),
  findings: (id: string) => api.get<Finding[]>(`/api/spot-checks/${id}/findings`),
  recordFinding: (
    id: string,
    body: {
      unitId: string;
      areaKey: string;
      itemKey: string;
      result: 'ok' | 'problem';
      note?: string;
      deadline?: string;
    },
  ) => api.post<Finding>(`/api/spot-checks/${id}/findings`, body),
  figures: (id: string, regionCode?: string) => api.get<Figures>(`/api/campaigns/${id}/figures`, { regionCode }),
  report: (id: string) => api.get<CampaignReport>(`/api/campaigns/${id}/report`),
  exportUrl: (id: string) => `/api/campaigns/${id}/export`,
  board: (campaignId?: string, regionCode?: string) => api.get<Board>('/api/problem-board', { campaignId, regionCode }),
  problems: (q: { campaignId?: string; status?: string; page?: number; pageSize?: number }) =>
    api.get<{ items: Problem[]; total: number }>('/api/problems', q),
  problem: (id: string) => api.get<ProblemDetail>(`/api/problems/${id}`),
  createProblem: (body: {
    campaignId: string;
    regionCode: string;
    areaKey?: string;
    source: string;
    description: string;
    severity?: string;
    owner: string;
    deadline?: string;
  }) => api.post<Problem>('/api/problems', body),
  act: (id: string, body: { type: string; measures?: string; note?: string; reason?: string; deadline?: string }) =>
    api.post<Problem>(`/api/problems/${id}/actions`, body),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ id: string; name: string }>(`/api/problems/${id}/files`, form);
  },
};
