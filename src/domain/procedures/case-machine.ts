import { chinaDate, isIsoDate } from '../calendar/dates.ts';
import { publicityPhase } from '../calendar/working-days.ts';
import {
  blank,
  caseError,
  finishedError,
  isFinished,
  meetingIssue,
  missingRecords,
  progressStatus,
  publicityRunningError,
  recordsMissingError,
  unknownRecordCodes,
  wrongLevel,
} from './case-checks.ts';
import { answerObjection, recordObjection, startPublicity } from './case-publicity.ts';
import type {
  ActionContext,
  ApplyResult,
  CaseAction,
  CaseEffect,
  CaseOutcome,
  CaseState,
  StepProgress,
} from './case-types.ts';
import type { ProcedureTemplate, StepDef } from './types.ts';

const SUPERVISORS = new Set(['prefecture', 'province']);

/** Opens a case on a snapshot of `template` (SPEC §8.1: the case keeps the template version it started with). */
export function openCase(template: ProcedureTemplate, startedOn: string): CaseState {
  if (!isIsoDate(startedOn)) throw new RangeError(`startedOn must be YYYY-MM-DD: ${startedOn}`);
  const snapshot = structuredClone(template);
  return {
    template: snapshot,
    templateCode: snapshot.code,
    templateVersion: snapshot.version,
    startedOn,
    status: 'in_progress',
    current: { stepIndex: 0, enteredOn: startedOn, attachments: [], objections: [] },
    completed: [],
    history: [],
  };
}

/** The step the case is at (the last step once completed). */
export function currentStep(state: CaseState): StepDef {
  return state.template.steps[state.current.stepIndex] as StepDef;
}

/**
 * Applies one action to a case (SPEC §8.1) and returns the new state plus effects, or a typed error with a Chinese
 * message. Rules: only a user of the step's level within scope acts; a rejection returns the case to a village step
 * with the reason (`return`) or closes it with a result (`reject`); a publicity step completes only after its end
 * date and with no objection open; a reversal is a new recorded action that undoes the last completed step —
 * history is only ever appended to.
 */
export function applyAction(state: CaseState, action: CaseAction, ctx: ActionContext): ApplyResult {
  if (!ctx.inScope) return fail('CASE_OUT_OF_SCOPE', '该事项不在您的管辖范围内');
  if (SUPERVISORS.has(action.actor.level)) {
    return fail('CASE_WRONG_LEVEL', '州（市）、省级用户只能查看和督导，不能办理具体事项');
  }
  let date: string;
  try {
    date = chinaDate(action.at);
  } catch {
    return fail('CASE_INVALID_ACTION', '办理时间格式无效');
  }
  const last = state.history.at(-1);
  if (last && date < last.date) return fail('CASE_ACTION_OUT_OF_ORDER', '办理日期早于上一次办理记录，请核对日期');
  if (isFinished(state) && action.type !== 'reverse') return { ok: false, error: finishedError(state) };
  const step = currentStep(state);
  const unknown = unknownRecordCodes(step, action.attachments ?? []);
  if (unknown.length > 0 && action.type !== 'reverse') {
    return fail('CASE_UNKNOWN_RECORD', `“${step.name}”没有这些资料要求：${unknown.join('、')}`, { unknown });
  }
  const seq = state.history.length + 1;
  // A reversal acts on the step it undoes; every other action on the step the case is at.
  const actedIndex =
    action.type === 'reverse'
      ? (state.completed.at(-1)?.stepIndex ?? state.current.stepIndex)
      : state.current.stepIndex;
  const recorded = {
    ...action,
    seq,
    date,
    stepIndex: actedIndex,
    stepCode: (state.template.steps[actedIndex] as StepDef).code,
  };
  const next = (patch: Partial<CaseState>, effects: CaseEffect[] = []): ApplyResult => {
    const s: CaseState = { ...state, ...patch, history: [...state.history, recorded] };
    if (s.result === undefined) {
      delete s.result;
      s.status = progressStatus(s.current);
    } else s.status = s.result.outcome;
    return { ok: true, state: s, effects };
  };
  const commit = (current: StepProgress, effects?: CaseEffect[]) => next({ current }, effects);

  switch (action.type) {
    case 'attach_records': {
      if (action.actor.level !== step.level) return { ok: false, error: wrongLevel(step, action.actor.level) };
      if (action.meeting && !step.meeting) return fail('CASE_MEETING_NOT_EXPECTED', `“${step.name}”不包含评议会议`);
      const issue = action.meeting && meetingIssue(action.meeting);
      if (issue) return { ok: false, error: issue };
      const p = state.current;
      return commit({
        ...p,
        attachments: [...p.attachments, ...(action.attachments ?? [])],
        ...(action.meeting ? { meeting: action.meeting } : {}),
      });
    }
    case 'start_publicity':
      return startPublicity(state, action, ctx, date, step, commit);
    case 'record_objection':
      return recordObjection(state, action, date, step, seq, commit);
    case 'answer_objection':
      return answerObjection(state, action, date, step, seq, commit, (reason) =>
        returnToStep(state, upheldTarget(state, step), reason, date, next),
      );
    case 'complete_step':
      return completeStep(state, action, date, step, seq, next);
    case 'return':
      return returnToVillage(state, action, date, step, next);
    case 'reject':
    case 'close':
      return finish(state, action, date, step, seq, next);
    case 'reverse':
      return reverse(state, action, date, next);
    default:
      return fail('CASE_INVALID_ACTION', '未知的办理操作');
  }
}

