import { api } from './client';
import type { AuditItem, Page } from './types';

export interface AuditQuery {
  action?: string;
  username?: string;
  householdId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const auditApi = {
  list: (q: AuditQuery) => api.get<Page<AuditItem>>('/api/audit', { ...q }),
};

/** A problem the chain or an archive check found, named in Chinese (src/modules/audit/audit-admin.service.ts). */
export interface ChainProblem {
  kind: string;
  text: string;
  seq: string | null;
  at?: string | null;
  username?: string | null;
  userName?: string | null;
  action?: string | null;
}

export interface ChainVerification {
  ok: boolean;
  links: number;
  head: { seq: string; hash: string } | null;
  problems: ChainProblem[];
  summary: string;
  checkedAt: string;
}

export interface ArchiveVerification {
  ok: boolean;
  rows: number;
  problems: ChainProblem[];
  summary: string;
}

export interface AuditArchive {
  id: string;
  archivedAt: string;
  cutoff: string;
  rows: number;
  fileName: string;
  fileSha256: string;
  archivedBy: string;
  lastHash: string;
  fileOnServer: boolean;
}

/** The audit administrator's tools (issue 11 point 4): each call is itself audited. */
export const auditAdminApi = {
  verify: () => api.post<ChainVerification>('/api/audit/verify'),
  archives: () => api.get<{ items: AuditArchive[] }>('/api/audit/archives'),
  verifyArchive: (id: string) => api.post<ArchiveVerification>(`/api/audit/archives/${id}/verify`),
  /** The streamed Excel file with the page's filters (page and page size left out). */
  exportUrl: (q: AuditQuery) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) {
      if (k === 'page' || k === 'pageSize' || v === undefined || v === null || v === '') continue;
      p.set(k, String(v));
    }
    const s = p.toString();
    return `/api/audit/export.xlsx${s ? `?${s}` : ''}`;
  },
};
