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
  /** The assistance measure this benefit was counted as, if any. */
  measureId: string | null;
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
  addBeneficiary: (
    id: string,
    body: { householdId: string; way: BenefitWay; amountYuan: number; note?: string; countAsMeasure?: boolean },
  ) => api.post<ProjectDetail>(`/api/projects/${id}/beneficiaries`, body),
  bulletin: (region: string | undefined, month: string) =>
    api.get<Bulletin>('/api/projects/bulletin', { region, month }),
  bulletinExportUrl: (region: string | undefined, month: string) =>
    `/api/projects/bulletin/export${toQueryString({ region, month })}`,
  rules: (region?: string) => api.get<ProjectRules>('/api/projects/rules', { region }),
  householdBenefits: (householdId: string) =>
    api.get<HouseholdBenefit[]>(`/api/households/${householdId}/project-benefits`),
  assets: (id: string) => api.get<ProjectAsset[]>(`/api/projects/${id}/assets`),
  addAsset: (id: string, body: AssetInput) => api.post<ProjectAsset>(`/api/projects/${id}/assets`, body),
  assetRegister: (q: { region?: string; status?: AssetStatus }) => api.get<AssetRegister>('/api/project-assets', q),
  recordAssetIncome: (
    assetId: string,
    body: { year: number; incomeYuan: number; distribution: AssetIncomeShare[]; note?: string },
  ) => api.post<ProjectAsset>(`/api/project-assets/${assetId}/incomes`, body),
  requestAssetChange: (
    assetId: string,
    body: {
      kind: AssetChangeKind;
      reason: string;
      newOwnerKind?: AssetOwnerKind;
      newOwnerName?: string;
      newCaretaker?: string;
    },
  ) => api.post<ProjectAsset>(`/api/project-assets/${assetId}/changes`, body),
  decideAssetChange: (changeId: string, body: { approve: boolean; note?: string }) =>
    api.post<ProjectAsset>(`/api/project-asset-changes/${changeId}/decision`, body),
};

/** Shapes of the asset register (src/modules/projects/project-assets.schema.ts, SPEC §13 item 6). */
export type AssetKind = 'operating' | 'public' | 'household';
export type AssetOwnerKind = 'state' | 'collective';
export type AssetStatus = 'in_use' | 'written_off';
export type AssetChangeKind = 'transfer' | 'write_off';
export type IncomePurpose = 'household_dividend' | 'public_jobs' | 'collective' | 'maintenance' | 'public_works';
export interface AssetIncomeShare {
  purpose: IncomePurpose;
  amountYuan: number;
}
export interface AssetInput {
  name: string;
  kind: AssetKind;
  valueYuan: number;
  regionCode: string;
  location: string;
  ownerKind: AssetOwnerKind;
  ownerName: string;
  caretaker: string;
  registeredOn?: string;
}
export interface AssetChange {
  id: string;
  kind: AssetChangeKind;
  reason: string;
  newOwnerKind: AssetOwnerKind | null;
  newOwnerName: string | null;
  newCaretaker: string | null;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  canDecide: boolean;
}
export interface ProjectAsset {
  id: string;
  projectId: string;
  projectName: string;
  projectYear: number;
  regionCode: string;
  regionName: string;
  name: string;
  kind: AssetKind;
  valueYuan: number;
  location: string;
  ownerKind: AssetOwnerKind;
  ownerName: string;
  caretaker: string;
  status: AssetStatus;
  registeredOn: string;
  incomes: {
    year: number;
    incomeYuan: number;
    distribution: AssetIncomeShare[];
    undistributedYuan: number;
    note: string;
    reportedBy: string;
    reportedAt: string;
  }[];
  changes: AssetChange[];
}
export interface AssetRegister {
  assets: ProjectAsset[];
  totals: {
    count: number;
    valueYuan: number;
    byKind: { kind: AssetKind; count: number; valueYuan: number }[];
    pendingChanges: number;
  };
}

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

/** A project a household benefits from (联农带农), for its file. */
export interface HouseholdBenefit {
  projectId: string;
  projectName: string;
  projectStatus: ProjectStatus;
  year: number;
  way: BenefitWay;
  amountYuan: number;
  note: string;
}
