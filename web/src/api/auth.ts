import { api } from './client';
import type { CurrentUser } from './types';

export const authApi = {
  login: (username: string, password: string) => api.post<CurrentUser>('/api/auth/login', { username, password }),
  logout: () => api.post<{ ok: boolean }>('/api/auth/logout'),
  me: () => api.get<CurrentUser>('/api/auth/me'),
};
