import { chineseDate, isIsoDate } from '../calendar/dates.ts';
import type { CalendarList } from '../calendar/official-calendar.ts';
import { publicityPeriod } from '../calendar/working-days.ts';
import { blank, caseError, meetingIssue, wrongLevel } from './case-checks.ts';
import type { ActionContext, ApplyResult, CaseAction, CaseState, StepProgress } from './case-types.ts';
import type { ActorLevel, StepDef } from './types.ts';

/** Handlers for publicity and objections (公示、举报/异议, SPEC §8.1). */

type Commit = (progress: StepProgress, effects?: import('./case-types.ts').CaseEffect[]) => ApplyResult;
type Of<T extends CaseAction['type']> = Extract<CaseAction, { type: T }>;

/** Levels that may receive an objection: anyone working the case, not supervisors or departments. */
const OBJECTION_RECEIVERS: readonly ActorLevel[] = ['village', 'township', 'county'];
const LEVEL_ORDER: readonly ActorLevel[] = ['village', 'township', 'county'];

export function startPublicity(
  state: CaseState,
  action: Of<'start_publicity'>,
  ctx: ActionContext,
  date: string,
  step: StepDef,
  commit: Commit,
): ApplyResult {
  const p = state.current;
  if (!step.publicity) return { ok: false, error: caseError('CASE_NO_PUBLICITY', `“${step.name}”不需要公示`) };
  if (action.actor.level !== step.level) return { ok: false, error: wrongLevel(step, action.actor.level) };
  if (p.publicity) {
    return {
      ok: false,
      error: caseError('CASE_PUBLICITY_ALREADY_STARTED', `“${step.name}”已于${chineseDate(p.publicity.start)}开始公示`),
    };
  }
  const meeting = action.meeting ?? p.meeting;
  if (step.meeting) {
    if (!meeting)
      return {
        ok: false,
        error: caseError('CASE_MEETING_MISSING', '公示前应先召开民主评议会议并记录参会人员和表决情况'),
      };
    const issue = meetingIssue(meeting);
    if (issue) return { ok: false, error: issue };
  } else if (action.meeting) {
    return { ok: false, error: caseError('CASE_MEETING_NOT_EXPECTED', `“${step.name}”不包含评议会议`) };
  }
  const start = action.startDate ?? date;
  if (!isIsoDate(start) || start < p.enteredOn) {
    return {
      ok: false,
      error: caseError('CASE_INVALID_ACTION', '公示开始日期无效或早于本步骤开始日期', { startDate: start }),
    };
  }
  const period = publicityPeriod(start, step.publicity.days, step.publicity.unit, ctx.calendars);
  // A year without its official calendar never blocks work (issue 10): the weekend-only estimate is used, the
  // period carries `uncertain` and its years, and loading the calendar later recomputes the end.
  const next: StepProgress = {
    ...p,
    publicity: period,
    attachments: [...p.attachments, ...(action.attachments ?? [])],
  };
  if (meeting) next.meeting = meeting;
  return commit(next, [{ type: 'publicity_started', stepCode: step.code, period }]);
}

export function recordObjection(
  state: CaseState,
  action: Of<'record_objection'>,
  date: string,
  step: StepDef,
  seq: number,
  commit: Commit,
): ApplyResult {
  const p = state.current;
  if (!OBJECTION_RECEIVERS.includes(action.actor.level)) {
    return { ok: false, error: wrongLevel(step, action.actor.level, OBJECTION_RECEIVERS) };
  }
  if (!p.publicity) return { ok: false, error: caseError('CASE_PUBLICITY_NOT_RUNNING', `“${step.name}”不在公示期内`) };
  const receivedOn = action.receivedOn ?? date;
  if (!isIsoDate(receivedOn) || receivedOn < p.publicity.start || receivedOn > p.publicity.end || receivedOn > date) {
    return {
      ok: false,
      error: caseError(
        'CASE_PUBLICITY_NOT_RUNNING',
        `异议收到日期不在公示期（${chineseDate(p.publicity.start)}至${chineseDate(p.publicity.end)}）内`,
        { receivedOn },
      ),
    };
  }
  if (blank(action.note)) return { ok: false, error: caseError('CASE_REASON_REQUIRED', '请填写举报（异议）内容') };
  const objection = {
    seq,
    no: state.history.filter((h) => h.type === 'record_objection').length + 1,
    receivedOn,
    note: (action.note as string).trim(),
    ...(action.from ? { from: action.from } : {}),
  };
  return commit({
    ...p,
    objections: [...p.objections, objection],
    attachments: [...p.attachments, ...(action.attachments ?? [])],
  });
}

export function answerObjection(
  state: CaseState,
  action: Of<'answer_objection'>,
  date: string,
  step: StepDef,
  seq: number,
  commit: Commit,
  returnOnUpheld: (reason: string) => ApplyResult,
): ApplyResult {
  const p = state.current;
  // The level running the publicity investigates (会泽: 动态监测工作队); higher levels may answer too.
  const allowed = LEVEL_ORDER.slice(Math.max(0, LEVEL_ORDER.indexOf(step.level)));
  if (!allowed.includes(action.actor.level)) return { ok: false, error: wrongLevel(step, action.actor.level, allowed) };
  const target = p.objections.find((o) => o.seq === action.objectionSeq);
  if (!target)
    return { ok: false, error: caseError('CASE_OBJECTION_NOT_FOUND', `未找到编号为${action.objectionSeq}的异议`) };
  if (target.answer) return { ok: false, error: caseError('CASE_OBJECTION_ANSWERED', '该异议已经答复') };
  if (action.decision !== 'upheld' && action.decision !== 'dismissed') {
    return {
      ok: false,
      error: caseError('CASE_INVALID_ACTION', '核实结论应为“属实”（upheld）或“不属实”（dismissed）'),
    };
  }
  if (blank(action.note))
    return { ok: false, error: caseError('CASE_REASON_REQUIRED', '请填写调查核实情况和处理意见') };
  const answer = { seq, on: date, decision: action.decision, note: (action.note as string).trim() };
  // An objection found true sends the case back to the step the template names (issue 10); the answer stays in
  // the history, and the publicity is held again from that step on.
  if (action.decision === 'upheld') return returnOnUpheld(`公示期间异议经核实属实：${answer.note}`);
  const objections = p.objections.map((o) => (o.seq === target.seq ? { ...o, answer } : o));
  return commit({ ...p, objections, attachments: [...p.attachments, ...(action.attachments ?? [])] });
}

/**
 * The running publicity of a case recomputed on `calendars` (issue 10): a period that was only estimated because a
 * year had no official calendar gets its official end once the year is loaded. `null` when nothing changes. The
 * history is not touched: the period is derived data, the start and length stay what was recorded.
 */
export function recomputedPublicity(state: CaseState, calendars: CalendarList): CaseState | null {
  const p = state.current.publicity;
  if (state.result || !p || !p.uncertain) return null;
  const period = publicityPeriod(p.start, p.days, p.unit, calendars);
  if (period.end === p.end && period.uncertain === p.uncertain && period.firstCountedDay === p.firstCountedDay)
    return null;
  return { ...state, current: { ...state.current, publicity: period } };
}
