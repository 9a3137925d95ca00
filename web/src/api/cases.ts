import type { AssessmentResult } from './assessment';
import { api } from './client';
import type { Category, Page } from './types';

/** Shapes of the procedures API (src/modules/cases, src/domain/procedures; SPEC §8). */
export type ProcedureKind = 'inclusion' | 'elimination';
export type StepLevel = 'village' | 'township' | 'county' | 'department';
export type CaseStatus =
  | 'in_progress'
  | 'returned'
  | 'publicity'
  | 'blocked_objection'
  | 'completed'
  | 'rejected'
  | 'closed';
export type CaseOutcome = 'completed' | 'rejected' | 'closed';
export type NotificationKind = 'acceptance' | 'identification' | 'exit';

export interface RecordRequirement {
  code: string;
  name: string;
  kind: string;
  required: boolean;
  alternatives?: string[];
}

export type StepDeadline =
  | { kind: 'day_of_month'; day: number }
  | { kind: 'working_days_from_previous'; days: number }
  | { kind: 'working_days_from_start'; days: number }
  | { kind: 'calendar_days_from_previous'; days: number };

export interface StepDef {
  code: string;
  name: string;
  level: StepLevel;
  description?: string;
  records: RecordRequirement[];
  deadline?: StepDeadline;
  publicity?: { days: number; unit: 'working' | 'calendar' };
  notification?: NotificationKind;
  meeting?: true;
}

export interface ProcedureTemplate {
  code: string;
  name: string;
  kind: ProcedureKind;
  version: number;
  source?: string;
  defaults?: string[];
  steps: StepDef[];
}

export interface Meeting {
  date: string;
  attendees: string[];
  votesFor: number;
  votesAgainst: number;
  abstentions?: number;
  chair?: string;
  resolution?: string;
}

export interface PublicityPeriod {
  start: string;
  end: string;
  firstCountedDay: string;
  days: number;
  unit: 'working' | 'calendar';
  uncertain: boolean;
  /** Same as `uncertain`: the end is a weekends-only estimate (issue 10). */
  estimated?: boolean;
}

export interface Objection {
  seq: number;
  /** Number within the case (issue 10); absent on objections recorded before it existed. */
  no?: number;
  receivedOn: string;
  note: string;
  from?: string;
  answer?: { seq: number; on: string; decision: 'upheld' | 'dismissed'; note: string };
}

export interface Attachment {
  recordCode: string;
  fileId: string;
}

export interface StepProgress {
  stepIndex: number;
  enteredOn: string;
  attachments: Attachment[];
  meeting?: Meeting;
  publicity?: PublicityPeriod;
  objections: Objection[];
  returnedReason?: string;
}

export interface CaseState {
  template: ProcedureTemplate;
  startedOn: string;
  status: CaseStatus;
  current: StepProgress;
  completed: { stepIndex: number; completedOn: string; seq: number }[];
  result?: { outcome: CaseOutcome; on: string; reason?: string; decision?: string };
}

export interface StepDue {
  stepIndex: number;
  stepCode: string;
  stepName: string;
  level: StepLevel;
  due: string | null;
  own: boolean;
  basis: string;
  onDayOff: boolean;
  uncertain: boolean;
}

export interface CaseActionRecord {
  seq: number;
  type: string;
  stepCode: string;
  username: string;
  role: string;
  at: string;
  decision: string | null;
  note: string | null;
  attachments: Attachment[];
  meeting: Meeting | null;
}

export interface CaseNotification {
  id: string;
  kind: NotificationKind;
  outcome: string;
  text: string;
  issuedOn: string;
  revokedAt: string | null;
}

export interface CaseFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface CaseDetail {
  id: string;
  regionCode: string;
  householdId: string;
  kind: ProcedureKind;
  templateCode: string;
  templateVersion: number;
  state: CaseState;
  status: CaseStatus;
  currentStep: string | null;
  currentLevel: StepLevel | null;
  currentDue: string | null;
  startedOn: string;
  finishedOn: string | null;
  outcome: CaseOutcome | null;
  clueId: string | null;
  assessment: { year?: number; result?: AssessmentResult; reasonText?: string } | null;
  category: Category | null;
  categoryReason: string | null;
  riskTypes: string[];
  overdue: boolean;
  step: StepDef & { index: number; missingRecords: RecordRequirement[] };
  publicity: PublicityPeriod | null;
  objections: Objection[];
  deadlines: StepDue[];
  actions: CaseActionRecord[];
  notifications: CaseNotification[];
  files: CaseFile[];
  canAct: boolean;
  /** Incremented by every action: a quick way to notice the case changed. */
  version: number;
}

export interface CaseRow {
  id: string;
  kind: ProcedureKind;
  regionCode: string;
  householdId: string;
  householdCode: string;
  headName: string | null;
  templateCode: string;
  status: CaseStatus;
  currentStep: string | null;
  currentLevel: StepLevel | null;
  currentDue: string | null;
  /** The due date lies in a year without an official holiday calendar: weekends-only estimate (issue 10). */
  dueEstimated?: boolean;
  startedOn: string;
  outcome: CaseOutcome | null;
  category: Category | null;
}

export interface CaseQuery {
  kind?: ProcedureKind;
  open?: boolean;
  region?: string;
  householdId?: string;
  level?: StepLevel;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

/** Body of POST /api/cases/:id/actions (src/modules/cases/cases.schema.ts). */
export interface CaseActionInput {
  type:
    | 'attach_records'
    | 'complete_step'
    | 'start_publicity'
    | 'record_objection'
    | 'answer_objection'
    | 'return'
    | 'reject'
    | 'close'
    | 'reverse';
  note?: string;
  decision?: string;
  attachments?: Attachment[];
  meeting?: Meeting;
  startDate?: string;
  receivedOn?: string;
  from?: string;
  objectionSeq?: number;
  toStepCode?: string;
  category?: Category;
  categoryReason?: string;
  assessmentYear?: number;
  /** 核实说明 of the household picture's conflicts (SPEC §7.4). */
  verificationNote?: string;
}

export const casesApi = {
  /** `{ items, total }`: the server does not echo the page. */
  list: (q: CaseQuery) => api.get<Pick<Page<CaseRow>, 'items' | 'total'>>('/api/cases', { ...q }),
  get: (id: string) => api.get<CaseDetail>(`/api/cases/${id}`),
  start: (householdId: string, kind: ProcedureKind) =>
    api.post<{ id: string; currentStep: string; due: string | null }>('/api/cases', { householdId, kind }),
  act: (id: string, body: CaseActionInput) =>
    api.post<{ id: string; status: CaseStatus; outcome: CaseOutcome | null; currentStep: string | null }>(
      `/api/cases/${id}/actions`,
      body,
    ),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<{ id: string; name: string; mime: string; size: number }>(`/api/cases/${id}/files`, form);
  },
  fileUrl: (id: string, fileId: string) => `/api/cases/${id}/files/${fileId}`,
  publicityNotice: (id: string) => api.text(`/api/cases/${id}/publicity-notice`),
  /** The village's list of the round (issue 10): every household whose publicity started that day. */
  publicityList: (village: string, kind: ProcedureKind, start: string) =>
    api.text('/api/publicity-lists', { village, kind, start }),
  notificationUrl: (id: string) => `/api/notifications/${id}`,
};
