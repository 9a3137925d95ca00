import { daysBetween } from '../calendar/dates.ts';

/**
 * 问题清单 (SPEC §15): each problem found by self-check, inspection, spot check, audit or public feedback is tracked to
 * rectification — 整改中 → 已整改待验收 → 已销号 — with the sign-off (验收销号) by the level above the problem's region,
 * and 逾期 when its deadline passes unrectified, escalated one level further each `escalateEveryDays` (a setting).
 * Pure rules: no database, the date is passed in.
 */
export const PROBLEM_STATUSES = ['rectifying', 'submitted', 'closed', 'overdue'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  rectifying: '整改中',
  submitted: '已整改待验收',
  closed: '已销号',
  overdue: '逾期',
};

export const PROBLEM_SOURCES = ['self_check', 'inspection', 'spot_check', 'audit', 'public_feedback'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
export const PROBLEM_SOURCE_LABELS: Record<ProblemSource, string> = {
  self_check: '自查',
  inspection: '督查',
  spot_check: '抽查',
  audit: '审计',
  public_feedback: '群众反馈',
};

export const PROBLEM_SEVERITIES = ['minor', 'normal', 'serious'] as const;
export type ProblemSeverity = (typeof PROBLEM_SEVERITIES)[number];
export const PROBLEM_SEVERITY_LABELS: Record<ProblemSeverity, string> = {
  minor: '一般',
  normal: '较重',
  serious: '严重',
};

export const PROBLEM_ACTIONS = ['submit', 'accept', 'reject', 'extend'] as const;
export type ProblemActionType = (typeof PROBLEM_ACTIONS)[number];
export const PROBLEM_ACTION_LABELS: Record<ProblemActionType | 'create' | 'escalate', string> = {
  create: '登记问题',
  submit: '提交整改',
  accept: '验收销号',
  reject: '验收不通过',
  extend: '延长整改时限',
  escalate: '逾期升级',
};

export interface ProblemState {
  status: ProblemStatus;
  regionCode: string;
  deadline: string;
}

export type ProblemAction =
  | { type: 'submit'; measures: string; evidenceCount: number }
  | { type: 'accept'; note?: string }
  | { type: 'reject'; reason: string }
  | { type: 'extend'; deadline: string; reason: string };

export type ProblemRuleCode =
  | 'PROBLEM_WRONG_STATUS'
  | 'PROBLEM_EVIDENCE_MISSING'
  | 'PROBLEM_MEASURES_MISSING'
  | 'PROBLEM_LEVEL_ABOVE'
  | 'PROBLEM_REASON_REQUIRED'
  | 'PROBLEM_DEADLINE_INVALID';

export type ProblemOutcome =
  | { ok: true; status: ProblemStatus; deadline: string }
  | { ok: false; code: ProblemRuleCode; message: string };

const refuse = (code: ProblemRuleCode, message: string): ProblemOutcome => ({ ok: false, code, message });

/** Whether `actorRegion` is strictly above `regionCode` (admin's '' is above everything): who signs off. */
export const isLevelAbove = (actorRegion: string, regionCode: string) =>
  regionCode.startsWith(actorRegion) && actorRegion.length < regionCode.length;

/** The status a not-yet-rectified problem has on `today`. */
const openStatus = (deadline: string, today: string): ProblemStatus => (today > deadline ? 'overdue' : 'rectifying');

/**
 * The next state after an action, or why it is refused. Scope (the actor sees the problem) is checked by the caller;
 * the rule here is which level may do what: anyone in scope reports rectification; only the level above signs off,
 * sends back or extends the deadline (瓦房: 镇对村全覆盖排查, 市抽查 — the checker is never the checked).
 */
export function nextProblemState(
  p: ProblemState,
  action: ProblemAction,
  actorRegion: string,
  today: string,
): ProblemOutcome {
  const label = PROBLEM_STATUS_LABELS[p.status];
  switch (action.type) {
    case 'submit':
      if (p.status !== 'rectifying' && p.status !== 'overdue') {
        return refuse('PROBLEM_WRONG_STATUS', `问题${label}，不能再提交整改`);
      }
      if (!action.measures.trim()) return refuse('PROBLEM_MEASURES_MISSING', '请填写整改措施');
      if (action.evidenceCount < 1) return refuse('PROBLEM_EVIDENCE_MISSING', '请先上传整改佐证材料');
      return { ok: true, status: 'submitted', deadline: p.deadline };
    case 'accept':
    case 'reject': {
      if (p.status !== 'submitted') return refuse('PROBLEM_WRONG_STATUS', `问题${label}，不在待验收状态`);
      if (!isLevelAbove(actorRegion, p.regionCode)) {
        return refuse('PROBLEM_LEVEL_ABOVE', '验收销号须由上一级办理，不能自己验收自己');
      }
      if (action.type === 'accept') return { ok: true, status: 'closed', deadline: p.deadline };
      if (!action.reason.trim()) return refuse('PROBLEM_REASON_REQUIRED', '请说明验收不通过的理由');
      return { ok: true, status: openStatus(p.deadline, today), deadline: p.deadline };
    }
    case 'extend':
      if (p.status !== 'rectifying' && p.status !== 'overdue') {
        return refuse('PROBLEM_WRONG_STATUS', `问题${label}，不能延长整改时限`);
      }
      if (!isLevelAbove(actorRegion, p.regionCode)) return refuse('PROBLEM_LEVEL_ABOVE', '延长整改时限须由上一级决定');
      if (!action.reason.trim()) return refuse('PROBLEM_REASON_REQUIRED', '请说明延期理由');
      if (action.deadline <= today || action.deadline <= p.deadline) {
        return refuse('PROBLEM_DEADLINE_INVALID', '新的整改时限须晚于今天和原时限');
      }
      return { ok: true, status: 'rectifying', deadline: action.deadline };
  }
}

const LEVEL_LENGTHS = [2, 4, 6, 9, 12];
const LEVEL_NAMES: Record<number, string> = { 2: '省级', 4: '市级', 6: '县级', 9: '乡镇', 12: '村级' };

export interface Escalation {
  daysOverdue: number;
  /** How many levels above the problem's region it has reached (1: the level directly above). */
  levels: number;
  /** The region code prefix of the level it is escalated to ('' would be above the province; capped there). */
  escalatedTo: string;
  levelName: string;
}

/**
 * Overdue escalation: the day after the deadline an unrectified problem is 逾期 and reported to the level above; every
 * further `everyDays` days it goes one level higher, up to the province.
 */
export function escalation(p: ProblemState, today: string, everyDays: number): Escalation | null {
  if (p.status === 'closed' || p.status === 'submitted' || today <= p.deadline) return null;
  const daysOverdue = daysBetween(p.deadline, today);
  const levels = 1 + Math.floor((daysOverdue - 1) / Math.max(1, everyDays));
  const above = LEVEL_LENGTHS.filter((n) => n < p.regionCode.length);
  const length = above[Math.max(0, above.length - levels)] ?? 2;
  return {
    daysOverdue,
    levels: Math.min(levels, above.length),
    escalatedTo: p.regionCode.slice(0, length),
    levelName: LEVEL_NAMES[length] ?? '省级',
  };
}
