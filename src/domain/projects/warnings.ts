import { MILESTONE_LABELS, type Milestone, nextMonth, type WarningColour } from './catalogue.ts';
import type { WarningRules } from './rules.ts';

/** One month of a project's plan: milestones due that month and the planned cumulative payment share (0–1). */
export interface PlanMonth {
  month: string;
  milestones: readonly Milestone[];
  paymentShare: number;
}

/** One monthly progress report: milestones reached that month, cumulative works share (0–1), cumulative paid. */
export interface ProgressReport {
  month: string;
  milestones: readonly Milestone[];
  worksShare: number;
  paidFen: number;
}

export interface MonthStanding {
  month: string;
  /** Plan of the month met (all milestones due by then reached, payment share within the tolerance). */
  met: boolean;
  plannedShare: number;
  paidShare: number;
  /** Shortfall in percentage points of the payment share, one decimal; 0 when ahead. */
  gapPoints: number;
  missing: Milestone[];
  started: boolean;
  /** Whether any plan month falls on or before this one. */
  anythingDue: boolean;
}

export interface Warning extends MonthStanding {
  colour: WarningColour;
  /** Consecutive missed months ending with this one. */
  missedMonths: number;
  reason: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const firstMonth = (plan: readonly PlanMonth[], fallback: string) => plan.map((p) => p.month).sort()[0] ?? fallback;

/** Where a project stands at the end of `month` against its plan (SPEC §13 monthly progress ledger). */
export function standing(
  plan: readonly PlanMonth[],
  reports: readonly ProgressReport[],
  totalFen: number,
  month: string,
  rules: WarningRules,
): MonthStanding {
  const due = plan.filter((p) => p.month <= month);
  const done = reports.filter((r) => r.month <= month).sort((a, b) => a.month.localeCompare(b.month));
  const plannedShare = due.reduce((s, p) => Math.max(s, p.paymentShare), 0);
  const last = done[done.length - 1];
  const paidFen = last?.paidFen ?? 0;
  const paidShare = totalFen > 0 ? paidFen / totalFen : 0;
  const reached = new Set(done.flatMap((r) => r.milestones));
  const missing = [...new Set(due.flatMap((p) => p.milestones))].filter((m) => !reached.has(m));
  const gapPoints = Math.max(0, round1((plannedShare - paidShare) * 100));
  const met = missing.length === 0 && (gapPoints === 0 || gapPoints < rules.toleratedPoints);
  const started = done.some((r) => r.milestones.length > 0 || r.paidFen > 0 || r.worksShare > 0);
  return { month, met, plannedShare, paidShare, gapPoints, missing, started, anythingDue: due.length > 0 };
}

const missingText = (s: MonthStanding) =>
  [
    s.missing.length ? `未完成${s.missing.map((m) => MILESTONE_LABELS[m]).join('、')}` : '',
    s.gapPoints > 0 ? `资金支付落后计划${s.gapPoints}个百分点` : '',
  ]
    .filter(Boolean)
    .join('，');

/**
 * The 红黄蓝 card of `month` (枣庄 预警反饋制度): blue when the month's plan is met — also after a red month, which is
 * how a project recovers — yellow when it is not, red when it is missed for `redAfterMissedMonths` consecutive months
 * or, where the region sets it, falls more than `redAbovePoints` behind. Months with nothing due count as met.
 */
export function monthWarning(
  plan: readonly PlanMonth[],
  reports: readonly ProgressReport[],
  totalFen: number,
  month: string,
  rules: WarningRules,
): Warning {
  const now = standing(plan, reports, totalFen, month, rules);
  if (plan.length === 0) {
    return { ...now, met: false, colour: 'yellow', missedMonths: 1, reason: '未将建设任务分解到月（无月度计划）' };
  }
  const first = firstMonth(plan, month);
  let streak = 0;
  let previousRed = false;
  let previous: Warning | undefined;
  for (let m = first; m <= month; m = nextMonth(m)) {
    const s = m === month ? now : standing(plan, reports, totalFen, m, rules);
    streak = s.met ? 0 : streak + 1;
    previousRed = previous?.colour === 'red';
    previous = colourOf(s, streak, rules, previousRed);
  }
  return previous ?? { ...now, colour: 'blue', missedMonths: 0, reason: '本月无计划节点' };
}

function colourOf(s: MonthStanding, streak: number, rules: WarningRules, previousRed: boolean): Warning {
  if (s.met) {
    const reason = s.anythingDue ? '达到当月进度要求' : '本月无到期节点';
    return { ...s, colour: 'blue', missedMonths: 0, reason: previousRed ? `${reason}，由红牌转为蓝牌` : reason };
  }
  const why = missingText(s);
  if (rules.redAbovePoints !== null && s.gapPoints > rules.redAbovePoints) {
    return { ...s, colour: 'red', missedMonths: streak, reason: `${why}（超过${rules.redAbovePoints}个百分点）` };
  }
  if (streak >= rules.redAfterMissedMonths) {
    return { ...s, colour: 'red', missedMonths: streak, reason: `连续${streak}个月未达到进度要求：${why}` };
  }
  const head = s.started ? '未达到当月进度要求' : '计划月份未开工';
  return { ...s, colour: 'yellow', missedMonths: streak, reason: `${head}：${why}` };
}

/** The card of each month from the first planned month to `month`, for a project's history. */
export function warningHistory(
  plan: readonly PlanMonth[],
  reports: readonly ProgressReport[],
  totalFen: number,
  month: string,
  rules: WarningRules,
): Warning[] {
  if (plan.length === 0) return [];
  const out: Warning[] = [];
  const first = firstMonth(plan, month);
  for (let m = first; m <= month; m = nextMonth(m)) out.push(monthWarning(plan, reports, totalFen, m, rules));
  return out;
}
