import type { ConditionKind } from '../../api/screening';
import { label, SCREENING_THRESHOLD } from '../../domain/labels';

/** Thresholds that are shares (0–1), shown as percentages. */
const SHARES = new Set(['share', 'shareOfNetIncome']);

/** What a threshold means in its rule: `months` counts back a window or names the month compared against. */
export function thresholdName(key: string, kind: ConditionKind): string {
  if (key === 'months') return kind === 'period_drop' ? '与几个月前相比' : '统计最近月数';
  return label(SCREENING_THRESHOLD, key);
}

export function formatThreshold(key: string, value: number): string {
  if (SHARES.has(key)) return `${Math.round(value * 1000) / 10}%`;
  if (key === 'months') return `${value}个月`;
  if (/Yuan$/.test(key)) return `${value.toLocaleString('zh-CN')}元`;
  return String(value);
}

export const isShare = (key: string) => SHARES.has(key);

/** `统计最近月数 12个月；金额阈值（元） 20,000元` — the thresholds of a rule on one line. */
export function describeThresholds(thresholds: Record<string, number>, kind: ConditionKind): string {
  const entries = Object.entries(thresholds);
  if (entries.length === 0) return '—';
  return entries.map(([k, v]) => `${thresholdName(k, kind)} ${formatThreshold(k, v)}`).join('；');
}
