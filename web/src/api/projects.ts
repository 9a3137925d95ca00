import { api, toQueryString } from './client';

/** Shapes of the projects API (src/modules/projects/projects.schema.ts, SPEC §13). */
export type Colour = 'blue' | 'yellow' | 'red';
export type ProjectStatus =
  | 'proposed'
  | 'reviewing'
  | 'approved'
  | 'implementing'
  | 'accepted'
  | 'operating'
  | 'withdrawn';
export type Milestone = 'approval' | 'tendering' | 'construction' | 'payment' | 'final_accounts' | 'audit_acceptance';
export type BenefitWay = 'job' | 'dividend' | 'rent' | 'land_transfer' | 'purchase';

export interface Fund {
  level: 'central' | 'provincial' | 'city' | 'county';
  source: 'linkage' | 'other';
  amountYuan: number;
}
export interface KeyResponsible {
  city?: string;
  district?: string;
  town?: string;
}
export interface ProjectWarning {
  month: string;
  colour: Colour;
  reason: string;
  missedMonths: number;
  gapPoints: number;
  plannedShare: number;
  paidShare: number;
  missing: Milestone[];
}
export interface Project {
  id: string;
  number: number;
  name: string;
  regionCode: string;
  regionName: string;
  year: number;
  type: string;
  status: ProjectStatus;
  funds: Fund[];
  linkageYuan: number;
  totalYuan: number;
  fundName: string;
  taskForce: string;
  manager: string;
  managerPhone: string | null;
  keyProject: boolean;
  keyResponsible: KeyResponsible;
  description: string;
  publicityFrom: string | null;
  publicityTo: string | null;
  exitReason: string | null;
  createdAt: string;
  version: number;
  warning: ProjectWarning | null;
}
export interface PlanMonth {
  month: string;
  milestones: Milestone[];
  paymentShare: number;
}
export interface ProgressReport {
  month: string;
  milestones: Milestone[];
  worksShare: number;
  paidYuan: number;
  note: string;
  evidence: string[];
  reportedBy: string;
  reportedAt: string;
}
export interface Beneficiary {
  id: string;
  householdId: string;
  householdCode: string;
  regionCode: string;
  regionName: string;
  headName: string;
  persons: number;
  monitored: boolean;
  way: BenefitWay;
  amountYuan: number;
  note: string;
}
export interface ProjectDetail {
  project: Project;
  plan: PlanMonth[];
  progress: ProgressReport[];
  history: ProjectWarning[];
  events: { fromStatus: ProjectStatus | null; toStatus: ProjectStatus; note: string; on: string; by: string }[];
  beneficiaries: Beneficiary[];
  benefit: {
    households: number;
    persons: number;
    monitoredHouseholds: number;
    monitoredPersons: number;
    amountYuan: number;
  };
  nextStatuses: ProjectStatus[];
  canEdit: boolean;
}
export interface ProjectInput {
  name: string;
  regionCode: string;
  year: number;
  type: string;
  funds: Fund[];
  taskForce: string;
  manager: string;
  managerPhone?: string;
  keyResponsible?: KeyResponsible;
  description?: string;
}
export interface Counts {
  blue: number;
  yellow: number;
  red: number;
  total: number;
}
export interface WarningRow {
  id: string;
  number: number;
  name: string;
  regionCode: string;
  regionName: string;
  status: ProjectStatus;
  manager: string;
  keyProject: boolean;
  colour: Colour;
  reason: string;
  missedMonths: number;
  gapPoints: number;
}
export interface Bulletin {
  regionCode: string;
  regionName: string;
  month: string;
  fundName: string;
  counts: Counts;
  byRegion: (Counts & { regionCode: string; regionName: string })[];
  byManager: (Counts & { manager: string })[];
  projects: WarningRow[];
}
export interface ProjectRules {
  regionCode: string;
  setAt: string | null;
  value: {
    fundName: string;
    types: string[];
    keyProjectMinYuan: number;
    keyAreaCodes: string[];
    warning: { toleratedPoints: number; redAfterMissedMonths: number; redAbovePoints: number | null };
  };
}

export const projectsApi = {
  list: (q: { region?: string; year?: number; colour?: Colour; status?: ProjectStatus; month?: string }) =>
    api.get<Project[]>('/api/projects', q),
  get: (id: string, month?: string) => api.get<ProjectDetail>(`/api/projects/${id}`, { month }),
  create: (body: ProjectInput) => api.post<Project>('/api/projects', body),
  setStatus: (
    id: string,
    body: {
      to: ProjectStatus;
      version: number;
      note?: string;
      on?: string;
      publicityFrom?: string;
      publicityTo?: string;
      keyResponsible?: KeyResponsible;
    },
  ) => api.post<Project>(`/api/projects/${id}/status`, body),
  setPlan: (id: string, months: PlanMonth[]) => api.post<ProjectDetail>(`/api/projects/${id}/plan`, { months }),
  report: (
    id: string,
    body: {
      month: string;
      milestones: Milestone[];
      worksShare: number;
      paidYuan: number;
      note?: string;
      evidence?: string[];
    },
  ) => api.post<ProjectDetail>(`/api/projects/${id}/progress`, body),
  addBeneficiary: (id: string, body: { householdId: string; way: BenefitWay; amountYuan: number; note?: string }) =>
    api.post<ProjectDetail>(`/api/projects/${id}/beneficiaries`, body),
  bulletin: (region: string | undefined, month: string) =>
    api.get<Bulletin>('/api/projects/bulletin', { region, month }),
  bulletinExportUrl: (region: string | undefined, month: string) =>
    `/api/projects/bulletin/export${toQueryString({ region, month })}`,
  rules: (region?: string) => api.get<ProjectRules>('/api/projects/rules', { region }),
};

export interface ImportResult {
  imported: number;
  skipped: number;
  problems: { sheet: string; row: number; column: string; message: string }[];
}
export const importLibrary = (file: File, year?: number) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<ImportResult>(`/api/projects/import${toQueryString({ year })}`, form);
};

/** 双报备 (SPEC §13): the checklist of each filing and its latest review. */
export interface Filing {
  kind: 'pre' | 'post';
  items: {
    item: string;
    label: string;
    files: { id: string; name: string; size: number; uploadedBy: string; uploadedAt: string }[];
  }[];
  filing: {
    id: string;
    status: 'submitted' | 'approved' | 'returned';
    note: string;
    submittedBy: string;
    submittedAt: string;
    decisionNote: string | null;
    reviewedBy: string | null;
  } | null;
}
export const filingsApi = {
  list: (id: string) => api.get<Filing[]>(`/api/projects/${id}/filings`),
  upload: (id: string, kind: string, item: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<Filing[]>(`/api/projects/${id}/filings/${kind}/files${toQueryString({ item })}`, form);
  },
  submit: (id: string, kind: string) => api.post<Filing[]>(`/api/projects/${id}/filings/${kind}/submit`, {}),
  decide: (id: string, kind: string, decision: 'approve' | 'return', note?: string) =>
    api.post<Filing[]>(`/api/projects/${id}/filings/${kind}/decision`, { decision, ...(note ? { note } : {}) }),
};
