import { api } from './client';
import type { Page } from './types';

/** Shapes of the clue ledger API (src/modules/clues, SPEC §6). */
export type ClueChannel = 'self_declaration' | 'cadre_screening' | 'department' | 'social';
export type ClueStatus = 'open' | 'verifying' | 'closed';
export type ClueResult =
  | 'no_risk'
  | 'start_identification'
  | 'start_elimination'
  | 'household_change'
  | 'merged_into_case';

export interface Clue {
  id: string;
  regionCode: string;
  channel: ClueChannel;
  sourceKind: string;
  sourceRef: string;
  householdId: string | null;
  householdCode: string | null;
  /** The household's monitoring status (detail only): 启动风险消除程序 is offered for a monitored household only. */
  householdStatus?: string | null;
  personId: string | null;
  finding: string;
  facts: Record<string, unknown>;
  riskTypes: string[];
  severity: 'low' | 'normal' | 'high';
  receivedOn: string;
  dueOn: string;
  assigneeName: string | null;
  status: ClueStatus;
  result: ClueResult | null;
  resultNote: string | null;
  closedBy: string | null;
  closedAt: string | null;
  mergedCount: number;
  caseId: string | null;
  createdBy: string;
  createdAt: string;
  /** Only on the detail (GET /api/clues/:id). */
  overdue?: boolean;
}

export interface CluePage extends Page<Clue> {
  /** The server's date, against which "overdue" is judged. */
  today: string;
}

export interface ClueQuery {
  status?: 'open' | 'verifying' | 'closed' | 'unclosed';
  channel?: ClueChannel;
  region?: string;
  householdId?: string;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

export interface NewClue {
  channel: 'cadre_screening' | 'department' | 'social';
  sourceKind: string;
  sourceRef?: string;
  householdId?: string;
  regionCode?: string;
  finding: string;
  riskTypes?: string[];
  severity?: 'low' | 'normal' | 'high';
  receivedOn?: string;
  assigneeName?: string;
}

/** Structured findings of a visit that enter the household picture (issue 9 point 6; visit-findings.schema). */
export interface VisitFindings {
  risks?: {
    dropout?: boolean;
    medicalUnaffordable?: boolean;
    housingAppraisal?: 'A' | 'B' | 'C' | 'D' | null;
    waterUnsafe?: boolean;
    industryLoss?: boolean;
    laborLoss?: boolean;
  };
  suddenEvent?: 'illness' | 'disaster' | 'accident' | 'other' | null;
  medicalExpense?: number | null;
}

export interface Visit {
  householdId: string;
  visitedOn?: string;
  finding: string;
  riskTypes?: string[];
  noRisk?: boolean;
  findings?: VisitFindings;
  /** The phone's id for a visit recorded offline (issue 14 point 3): a repeat upload answers the first record. */
  clientId?: string;
  /** Where the cadre stood (the phone's position, only when the cadre allowed it). */
  location?: VisitLocation;
}

export interface VisitLocation {
  latitude: number;
  longitude: number;
  /** metres */
  accuracy?: number;
}

/** How many photos a visit may carry and how large each may be (region setting and the upload cap). */
export interface VisitRules {
  photosPerVisit: number;
  photoMaxBytes: number;
}

export interface VisitPhoto {
  id: string;
  visitClientId: string;
  mime: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

export const cluesApi = {
  list: (q: ClueQuery) => api.get<CluePage>('/api/clues', { ...q }),
  get: (id: string) => api.get<Clue>(`/api/clues/${id}`),
  overdueSummary: () => api.get<{ regionCode: string; count: number }[]>('/api/clues/overdue-summary'),
  record: (body: NewClue) => api.post<{ id: string; merged: boolean }>('/api/clues', body),
  recordVisit: (body: Visit) => api.post<{ id: string; merged: boolean }>('/api/clues/visits', body),
  visitRules: () => api.get<VisitRules>('/api/clues/visit-rules'),
  /** One photo of an uploaded visit, under the visit's id and the photo's own (a retry is the same photo). */
  uploadVisitPhoto: (clientId: string, photoId: string, photo: Blob) => {
    const form = new FormData();
    form.append('photo', photo, photo.type === 'image/png' ? 'photo.png' : 'photo.jpg');
    return api.upload<{ id: string; repeated: boolean }>(`/api/clues/visits/${clientId}/photos/${photoId}`, form);
  },
  photos: (id: string) => api.get<{ items: VisitPhoto[] }>(`/api/clues/${id}/photos`),
  photoUrl: (id: string, photoId: string) => `/api/clues/${id}/photos/${photoId}`,
  assign: (id: string, assigneeName: string) => api.post<{ ok: true }>(`/api/clues/${id}/assign`, { assigneeName }),
  close: (id: string, result: ClueResult, note: string) =>
    api.post<{ ok: true }>(`/api/clues/${id}/close`, { result, note }),
  startCase: (id: string, kind: 'inclusion' | 'elimination', note: string) =>
    api.post<{ id: string; currentStep: string; due: string | null }>(`/api/clues/${id}/start-case`, { kind, note }),
};
