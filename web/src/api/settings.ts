import { api } from './client';

/** Where a value comes from: the shipped default, or the level of the region that set it (SPEC §3). */
export type SettingLevel = 'default' | 'province' | 'prefecture' | 'county' | 'township' | 'village';

export interface SettingSource {
  level: SettingLevel;
  regionCode: string | null;
  regionName: string | null;
}

export type SettingFieldKind = 'integer' | 'number' | 'share' | 'amount' | 'text' | 'months' | 'choice';

/** One field of a setting as the server defines it (src/modules/settings/setting-defaults.ts). */
export interface SettingField {
  name: string;
  label: string;
  kind: SettingFieldKind;
  min?: number;
  max?: number;
  decimals: number;
  maxLength?: number;
  unit?: string;
  /** For 'choice': the values offered and their Chinese names. */
  options?: { value: string; label: string }[];
  /** 'lower': a lower level may only set it lower (stricter) than above. */
  tighter?: 'lower' | 'higher';
  required: boolean;
}

export type SettingValue = Record<string, unknown>;

export interface SettingEntry {
  key: string;
  name: string;
  description: string;
  spec: string;
  fields: SettingField[];
  schema: Record<string, unknown>;
  default: SettingValue;
  value: SettingValue;
  source: SettingSource;
  fieldSources: Record<string, SettingSource>;
  /** The region's own newest value; null when it inherits everything. */
  own: SettingValue | null;
  inherited: SettingValue;
  bounds: Record<string, { value: number } & SettingSource>;
}

export interface SettingHistoryItem {
  id: string;
  regionCode: string;
  regionName: string | null;
  level: SettingLevel;
  relation: 'self' | 'above' | 'below';
  value: SettingValue;
  setAt: string;
  setBy: string | null;
  setByName: string | null;
}

export const settingsApi = {
  list: (region: string) =>
    api.get<{ region: { code: string; name: string; level: number }; items: SettingEntry[] }>('/api/settings', {
      region,
    }),
  history: (key: string, region: string) =>
    api.get<{ key: string; name: string; regionCode: string; items: SettingHistoryItem[] }>(
      `/api/settings/${encodeURIComponent(key)}/history`,
      { region },
    ),
  set: (key: string, regionCode: string, value: SettingValue) =>
    api.put<SettingEntry>(`/api/settings/${encodeURIComponent(key)}`, { regionCode, value }),
};
