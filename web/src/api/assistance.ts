import { api } from './client';

/** Shapes of the assistance API (src/modules/assistance, SPEC §9); kept by hand, checked by the browser test. */
export type MeasureStatus = 'planned' | 'in_progress' | 'completed' | 'cancelled';
export type LineOfDefence = 'development' | 'protective' | 'spiritual';
export type BackstopKind = 'dibao' | 'tekun';
export type ProposalStatus = 'proposed' | 'approved' | 'rejected';
export type ReviewOutcome = 'start_elimination' | 'continue_assistance' | 'keep_monitoring';
export type RiskColour = 'red' | 'yellow' | 'green';

export interface MeasureProgress {
  id: number;
  measureId: string;
  notedOn: string;
  note: string;
  statusAfter: MeasureStatus;
  recordedBy: string;
  recordedAt: string;
}

export interface Measure {
  id: string;
  householdId: string;
  regionCode: string;
  type: string;
  subtype: string;
  name: string;
  lineOfDefence: LineOfDefence;
  answersRisks: string[];
  content: string;
  department: string;
  responsiblePerson: string | null;
  startOn: string | null;
  plannedEndOn: string | null;
  /** Yuan. */
  amount: number | null;
  fundSource: string | null;
  status: MeasureStatus;
  result: string | null;
  finishedOn: string | null;
  origin: 'accepted' | 'changed' | 'added' | 'backstop';
  suggestionRule: string | null;
  suggestionReason: string | null;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  typeName: string;
  lineOfDefenceName: string;
  departmentName: string;
  statusName: string;
}

export type MeasureWithProgress = Measure & { progress: MeasureProgress[] };

export interface Responsible {
  name: string;
  phone: string;
  unit: string;
  assignedOn: string;
  dueOn: string | null;
  assignedBy: string;
  assignedAt: string;
}

export interface BackstopProposal {
  id: string;
  householdId: string;
  regionCode: string;
  kind: BackstopKind;
  reason: string;
  status: ProposalStatus;
  grantedKind: BackstopKind | null;
  decidedOn: string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedVia: 'decision' | 'feed_match' | null;
  measureId: string | null;
  proposedBy: string;
  proposedAt: string;
  householdCode: string;
  headName: string | null;
}

/** GET /api/households/:id/assistance: everything assistance knows about one household, with its 三色. */
export interface HouseholdAssistance {
  householdId: string;
  householdCode: string;
  monitoringStatus: 'none' | 'monitored' | 'eliminated';
  category: string | null;
  riskTypes: string[];
  includedOn: string | null;
  backstop: BackstopKind | null;
  responsible: { current: Responsible | null; dueOn: string | null; overdue: boolean; history: Responsible[] };
  measures: MeasureWithProgress[];
  unansweredRisks: string[];
  overdueMeasures: string[];
  backstopProposals: BackstopProposal[];
  latestReview: { outcome: ReviewOutcome; year: number; meetingDate: string } | null;
  riskColour: { colour: RiskColour; reason: string };
}

export interface SuggestedMeasure {
  subtype: string;
  name: string;
  type: string;
  lineOfDefence: LineOfDefence;
  answersRisks: string[];
  rule: string;
  reason: string;
  department: string;
  departmentName: string;
  priority: number;
  content: string;
}

/** GET /api/households/:id/plan-suggestion (缺什么补什么): shown only, never applied by itself. */
export interface PlanSuggestion {
  householdId: string;
  householdCode: string;
  category: string | null;
  riskTypes: string[];
  facts: {
    labour: 'has' | 'partial' | 'none';
    labourName: string;
    stableWorkIncome: boolean;
    stableWorkIncomeSource: 'registry' | 'staff';
    weakMotivation: boolean;
    backstop: BackstopKind | null;
  };
  unansweredRisks: string[];
  measures: SuggestedMeasure[];
  notes: string[];
  gaps: string[];
  backstopProposal?: { kind: BackstopKind; department: string; reason: string };
}

export interface CatalogueEntry {
  code: string;
  name: string;
  type: string;
  lineOfDefence: LineOfDefence;
  answersRisks: string[];
  department: string;
  needsLaborCapacity: boolean;
  content: string;
  mandatory?: boolean;
  source: string;
  enabled: boolean;
  disabledBy?: string;
  typeName: string;
  lineOfDefenceName: string;
  departmentName: string;
}

export interface NewSubtype {
  code: string;
  name: string;
  type: string;
  lineOfDefence: LineOfDefence;
  answersRisks: string[];
  department: string;
  needsLaborCapacity: boolean;
  content: string;
}

export interface CatalogueRename {
  code: string;
  name?: string;
  content?: string;
  department?: string;
}

/** One region's changes to the catalogue it inherits; a PUT replaces the region's whole override. */
export interface CatalogueOverride {
  disable?: string[];
  add?: NewSubtype[];
  rename?: CatalogueRename[];
}