type Next = (patch: Partial<CaseState>, effects?: CaseEffect[]) => ApplyResult;
type Of<T extends CaseAction['type']> = Extract<CaseAction, { type: T }>;

function fail(code: Parameters<typeof caseError>[0], message: string, details?: Record<string, unknown>): ApplyResult {
  return { ok: false, error: caseError(code, message, details) };
}

function completeStep(
  state: CaseState,
  action: Of<'complete_step'>,
  date: string,
  step: StepDef,
  seq: number,
  next: Next,
): ApplyResult {
  if (action.actor.level !== step.level) return { ok: false, error: wrongLevel(step, action.actor.level) };
  const p = state.current;
  const attachments = [...p.attachments, ...(action.attachments ?? [])];
  if (action.meeting && !step.meeting) return fail('CASE_MEETING_NOT_EXPECTED', `“${step.name}”不包含评议会议`);
  const meeting = action.meeting ?? p.meeting;
  if (step.meeting) {
    if (!meeting) return fail('CASE_MEETING_MISSING', `“${step.name}”应记录民主评议会议的参会人员和表决情况`);
    const issue = meetingIssue(meeting);
    if (issue) return { ok: false, error: issue };
  }
  if (step.publicity) {
    if (!p.publicity) return fail('CASE_PUBLICITY_NOT_STARTED', `“${step.name}”尚未公示`);
    if (p.objections.some((o) => !o.answer)) {
      return fail('CASE_OBJECTION_OPEN', '公示期间收到的举报（异议）尚未调查答复，不能继续办理');
    }
    if (p.objections.some((o) => o.answer?.decision === 'upheld')) {
      return fail('CASE_OBJECTION_UPHELD', '公示期间的异议经核实属实，不能继续办理：请退回重新评议或作不予通过处理');
    }
    if (publicityPhase(p.publicity, date) !== 'ended')
      return { ok: false, error: publicityRunningError(step, p.publicity.end) };
  }
  const missing = missingRecords(step, attachments);
  if (missing.length > 0) return { ok: false, error: recordsMissingError(step, missing) };

  const done: StepProgress = { ...p, attachments, ...(meeting ? { meeting } : {}) };
  const completed = [...state.completed, { stepIndex: p.stepIndex, completedOn: date, seq, progress: done }];
  const effects: CaseEffect[] = [];
  if (step.notification) {
    const outcome = ({ acceptance: 'accepted', identification: 'identified', exit: 'exited' } as const)[
      step.notification
    ];
    effects.push({ type: 'notification', kind: step.notification, outcome, stepCode: step.code });
  }
  const nextIndex = p.stepIndex + 1;
  const nextStep = state.template.steps[nextIndex];
  if (!nextStep) {
    effects.push({ type: 'case_finished', outcome: 'completed' });
    return next(
      {
        current: done,
        completed,
        result: { outcome: 'completed', on: date, seq, ...(action.decision ? { decision: action.decision } : {}) },
      },
      effects,
    );
  }
  effects.push({ type: 'step_entered', stepCode: nextStep.code, stepIndex: nextIndex, on: date });
  return next(
    { current: { stepIndex: nextIndex, enteredOn: date, attachments: [], objections: [] }, completed },
    effects,
  );
}

/**
 * Default return target: the village step with publicity before the current step, else the last village step
 * before it. Named explicitly, the current step itself may be restarted when it is a village step (an objection
 * found true: review and publicise again).
 */
function returnTarget(state: CaseState, toStepCode: string | undefined): number {
  const at = state.current.stepIndex;
  const village = state.template.steps.map((s, i) => ({ s, i })).filter(({ s }) => s.level === 'village');
  const before = village.filter(({ i }) => i < at);
  if (toStepCode !== undefined) return village.find(({ s, i }) => s.code === toStepCode && i <= at)?.i ?? -1;
  return (before.filter(({ s }) => s.publicity).at(-1) ?? before.at(-1))?.i ?? -1;
}

