import { api } from './client';
import type { AuditItem, HouseholdFile, HouseholdPage, Income, Member } from './types';

export interface HouseholdQuery {
  region?: string;
  status?: string;
  category?: string;
  liftedOut?: boolean;
  name?: string;
  idNumber?: string;
  page?: number;
  pageSize?: number;
  /** The previous page's last household code: the next page by code (keyset), used when paging forward. */
  after?: string;
}

export type PersonInput = Partial<Omit<Member, 'id' | 'age'>> & { name: string; idNumber: string; relation: string };

export interface NewHousehold {
  regionCode: string;
  address?: string;
  liftedOut?: boolean;
  liftedOutYear?: number | null;
  members: PersonInput[];
}

/**
 * What 修改农户信息 may change. The responsible person is not here: the server refuses it (REGISTRY_FIELD_MOVED) and it
 * is assigned in the household's 帮扶 tab (`assistanceApi.assignResponsible`), which keeps its history and deadline.
 */
export interface HouseholdPatch {
  address?: string;
  liftedOut?: boolean;
  liftedOutYear?: number | null;
  headPersonId?: string;
  version?: number;
}

export type IncomeInput = Pick<
  Income,
  | 'year'
  | 'wage'
  | 'businessGross'
  | 'businessCost'
  | 'property'
  | 'transfer'
  | 'medicalExpense'
  | 'educationExpense'
  | 'disasterLoss'
  | 'accidentExpense'
> & { survey?: string };

/** A member as the phone keeps it for offline edits (ADR 0042): no ID number, only what may change at the door. */
export interface OfflineMember {
  id: string;
  name: string;
  relation: string;
  status: string;
  phone: string | null;
  health: string;
  disabilityLevel: number | null;
  labor: string;
  employment: string | null;
  employmentMonths: number | null;
}

/** A household of the phone's download: what the list shows, its version, and its members' changeable facts. */
export interface OfflinePackHousehold {
  id: string;
  code: string;
  headName: string | null;
  address: string;
  version: number;
  memberCount: number;
  members: OfflineMember[];
}

export type OfflineValue = string | number | null;

export interface OfflineChange {
  personId?: string;
  field: string;
  base: OfflineValue;
  value: OfflineValue;
}

export interface EditConflict {
  personId: string | null;
  memberName: string | null;
  field: string;
  base: OfflineValue;
  mine: OfflineValue;
  server: OfflineValue;
  changedBy: string | null;
  changedAt: string | null;
}

export interface OfflineEditResult {
  householdId: string;
  clientId: string;
  version: number;
  applied: { personId: string | null; field: string; value: OfflineValue }[];
  conflicts: EditConflict[];
  repeated: boolean;
}

export const householdsApi = {
  /** The phone's download for offline visits and edits, by household code (keyset). */
  offlinePack: (after?: string) =>
    api.get<{ items: OfflinePackHousehold[]; nextCursor: string | null }>('/api/households/offline-pack', {
      pageSize: 200,
      ...(after ? { after } : {}),
    }),
  /** An offline edit, once per `clientId`; fields changed meanwhile on the server come back as conflicts. */
  syncEdit: (householdId: string, body: { clientId: string; baseVersion: number; changes: OfflineChange[] }) =>
    api.post<OfflineEditResult>(`/api/households/${householdId}/offline-edits`, body),
  list: (q: HouseholdQuery) => api.get<HouseholdPage>('/api/households', { ...q }),
  create: (body: NewHousehold) => api.post<{ id: string; code: string }>('/api/households', body),
  /** Every read is audited by the server; `unmasked` (county, admin) is audited as a reveal (SPEC §17). */
  get: (id: string, unmasked = false) =>
    api.get<HouseholdFile>(`/api/households/${id}`, unmasked ? { unmasked: true } : undefined),
  update: (id: string, patch: HouseholdPatch) => api.patch<unknown>(`/api/households/${id}`, patch),
  history: (id: string) => api.get<{ items: AuditItem[]; total: number }>(`/api/households/${id}/history`),
  addMember: (id: string, person: PersonInput) => api.post<{ id: string }>(`/api/households/${id}/members`, person),
  updateMember: (personId: string, patch: Partial<PersonInput>) => api.patch<Member>(`/api/persons/${personId}`, patch),
  recordIncome: (id: string, income: IncomeInput) => api.post<Income>(`/api/households/${id}/incomes`, income),
};
