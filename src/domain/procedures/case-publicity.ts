import { chineseDate, isIsoDate } from '../calendar/dates.ts';
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
  if (period.uncertain && !ctx.allowUncertainCalendar) {
    return {
      ok: false,
      error: caseError(
        'CASE_CALENDAR_MISSING',
        `公示期跨入${period.missingYears.join('、')}年，尚未导入该年度法定节假日安排，无法准确计算工作日；请先导入或确认按估算日期`,
        { missingYears: period.missingYears, estimatedEnd: period.end },
      ),
    };
  }
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
  const objections = p.objections.map((o) => (o.seq === target.seq ? { ...o, answer } : o));
  return commit({ ...p, objections, attachments: [...p.attachments, ...(action.attachments ?? [])] });
}