export interface RegionCatalogue {
  regionCode: string;
  /** The overrides stored at the region and its ancestors, highest level first. */
  overrides: (CatalogueOverride & { regionCode: string })[];
  catalogue: CatalogueEntry[];
}

export interface CatalogueVersion {
  regionCode: string;
  value: CatalogueOverride;
  setAt: string;
}

export interface GapHousehold {
  householdId: string;
  householdCode: string;
  regionCode: string;
  headName: string | null;
}

export interface Gaps {
  region: string;
  today: string;
  withoutResponsible: {
    items: (GapHousehold & { includedOn: string; dueOn: string; daysOverdue: number })[];
    count: number;
    truncated: boolean;
  };
  unansweredRisks: {
    items: (GapHousehold & { riskTypes: string[]; gaps: string[]; gapNames: string[] })[];
    count: number;
    truncated: boolean;
  };
}

export interface RateRow {
  regionCode: string;
  regionName?: string | null;
  households: number;
  persons: number;
  withMeasures: number;
  withMeasuresPersons: number;
  withResponsible: number;
  withResponsiblePersons: number;
  withBackstop: number;
  withBackstopPersons: number;
  /** Percent with two decimals; null when there is no monitored household. */
  measuresRate: number | null;
  responsibleRate: number | null;
  backstopRate: number | null;
}

export interface Rates {
  region: string;
  total: RateRow;
  regions: RateRow[];
}

export type DepartmentMeasure = Measure & { householdCode: string };

export interface ReviewRound {
  id: string;
  villageCode: string;
  year: number;
  meetingDate: string;
  attendees: string[];
  minutes: string;
  createdBy: string;
  createdAt: string;
  householdCount?: number;
}

export interface ReviewReason {
  rule: string;
  text: string;
}

export interface ReviewFindings {
  labour: 'has' | 'partial' | 'none';
  risksGone: string[];
  risksRemaining: string[];
  risksWithoutMeasure: string[];
  untargetedMeasures: string[];
  ineffectiveMeasures: string[];
  notYetJudged: string[];
  incomeAboveLine: boolean;
}

/** What the village meeting judged for one household (SPEC §9). */
export interface HouseholdJudgement {
  measuresTargeted: boolean;
  measuresEffective: boolean | null;
  measureJudgements?: { measureId: string; targeted?: boolean; effective?: boolean | null }[];
  riskPointsGone: string[];
  riskPointEvidence?: Record<string, string>;
  incomeStable: boolean;
  rigidExpenditureControllable: boolean;
  basicNeedsSecured: boolean;
  weakMotivation?: boolean;
  perCapitaIncome?: number;
  previousPerCapitaIncome?: number | null;
  note?: string;
}

export interface ReviewResult {
  id: string;
  reviewId: string;
  householdId: string;
  judgement: HouseholdJudgement & { line?: number };
  outcome: ReviewOutcome;
  reasons: ReviewReason[];
  followUps: string[];
  findings: ReviewFindings;
  caseId: string | null;
  clueId: string | null;
  reviewedBy: string;
  reviewedAt: string;
  householdCode: string;
  headName: string | null;
}

export type ReviewRoundDetail = ReviewRound & { households: ReviewResult[] };

export interface VillagePublicity {
  village: { code: string; name: string };
  regionPath: string;
  generatedOn: string;
  households: {
    householdCode: string;
    headName: string | null;
    memberCount: number;
    category: string | null;
    categoryName: string | null;
    riskNames: string[];
    responsible: { name: string; unit: string | null; phone: string | null } | null;
    measures: {
      typeName: string;
      name: string;
      content: string;
      departmentName: string;
      responsiblePerson: string | null;
      startOn: string | null;
      plannedEndOn: string | null;
      amount: number | null;
      fundSource: string | null;
      statusName: string;
    }[];
  }[];
  totals: { households: number; persons: number };
}

export interface MeasureFields {
  content?: string;
  department?: string;
  responsiblePerson?: string | null;
  startOn?: string | null;
  plannedEndOn?: string | null;
  amount?: number | null;
  fundSource?: string | null;
}

export interface NewMeasure extends MeasureFields {
  subtype: string;
  answersRisks?: string[];
  suggestionRule?: string;
  suggestionReason?: string;
}

export interface MeasurePatch extends MeasureFields {
  status?: MeasureStatus;
  result?: string | null;
  finishedOn?: string | null;
  version?: number;
}

export interface ProgressInput {
  note: string;
  notedOn?: string;
  status?: MeasureStatus;
  result?: string;
}

export interface ResponsibleInput {
  name: string;
  phone: string;
  unit: string;
  assignedOn?: string;
}

export interface BackstopDecision {
  decision: 'approved' | 'rejected';
  grantedKind?: BackstopKind;
  decidedOn: string;
  note?: string;
}