function returnToVillage(state: CaseState, action: Of<'return'>, date: string, step: StepDef, next: Next): ApplyResult {
  if (action.actor.level !== step.level) return { ok: false, error: wrongLevel(step, action.actor.level) };
  if (blank(action.note)) return fail('CASE_REASON_REQUIRED', '退回应填写退回理由');
  const target = returnTarget(state, action.toStepCode);
  if (target < 0) {
    return fail('CASE_INVALID_RETURN_TARGET', '只能退回到当前步骤或之前的村级步骤', { toStepCode: action.toStepCode });
  }
  return returnToStep(state, target, (action.note as string).trim(), date, next);
}

/** The step an upheld objection returns to: the one the template names, else the publicity step itself. */
function upheldTarget(state: CaseState, step: StepDef): number {
  const named = step.publicity?.upheldReturnsTo;
  const at = named === undefined ? -1 : state.template.steps.findIndex((s) => s.code === named);
  return at >= 0 && at <= state.current.stepIndex ? at : state.current.stepIndex;
}

function returnToStep(state: CaseState, target: number, reason: string, date: string, next: Next): ApplyResult {
  const targetStep = state.template.steps[target] as StepDef;
  // The completed entries stay in history; the steps from the target on are simply worked again.
  const completed = state.completed.filter((c) => c.stepIndex < target);
  return next(
    {
      current: { stepIndex: target, enteredOn: date, attachments: [], objections: [], returnedReason: reason },
      completed,
    },
    [{ type: 'step_entered', stepCode: targetStep.code, stepIndex: target, on: date }],
  );
}

function finish(
  state: CaseState,
  action: Of<'reject' | 'close'>,
  date: string,
  step: StepDef,
  seq: number,
  next: Next,
): ApplyResult {
  const allowed = action.type === 'close' && step.level !== 'county' ? [step.level, 'county' as const] : [step.level];
  if (!allowed.includes(action.actor.level as StepDef['level']))
    return { ok: false, error: wrongLevel(step, action.actor.level, allowed) };
  if (blank(action.note)) {
    return fail('CASE_REASON_REQUIRED', action.type === 'reject' ? '不予通过应填写理由' : '关闭事项应填写原因');
  }
  const reason = (action.note as string).trim();
  const outcome: CaseOutcome = action.type === 'reject' ? 'rejected' : 'closed';
  const effects: CaseEffect[] = [];
  if (action.type === 'reject' && state.template.kind === 'inclusion') {
    // 认定告知 also tells a household that it was not identified, and why (SPEC §8.1).
    effects.push({
      type: 'notification',
      kind: 'identification',
      outcome: 'not_identified',
      stepCode: step.code,
      reason,
    });
  }
  effects.push({ type: 'case_finished', outcome });
  const result = { outcome, on: date, seq, reason, ...(action.decision ? { decision: action.decision } : {}) };
  return next({ result }, effects);
}

function reverse(state: CaseState, action: Of<'reverse'>, date: string, next: Next): ApplyResult {
  if (state.status === 'rejected' || state.status === 'closed') return { ok: false, error: finishedError(state) };
  const last = state.completed.at(-1);
  if (!last) return fail('CASE_NOTHING_TO_REVERSE', '没有可撤销的已办结步骤');
  const undone = state.template.steps[last.stepIndex] as StepDef;
  if (action.actor.level !== undone.level) return { ok: false, error: wrongLevel(undone, action.actor.level) };
  if (blank(action.note)) return fail('CASE_REASON_REQUIRED', '撤销应填写原因');
  // Work recorded on the current step since it was (re-)entered would be lost.
  const reentries = state.history.filter((h) => h.type === 'reverse' || h.type === 'return').map((h) => h.seq);
  const since = Math.max(last.seq, ...reentries);
  const touched = state.history.some((h) => h.seq > since && h.stepIndex === state.current.stepIndex);
  if (state.status !== 'completed' && touched) {
    return fail('CASE_REVERSAL_BLOCKED', `“${currentStep(state).name}”已有办理记录，不能撤销上一步骤；请先退回`);
  }
  const effects: CaseEffect[] = [
    {
      type: 'reversed',
      stepCode: undone.code,
      ...(undone.notification ? { revokesNotification: undone.notification } : {}),
    },
    { type: 'step_entered', stepCode: undone.code, stepIndex: last.stepIndex, on: date },
  ];
  return next({ result: undefined, current: last.progress, completed: state.completed.slice(0, -1) }, effects);
}
