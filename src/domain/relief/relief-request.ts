import { daysBetween } from '../calendar/dates.ts';

/**
 * An application on the government relief platform (SPEC §14): "线上受理、县级办理、省州监管". It waits in the
 * responsible department's inbox (待受理), is accepted (办理中) or referred to another department (转办, back to
 * 待受理 there), and is answered (办结) with a result. Supervisors urge (督办) at any time before the answer; the
 * applicant rates the handling afterwards. The rules here are pure: who may act, what each action does, and when an
 * application is late and whom that concerns.
 */
export const RELIEF_STATUSES = ['submitted', 'accepted', 'replied'] as const;
export type ReliefStatus = (typeof RELIEF_STATUSES)[number];
export const RELIEF_STATUS_LABELS: Record<ReliefStatus, string> = {
  submitted: '待受理',
  accepted: '办理中',
  replied: '已办结',
};

/** 群众举手 (the citizen), 他人代举 (someone on their behalf), 政府托举 (a cadre files it for the household). */
export const RELIEF_CHANNELS = ['self', 'proxy', 'government'] as const;
export type ReliefChannel = (typeof RELIEF_CHANNELS)[number];
export const RELIEF_CHANNEL_LABELS: Record<ReliefChannel, string> = {
  self: '群众举手',
  proxy: '他人代举',
  government: '政府托举',
};

export const RELIEF_OUTCOMES = ['resolved', 'not_eligible'] as const;
export type ReliefOutcome = (typeof RELIEF_OUTCOMES)[number];
export const RELIEF_OUTCOME_LABELS: Record<ReliefOutcome, string> = {
  resolved: '已解决',
  not_eligible: '经核实不符合条件',
};

export const RELIEF_ACTION_TYPES = ['accept', 'refer', 'reply', 'urge'] as const;
export type ReliefActionType = (typeof RELIEF_ACTION_TYPES)[number];
export const RELIEF_ACTION_LABELS: Record<ReliefActionType | 'submit' | 'rate' | 'confirm', string> = {
  submit: '提交申请',
  accept: '受理',
  refer: '转办',
  reply: '办结答复',
  urge: '督办',
  rate: '评价',
  confirm: '本人确认',
};

export type ReliefAction =
  | { type: 'accept'; note?: string }
  | { type: 'refer'; department: string; reason: string }
  | { type: 'reply'; outcome: ReliefOutcome; note: string }
  | { type: 'urge'; note: string };

export interface ReliefState {
  status: ReliefStatus;
  department: string;
}

/** Who acts: the role of the user and, for a department user, its department. */
export interface ReliefActor {
  role: string;
  department: string | null;
}

export type ReliefErrorCode = 'RELIEF_NOT_HANDLER' | 'RELIEF_INVALID_ACTION' | 'RELIEF_REASON_REQUIRED';

export type ReliefResult =
  | { ok: true; state: ReliefState }
  | { ok: false; code: ReliefErrorCode; message: string; field?: string };

const fail = (code: ReliefErrorCode, message: string, field?: string): ReliefResult => ({
  ok: false,
  code,
  message,
  field,
});

/**
 * 县级办理: the responsible department's users handle their inbox; the county's own staff (the leading group's
 * office) may handle or refer any application of the county. 督办 belongs to the county and the supervisors above.
 */
export function mayHandle(actor: ReliefActor, state: ReliefState): boolean {
  return actor.role === 'county' || (actor.role === 'department' && actor.department === state.department);
}

export function mayUrge(actor: ReliefActor): boolean {
  return actor.role === 'county' || actor.role === 'supervisor';
}

/** Applies one staff action; the caller has checked the region scope. */
export function applyReliefAction(state: ReliefState, action: ReliefAction, actor: ReliefActor): ReliefResult {
  if (state.status === 'replied') return fail('RELIEF_INVALID_ACTION', '该申请已办结');
  switch (action.type) {
    case 'urge':
      if (!mayUrge(actor)) return fail('RELIEF_NOT_HANDLER', '只有县级和上级监管部门可以督办');
      if (!action.note.trim()) return fail('RELIEF_REASON_REQUIRED', '请填写督办意见', 'note');
      return { ok: true, state };
    case 'accept':
      if (!mayHandle(actor, state)) return fail('RELIEF_NOT_HANDLER', '该申请不由本部门办理');
      if (state.status !== 'submitted') return fail('RELIEF_INVALID_ACTION', '该申请已受理');
      return { ok: true, state: { ...state, status: 'accepted' } };
    case 'refer':
      if (!mayHandle(actor, state)) return fail('RELIEF_NOT_HANDLER', '该申请不由本部门办理');
      if (!action.reason.trim()) return fail('RELIEF_REASON_REQUIRED', '请填写转办理由', 'reason');
      if (action.department === state.department) {
        return fail('RELIEF_INVALID_ACTION', '不能转办给本部门', 'department');
      }
      return { ok: true, state: { status: 'submitted', department: action.department } };
    case 'reply':
      if (!mayHandle(actor, state)) return fail('RELIEF_NOT_HANDLER', '该申请不由本部门办理');
      if (state.status !== 'accepted') return fail('RELIEF_INVALID_ACTION', '请先受理再办结');
      if (!action.note.trim()) return fail('RELIEF_REASON_REQUIRED', '请填写办理结果', 'note');
      return { ok: true, state: { ...state, status: 'replied' } };
  }
}

/**
 * Whom a late application concerns on `today` (SPEC §14; 云南: unresolved after 10 days goes up): past its time
 * limit it is overdue for the county's leading group; overdue and unresolved more than `escalateAfterDays` calendar
 * days after receipt it is escalated to the prefecture and province supervisors as well. An application inside its
 * own time limit is never escalated, however long that limit is.
 */
export type ReliefEscalation = 'none' | 'county' | 'prefecture';

export function reliefEscalation(
  r: { status: ReliefStatus; receivedOn: string; dueOn: string },
  today: string,
  escalateAfterDays: number,
): ReliefEscalation {
  if (r.status === 'replied' || today <= r.dueOn) return 'none';
  return daysBetween(r.receivedOn, today) > escalateAfterDays ? 'prefecture' : 'county';
}

export const RELIEF_ESCALATION_LABELS: Record<ReliefEscalation, string> = {
  none: '',
  county: '已超期，县级领导小组督办',
  prefecture: '超期未办结，已上报州市、省级监管',
};
