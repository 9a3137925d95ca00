/**
 * The figures of SPEC §12, as the offices report them: every count of households also gives the persons ("X户Y人",
 * SPEC §16). Plain data; computed by src/modules/reports from the registry, the status history, the ledger, the
 * procedures and assistance.
 */
import type { Category, RiskType } from '../assistance/household-facts.ts';

/** 户 and 人. */
export interface HP {
  households: number;
  persons: number;
}

export { CATEGORY_NAMES, RISK_TYPE_NAMES, RISK_TYPES } from '../assistance/household-facts.ts';
export type { Category, RiskType };

export const CATEGORIES: readonly Category[] = ['unstable', 'marginal', 'sudden'];

export const CHANNELS = ['self_declaration', 'cadre_screening', 'department', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
  self_declaration: '农户自主申报',
  cadre_screening: '基层干部排查',
  department: '部门筛查预警',
  social: '社会信息补充',
};

export interface ByCategory {
  total: HP;
  unstable: HP;
  marginal: HP;
  sudden: HP;
}

/** 条 and 户: clues are counted one by one (对账销号), with the households they concern. */
export interface ClueCount {
  count: number;
  households: number;
}

export type ByChannel = Record<'total' | Channel, ClueCount>;

export interface Share {
  /** Share by persons, as published (已标注风险消除人数 ÷ 累计纳入人数); null when nothing was ever included. */
  persons: number | null;
  households: number | null;
}

export interface Coverage extends HP {
  /** Share of monitored households (not persons: coverage is per household). */
  share: number | null;
}

export interface CaseStep {
  kind: 'inclusion' | 'elimination';
  stepCode: string;
  stepName: string;
  level: string;
  count: number;
  overdue: number;
}

/** One region's figures for one period. */
export interface RegionFigures {
  /** 监测对象 on asOf: households in monitoring, by category. */
  monitored: ByCategory;
  /** 已标注风险消除 on asOf (stock: households whose status is eliminated). */
  eliminatedStock: ByCategory;
  /** 累计纳入 by asOf: households ever included and not reversed. */
  everIncluded: ByCategory;
  /** 新纳入 in the period (inclusions and returns), persons at inclusion. */
  included: ByCategory;
  /** Of the new inclusions, households returned to monitoring after elimination (返贫/再次纳入). */
  returned: ByCategory;
  /** 风险消除 in the period, persons at elimination. */
  eliminated: ByCategory;
  /** 风险消除占比: eliminatedStock ÷ everIncluded. */
  eliminationShare: Share;
  /** Monitored households on asOf by risk type (a household counts under each of its types). */
  riskTypes: Record<RiskType, HP>;
  /** New inclusions in the period by risk type. */
  includedRiskTypes: Record<RiskType, HP>;
  /** 兜底保障 among monitored households on asOf. */
  backstop: { total: HP; dibao: HP; tekun: HP };
  /** Monitored households with at least one measure / with a 帮扶责任人 on asOf. */
  measuresCoverage: Coverage;
  responsibleCoverage: Coverage;
  clues: { received: ByChannel; closed: ByChannel; open: ByChannel; overdue: ByChannel };
  cases: {
    started: { inclusion: number; elimination: number };
    completed: { inclusion: number; elimination: number };
    /** Rejected or closed without the status change. */
    stopped: { inclusion: number; elimination: number };
    /** Running on asOf. */
    open: { inclusion: number; elimination: number };
    /** Running with the current step past its deadline (only when the period is current). */
    overdue: number | null;
    /** Running cases by step (only when the period is current; past periods: see the snapshot). */
    byStep: CaseStep[] | null;
  };
  regionalRisks: { events: number; exposed: HP };
}

export const ZERO: HP = Object.freeze({ households: 0, persons: 0 });

export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;
}

/** 0.2578 → "25.78%". */
export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(2)}%`;
}
