import { api } from './client';

/** The government relief platform (src/modules/relief, SPEC §14). */
export interface ReliefItem {
  code: string;
  name: string;
  department: string;
  departmentName: string;
  limitDays: number;
  materials: string[];
  needsRegistryMatch: boolean;
  enabled: boolean;
}

export interface ReliefApplication {
  channel: 'self' | 'proxy';
  applicantName: string;
  idNumber: string;
  phone: string;
  villageCode: string;
  itemCode: string;
  description: string;
  proxy?: { name: string; relation: string; phone: string };
}

export interface ReliefSubmitted {
  trackingCode: string;
  itemName: string;
  departmentName: string;
  dueOn: string;
  dueEstimated: boolean;
  photosAllowed: number;
  message: string;
}

export interface ReliefStep {
  seq: number;
  action: string;
  actionName: string;
  actorName: string;
  fromDepartmentName: string | null;
  toDepartmentName: string | null;
  note: string | null;
  at: string;
}

export interface ReliefPublicStatus {
  trackingCode: string;
  itemName: string;
  village: string;
  departmentName: string;
  status: string;
  statusName: string;
  receivedOn: string;
  dueOn: string;
  dueEstimated: boolean;
  overdue: boolean;
  outcomeName: string | null;
  resultNote: string | null;
  rating: number | null;
  needsConfirmation: boolean;
  canRate: boolean;
  photoCount: number;
  photosAllowed: number;
  steps: ReliefStep[];
}

export interface ReliefPhoto {
  id: string;
  seq: number;
  size: number;
  mime: string;
}

export interface ReliefRequest {
  id: string;
  trackingCode: string;
  regionCode: string;
  village: string;
  itemCode: string;
  itemName: string;
  department: string;
  departmentName: string;
  channel: string;
  channelName: string;
  applicantName: string;
  status: 'submitted' | 'accepted' | 'replied';
  statusName: string;
  receivedOn: string;
  dueOn: string;
  dueEstimated: boolean;
  outcomeName: string | null;
  urgedCount: number;
  rating: number | null;
  householdId: string | null;
  overdue: boolean;
  escalation: 'none' | 'county' | 'prefecture';
  escalationName: string;
}

export interface ReliefDetail extends ReliefRequest {
  description: string;
  resultNote: string | null;
  idNumber: string;
  phone: string;
  proxyName: string | null;
  proxyRelation: string | null;
  confirmedAt: string | null;
  filedBy: string | null;
  ratingNote: string | null;
  inRegistry: boolean;
  mayHandle: boolean;
  steps: ReliefStep[];
  photos: ReliefPhoto[];
}

export interface ReliefFigures {
  region: string;
  month: string;
  totals: Record<'received' | 'replied' | 'inTime' | 'overdue' | 'rated' | 'satisfied', number>;
  items: ({ itemCode: string; itemName: string; departmentName: string } & ReliefFigures['totals'])[];
}

/** 政府托举: a registered member (personId), or the applicant typed in by the cadre. */
export interface GovernmentFiling {
  personId?: string;
  applicantName?: string;
  idNumber?: string;
  villageCode?: string;
  phone: string;
  itemCode: string;
  description: string;
}

/** A catalogue entry as the county edits it (PUT /api/relief-items). */
export interface ReliefItemEdit {
  code: string;
  name: string;
  department: string;
  limitDays: number;
  materials: string[];
  needsRegistryMatch: boolean;
  riskTypes: string[];
  enabled: boolean;
}

export type ReliefActionBody =
  | { type: 'accept'; note?: string }
  | { type: 'refer'; department: string; reason: string }
  | { type: 'reply'; outcome: 'resolved' | 'not_eligible'; note: string }
  | { type: 'urge'; note: string };

export const reliefApi = {
  items: (village: string) => api.get<ReliefItem[]>('/api/public/relief-items', { village }),
  apply: (body: ReliefApplication) => api.post<ReliefSubmitted>('/api/public/relief-requests', body),
  status: (code: string, phone: string) =>
    api.get<ReliefPublicStatus>(`/api/public/relief-requests/${encodeURIComponent(code)}`, { phone }),
  confirm: (code: string, phone: string) =>
    api.post<{ confirmed: boolean }>(`/api/public/relief-requests/${encodeURIComponent(code)}/confirm`, { phone }),
  rate: (code: string, phone: string, rating: number, note?: string) =>
    api.post<{ rating: number }>(`/api/public/relief-requests/${encodeURIComponent(code)}/rating`, {
      phone,
      rating,
      note,
    }),
  list: (query: { status?: string; page?: number; pageSize?: number }) =>
    api.get<{ total: number; items: ReliefRequest[] }>('/api/relief-requests', query),
  overdue: () => api.get<{ asOf: string; total: number; items: ReliefRequest[] }>('/api/relief-requests/overdue'),
  figures: (region: string, month: string) => api.get<ReliefFigures>('/api/relief-requests/figures', { region, month }),
  detail: (id: string) => api.get<ReliefDetail>(`/api/relief-requests/${id}`),
  file: (body: GovernmentFiling) => api.post<ReliefSubmitted>('/api/relief-requests', body),
  forHousehold: (householdId: string) => api.get<ReliefRequest[]>(`/api/households/${householdId}/relief-requests`),
  catalogue: (region: string) =>
    api.get<{ regionCode: string; items: (ReliefItem & { riskTypes: string[] })[] }>('/api/relief-items', { region }),
  setCatalogue: (region: string, items: ReliefItemEdit[]) =>
    api.put<{ regionCode: string; items: ReliefItem[] }>('/api/relief-items', { region, items }),
  /** The applicant's photo (public, with the tracking code and phone); the phone field goes before the file. */
  addPublicPhoto: (code: string, phone: string, photo: Blob) => {
    const form = new FormData();
    form.append('phone', phone);
    form.append('photo', photo, 'photo.jpg');
    return api.upload<ReliefPhoto>(`/api/public/relief-requests/${encodeURIComponent(code)}/photos`, form);
  },
  addPhoto: (id: string, photo: Blob) => {
    const form = new FormData();
    form.append('photo', photo, 'photo.jpg');
    return api.upload<ReliefPhoto>(`/api/relief-requests/${id}/photos`, form);
  },
  photoUrl: (id: string, photoId: string) => `/api/relief-requests/${id}/photos/${photoId}`,
  act: (id: string, body: ReliefActionBody) => api.post<{ status: string }>(`/api/relief-requests/${id}/actions`, body),
};