/** 明白卡 (SPEC §16): what the server lets a card print — no ID, income or health. */
export interface HouseholdCard {
  householdId: string;
  householdCode: string;
  regionPath: string;
  address: string;
  headName: string | null;
  members: { name: string; relation: string }[];
  monitored: boolean;
  categoryName: string | null;
  riskNames: string[];
  includedOn: string | null;
  responsible: { name: string; unit: string | null; phone: string | null } | null;
  measures: { name: string; typeName: string; departmentName: string; statusName: string }[];
  policies: { name: string; departmentName: string }[];
}

export interface HouseholdCards {
  title: string;
  hotline: string;
  generatedOn: string;
  cards: HouseholdCard[];
}

export const assistanceApi = {
  /** Every call is audited by the server (打印明白卡). */
  cards: (q: { household: string } | { village: string }) => api.get<HouseholdCards>('/api/assistance/cards', q),
  /** 三色 of a page of households (at most 200); households outside the user's region are left out. */
  colours: (householdIds: string[]) =>
    api.get<Record<string, { colour: RiskColour; reason: string }>>('/api/households/risk-colours', {
      ids: householdIds.join(','),
    }),
  summary: (householdId: string) => api.get<HouseholdAssistance>(`/api/households/${householdId}/assistance`),
  /** Every call is audited by the server (帮扶计划建议 viewed). */
  suggest: (householdId: string, q: { weakMotivation?: boolean; stableWorkIncome?: boolean } = {}) =>
    api.get<PlanSuggestion>(`/api/households/${householdId}/plan-suggestion`, q),
  addMeasure: (householdId: string, body: NewMeasure) =>
    api.post<Measure & { warnings: string[] }>(`/api/households/${householdId}/measures`, body),
  assignResponsible: (householdId: string, body: ResponsibleInput) =>
    api.put<{ name: string; phone: string; unit: string; assignedOn: string; dueOn: string | null; onTime: boolean }>(
      `/api/households/${householdId}/responsible`,
      body,
    ),
  propose: (householdId: string, body: { kind: BackstopKind; reason: string }) =>
    api.post<{ id: string }>(`/api/households/${householdId}/backstop-proposals`, body),

  measures: (q: { department?: string; status?: MeasureStatus }) =>
    api.get<{ items: DepartmentMeasure[] }>('/api/measures', q),
  measure: (id: string) => api.get<MeasureWithProgress>(`/api/measures/${id}`),
  updateMeasure: (id: string, patch: MeasurePatch) => api.patch<Measure>(`/api/measures/${id}`, patch),
  addProgress: (id: string, body: ProgressInput) =>
    api.post<{ id: number; status: MeasureStatus }>(`/api/measures/${id}/progress`, body),

  catalogue: (region: string) => api.get<RegionCatalogue>('/api/assistance/catalogue', { region }),
  catalogueHistory: (region: string) => api.get<CatalogueVersion[]>('/api/assistance/catalogue/history', { region }),
  setCatalogue: (regionCode: string, override: CatalogueOverride) =>
    api.put<{ regionCode: string; catalogue: CatalogueEntry[] }>('/api/assistance/catalogue', {
      regionCode,
      ...override,
    }),

  gaps: (region?: string) => api.get<Gaps>('/api/assistance/gaps', { region }),
  rates: (region?: string) => api.get<Rates>('/api/assistance/rates', { region }),

  reviews: (q: { village?: string; year?: number }) => api.get<{ items: ReviewRound[] }>('/api/assistance/reviews', q),
  review: (id: string) => api.get<ReviewRoundDetail>(`/api/assistance/reviews/${id}`),
  startReview: (body: {
    villageCode: string;
    year: number;
    meeting: { date: string; attendees: string[]; minutes: string };
  }) => api.post<{ id: string }>('/api/assistance/reviews', body),
  judge: (reviewId: string, householdId: string, body: HouseholdJudgement) =>
    api.post<Omit<ReviewResult, 'judgement' | 'householdCode' | 'headName' | 'reviewedBy' | 'reviewedAt'>>(
      `/api/assistance/reviews/${reviewId}/households/${householdId}`,
      body,
    ),

  proposals: (q: { region?: string; status?: ProposalStatus }) =>
    api.get<{ items: BackstopProposal[] }>('/api/backstop-proposals', q),
  decide: (id: string, body: BackstopDecision) =>
    api.post<BackstopProposal>(`/api/backstop-proposals/${id}/decision`, body),

  publicity: (village: string) => api.get<VillagePublicity>('/api/assistance/publicity', { village }),
  /** The printable page the server renders (self-contained HTML, no ID numbers). */
  publicityHtmlUrl: (village: string) => `/api/assistance/publicity.html?village=${encodeURIComponent(village)}`,
};
