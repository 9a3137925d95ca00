import { api } from './client';
import type { CurrentUser } from './types';

export const authApi = {
  login: (username: string, password: string) => api.post<CurrentUser>('/api/auth/login', { username, password }),
  logout: () => api.post<{ ok: boolean }>('/api/auth/logout'),
  me: () => api.get<CurrentUser>('/api/auth/me'),
  mode: () => api.get<{ demo: boolean }>('/api/auth/mode'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: boolean }>('/api/auth/password', { currentPassword, newPassword }),
  setupSecondFactor: () => api.post<{ secret: string; uri: string }>('/api/auth/second-factor/setup'),
  enableSecondFactor: (code: string) =>
    api.post<{ recoveryCodes: string[] }>('/api/auth/second-factor/enable', { code }),
  verifySecondFactor: (code: string) =>
    api.post<{ pending: string | null }>('/api/auth/second-factor/verify', { code }),
};
