import { api } from './client';
import type { EffectiveLine, LineHistoryItem } from './types';

export const linesApi = {
  effective: (region: string, year: number) =>
    api.get<EffectiveLine>('/api/monitoring-lines/effective', { region, year }),
  history: (region: string) => api.get<LineHistoryItem[]>('/api/monitoring-lines', { region }),
  set: (body: { regionCode: string; year: number; amount: number; basis?: string }) =>
    api.post<{ id: number; regionCode: string; year: number; amount: number }>('/api/monitoring-lines', body),
};
