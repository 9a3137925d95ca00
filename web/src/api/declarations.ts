import { api } from './client';
import type { Region } from './types';

/** The public self-declaration (no login; src/modules/declarations, SPEC §6 channel 1). */
export interface Declaration {
  name: string;
  idNumber: string;
  phone: string;
  villageCode: string;
  hardship: string[];
  description: string;
  signatureConfirmed?: boolean;
}

export interface DeclarationStatus {
  trackingCode: string;
  village: string;
  submittedAt: string;
  stage: string;
  case: { status: string; outcome: string | null; currentStep: string | null } | null;
  notifications: { kind: string; outcome: string; text: string; issuedOn: string }[];
}

export const declarationsApi = {
  declare: (body: Declaration) => api.post<{ trackingCode: string; message: string }>('/api/declarations', body),
  status: (code: string, phone: string) => api.get<DeclarationStatus>('/api/declarations/status', { code, phone }),
  /** Division names are public: the form shows the village and lets the citizen pick one. */
  regionChildren: (code: string) =>
    api.get<{ region: Region; children: Region[] }>(`/api/public/regions/${code}/children`),
};
