import type { CalendarList } from '../calendar/official-calendar.ts';
import type { PublicityPeriod } from '../calendar/working-days.ts';
import type { ActorLevel, NotificationKind, ProcedureTemplate } from './types.ts';

/**
 * Types of the procedure state machine (SPEC §8.1). A case is a plain value: `applyAction` returns a new one and
 * never edits the history; the database module stores the state and the effects.
 */

export type CaseStatus =
  | 'in_progress'
  | 'returned'
  | 'publicity'
  | 'blocked_objection'
  | 'completed'
  | 'rejected'
  | 'closed';

/** Who acts (SPEC §8.1: every action records who). Scope is checked by the caller and passed as `ctx.inScope`. */
export interface Actor {
  userId: string;
  role: string;
  level: ActorLevel;
  regionCode: string;
  name?: string;
}

/** A file kept for a step, tagged with the record requirement it satisfies. */
export interface Attachment {
  recordCode: string;
  fileId: string;
  name?: string;
}

/** The village review meeting (民主评议, SPEC §8.1): who attended and the votes for and against this household. */
export interface MeetingRecord {
  date: string;
  attendees: string[];
  votesFor: number;
  votesAgainst: number;
  abstentions?: number;
  chair?: string;
  resolution?: string;
}

interface ActionBase {
  actor: Actor;
  /** When the action happened: 'YYYY-MM-DD' or an ISO timestamp; compared on its China civil date. */
  at: string;
  note?: string;
  attachments?: Attachment[];
}

export type ObjectionDecision = 'upheld' | 'dismissed';

export type CaseAction =
  | (ActionBase & { type: 'attach_records'; meeting?: MeetingRecord })
  | (ActionBase & { type: 'complete_step'; decision?: string; meeting?: MeetingRecord })
  | (ActionBase & { type: 'start_publicity'; startDate?: string; meeting?: MeetingRecord })
  | (ActionBase & { type: 'record_objection'; receivedOn?: string; from?: string })
  | (ActionBase & { type: 'answer_objection'; objectionSeq: number; decision: ObjectionDecision })
  | (ActionBase & { type: 'return'; toStepCode?: string })
  | (ActionBase & { type: 'reject'; decision?: string })
  | (ActionBase & { type: 'close'; decision?: string })
  | (ActionBase & { type: 'reverse' });

export type CaseActionType = CaseAction['type'];

/** An action as kept in the history: numbered, dated, tied to the step it acted on. Never edited. */
export type RecordedAction = CaseAction & { seq: number; date: string; stepIndex: number; stepCode: string };

export interface ObjectionState {
  /** `seq` of the record_objection action; answer_objection refers to it. */
  seq: number;
  /** Number of the objection within the case, 1, 2, 3 … however often the case returns (issue 10). */
  no?: number;
  receivedOn: string;
  note: string;
  from?: string;
  answer?: { seq: number; on: string; decision: ObjectionDecision; note: string };
}

/** Work done on the step the case is at (since it was last entered). */
export interface StepProgress {
  stepIndex: number;
  enteredOn: string;
  attachments: Attachment[];
  meeting?: MeetingRecord;
  publicity?: PublicityPeriod;
  objections: ObjectionState[];
  /** Set when the case was returned to this step, with the reason (SPEC §8.1). */
  returnedReason?: string;
}

export interface CompletedStep {
  stepIndex: number;
  completedOn: string;
  seq: number;
  /** The step's progress when it was completed; a reversal restores it. */
  progress: StepProgress;
}

export type CaseOutcome = 'completed' | 'rejected' | 'closed';

export interface CaseState {
  /** Snapshot of the template the case started with: later edits of the template do not touch running cases. */
  template: ProcedureTemplate;
  templateCode: string;
  templateVersion: number;
  startedOn: string;
  status: CaseStatus;
  current: StepProgress;
  /** Completed steps in order; the last one is what a reversal undoes. */
  completed: CompletedStep[];
  history: RecordedAction[];
  result?: { outcome: CaseOutcome; on: string; seq: number; reason?: string; decision?: string };
}

export type CaseErrorCode =
  | 'CASE_OUT_OF_SCOPE'
  | 'CASE_WRONG_LEVEL'
  | 'CASE_FINISHED'
  | 'CASE_ACTION_OUT_OF_ORDER'
  | 'CASE_INVALID_ACTION'
  | 'CASE_REASON_REQUIRED'
  | 'CASE_RECORDS_MISSING'
  | 'CASE_UNKNOWN_RECORD'
  | 'CASE_MEETING_MISSING'
  | 'CASE_MEETING_INVALID'
  | 'CASE_MEETING_NOT_EXPECTED'
  | 'CASE_NO_PUBLICITY'
  | 'CASE_PUBLICITY_NOT_STARTED'
  | 'CASE_PUBLICITY_ALREADY_STARTED'
  | 'CASE_PUBLICITY_RUNNING'
  | 'CASE_PUBLICITY_NOT_RUNNING'
  | 'CASE_OBJECTION_OPEN'
  | 'CASE_OBJECTION_UPHELD'
  | 'CASE_OBJECTION_NOT_FOUND'
  | 'CASE_OBJECTION_ANSWERED'
  | 'CASE_INVALID_RETURN_TARGET'
  | 'CASE_NOTHING_TO_REVERSE'
  | 'CASE_REVERSAL_BLOCKED';

export interface CaseError {
  code: CaseErrorCode;
  /** Chinese message for the user. */
  message: string;
  details?: Record<string, unknown>;
}

/** What the caller must do after an action (write a notice, show the publicity, recompute deadlines …). */
export type CaseEffect =
  | {
      type: 'notification';
      kind: NotificationKind;
      outcome: 'accepted' | 'identified' | 'not_identified' | 'exited';
      stepCode: string;
      reason?: string;
    }
  | { type: 'publicity_started'; stepCode: string; period: PublicityPeriod }
  | { type: 'step_entered'; stepCode: string; stepIndex: number; on: string }
  | { type: 'case_finished'; outcome: CaseOutcome }
  | { type: 'reversed'; stepCode: string; revokesNotification?: NotificationKind };

export type ApplyResult = { ok: true; state: CaseState; effects: CaseEffect[] } | { ok: false; error: CaseError };

export interface ActionContext {
  /** Whether the case's village lies in the actor's scope (checked by the caller, SPEC §3). */
  inScope: boolean;
  calendars: CalendarList;
}
