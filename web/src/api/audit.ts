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
