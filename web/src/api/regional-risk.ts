import { api } from './client';
import type { MonitoringStatus, Page } from './types';

/** Shapes of the regional and large-scale risk API (src/modules/regional-risk, SPEC §11). */
export type RegionalEventType =
  | 'natural_disaster'
  | 'epidemic'
  | 'price_fall'
  | 'unemployment'
  | 'industry_failure'
  | 'relocation_site';

/** Who is exposed beyond living in the event's region; all conditions hold together. */
export interface Exposure {
  employment?: ('local' | 'outside' | 'public_welfare' | 'none')[];
  businessIncome?: boolean;
  product?: string;
  monitoringStatus?: MonitoringStatus[];
  liftedOut?: boolean;
}

export interface NewRegionalEvent {
  regionCode: string;
  eventType: RegionalEventType;
  title: string;
  description?: string;
  product?: string;
  industry?: string;
  startedOn: string;
  endedOn?: string;
  riskTypes?: string[];
  exposure?: Exposure;
}

export interface RecordedEvent {
  id: string;
  regionCode: string;
  eventType: RegionalEventType;
  riskTypes: string[];
  householdsExposed: number;
  cluesCreated: number;
  cluesMerged: number;
}

export interface RegionalEvent {
  id: string;
  regionCode: string;
  regionName: string | null;
  eventType: RegionalEventType;
  title: string;
  description: string;
  product: string | null;
  industry: string | null;
  startedOn: string;
  endedOn: string | null;
  exposure: Exposure;
  riskTypes: string[];
  householdsExposed: number;
  cluesCreated: number;
  cluesMerged: number;
  recordedBy: string;
  createdAt: string;
}

export interface ExposedHousehold {
  id: string;
  code: string;
  regionCode: string;
  address: string;
  monitoringStatus: MonitoringStatus;
  reason: string;
}

export interface AnomalyRow {
  regionCode: string;
  regionName: string | null;
  households: number;
  newClues: number;
  averageClues: number;
  inclusions: number;
  averageInclusions: number;
  clueAnomaly: boolean;
  inclusionAnomaly: boolean;
}

export interface Anomalies {
  month: string;
  params: { factorOverAverage: number; months: number; minNewCluesPer1000: number };
  villages: AnomalyRow[];
  townships: AnomalyRow[];
  checked: { villages: number; townships: number };
}

export const regionalRiskApi = {
  record: (body: NewRegionalEvent) => api.post<RecordedEvent>('/api/regional-risks', body),
  list: (limit = 200) => api.get<RegionalEvent[]>('/api/regional-risks', { limit }),
  households: (id: string, page = 1, pageSize = 50) =>
    api.get<Page<ExposedHousehold>>(`/api/regional-risks/${id}/households`, { page, pageSize }),
  anomalies: (month: string) => api.get<Anomalies>('/api/regional-risks/anomalies', { month }),
};
