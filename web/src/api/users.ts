import { api } from './client';
import type { Role } from './types';

/** A user account as the security administrator sees it (GET /api/users, src/modules/auth/auth.repository.ts). */
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  regionCode: string;
  department: string | null;
  disabled: boolean;
  demo: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
  secondFactorEnabled: boolean;
}

export interface NewUser {
  username: string;
  displayName?: string;
  role: Role;
  regionCode: string;
  department?: string;
}

export interface UserChange {
  role?: Role;
  regionCode?: string;
  department?: string | null;
}

/** User management (issue 11 point 3); the server answers a one-time password once when none is given. */
export const usersApi = {
  list: () => api.get<UserRow[]>('/api/users'),
  create: (u: NewUser) => api.post<{ id: string; password?: string }>('/api/users', u),
  disable: (id: string) => api.post<{ ok: true; password?: string }>(`/api/users/${id}/disable`),
  enable: (id: string) => api.post<{ ok: true; password?: string }>(`/api/users/${id}/enable`),
  unlock: (id: string) => api.post<{ ok: true; password?: string }>(`/api/users/${id}/unlock`),
  resetPassword: (id: string) => api.post<{ ok: true; password?: string }>(`/api/users/${id}/reset-password`),
  change: (id: string, change: UserChange) => api.patch<UserChange>(`/api/users/${id}`, change),
};
