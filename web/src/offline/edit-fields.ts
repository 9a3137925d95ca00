import type { OfflineValue } from '../api/households';
import { EMPLOYMENT, HEALTH, LABOR, label } from '../domain/labels';

/** The facts a cadre may change offline (ADR 0042), named in Chinese; the server keeps the same list. */
export const EDIT_FIELD_NAMES: Record<string, string> = {
  address: '住址',
  phone: '联系电话',
  health: '健康状况',
  disabilityLevel: '残疾等级',
  labor: '劳动能力',
  employment: '务工就业',
  employmentMonths: '务工月数',
};

/** A value as the cadre reads it: words for codes, units for numbers, （空） for nothing. */
export function editValueText(field: string, value: OfflineValue | undefined): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (field === 'health') return label(HEALTH, String(value));
  if (field === 'labor') return label(LABOR, String(value));
  if (field === 'employment') return label(EMPLOYMENT, String(value));
  if (field === 'disabilityLevel') return `${value}级`;
  if (field === 'employmentMonths') return `${value}个月`;
  return String(value);
}
