import { api } from './client';

/** Shapes of the export API (src/modules/exports; issue 13 points 4, 7). */
export type LedgerName =
  | 'households'
  | 'monitored'
  | 'clues'
  | 'cases'
  | 'measures'
  | 'gaps'
  | 'imports'
  | 'handover'
  | 'audit';

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed' | 'expired' | 'cancelled';

export interface ExportJob {
  id: string;
  ledger: LedgerName;
  status: ExportStatus;
  rowsWritten: number;
  totalEstimate: number | null;
  percent: number;
  fileName: string;
  /** Bytes of the finished file. */
  fileSize: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When the finished file is deleted (exports.retentionDays). */
  expiresAt: string | null;
}

/** Status names as users read them. */
export const EXPORT_STATUS_LABELS: Record<ExportStatus, string> = {
  queued: '排队中',
  running: '导出中',
  done: '已完成',
  failed: '失败',
  expired: '已过期清除',
  cancelled: '已取消',
};

/** A file size as people read it: 850 KB, 22.8 MB. */
export function fileSizeText(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A list page's filters: page and pageSize are the table's, not the export's; empty values are left out. */
export function exportFilters(query: object): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(query)) {
    if (k === 'page' || k === 'pageSize' || v === undefined || v === null || v === '') continue;
    out[k] = v as string | number | boolean;
  }
  return out;
}

export const exportsApi = {
  start: (ledger: LedgerName, filters: Record<string, unknown>, unmasked?: boolean) =>
    api.post<ExportJob>('/api/exports', { ledger, filters, ...(unmasked ? { unmasked } : {}) }),
  get: (id: string) => api.get<ExportJob>(`/api/exports/${id}`),
  /** The user's own jobs, newest first (the server keeps the last 20). */
  mine: () => api.get<{ items: ExportJob[] }>('/api/exports'),
  cancel: (id: string) => api.post<ExportJob>(`/api/exports/${id}/cancel`),
  fileUrl: (id: string) => `/api/exports/${id}/file`,
};
