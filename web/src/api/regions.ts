import { api } from './client';
import type { Region } from './types';

export const regionsApi = {
  /** Children inside the user's scope (above it: only the branch leading to it). */
  children: (code: string) => api.get<{ region: Region; children: Region[] }>(`/api/regions/${code}/children`),
  /** The region and its ancestors from the province down. */
  get: (code: string) => api.get<Region & { path: Region[] }>(`/api/regions/${code}`),
};
