import { chineseDate, isIsoDate } from '../calendar/dates.ts';
import type { Attachment, CaseError, CaseErrorCode, CaseState, MeetingRecord, StepProgress } from './case-types.ts';
import { type ActorLevel, LEVEL_NAMES, type RecordRequirement, type StepDef } from './types.ts';

/** Builds a typed case error (SPEC §8.1). */
export function caseError(code: CaseErrorCode, message: string, details?: Record<string, unknown>): CaseError {
  return details ? { code, message, details } : { code, message };
}

export function wrongLevel(
  step: StepDef,
  actorLevel: ActorLevel,
  allowed: readonly ActorLevel[] = [step.level],
): CaseError {
  const names = allowed.map((l) => LEVEL_NAMES[l]).join('或');
  return caseError('CASE_WRONG_LEVEL', `“${step.name}”由${names}办理，${LEVEL_NAMES[actorLevel]}用户不能操作`, {
    step: step.code,
    allowed,
    actorLevel,
  });
}

/**
 * Required records of a step not yet on file (SPEC §8.1). A requirement is met by an attachment with its code or
 * with one of its alternatives (a recorded refusal of consent stands in for consent, SPEC §8.3).
 */
export function missingRecords(step: StepDef, attachments: readonly Attachment[]): RecordRequirement[] {
  const have = new Set(attachments.map((a) => a.recordCode));
  return step.records.filter(
    (r) => r.required && !have.has(r.code) && !(r.alternatives ?? []).some((c) => have.has(c)),
  );
}

/** Attachments must name a record the step knows (or an alternative of one). */
export function unknownRecordCodes(step: StepDef, attachments: readonly Attachment[]): string[] {
  const known = new Set(step.records.flatMap((r) => [r.code, ...(r.alternatives ?? [])]));
  return [...new Set(attachments.map((a) => a.recordCode).filter((c) => !known.has(c)))];
}

export function recordsMissingError(step: StepDef, missing: RecordRequirement[]): CaseError {
  return caseError('CASE_RECORDS_MISSING', `“${step.name}”缺少必备资料：${missing.map((r) => r.name).join('、')}`, {
    step: step.code,
    missing: missing.map((r) => r.code),
  });
}

/** The 民主评议 record must say who attended and how they voted (SPEC §8.1). */
export function meetingIssue(m: MeetingRecord): CaseError | undefined {
  const bad = (message: string) => caseError('CASE_MEETING_INVALID', `评议会议记录不完整：${message}`);
  if (!isIsoDate(m.date)) return bad('会议日期应为YYYY-MM-DD');
  if (
    !Array.isArray(m.attendees) ||
    m.attendees.length === 0 ||
    m.attendees.some((a) => typeof a !== 'string' || !a.trim())
  ) {
    return bad('应记录参会人员名单');
  }
  const counts = [m.votesFor, m.votesAgainst, m.abstentions ?? 0];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) return bad('赞成、反对、弃权票数应为非负整数');
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return bad('应记录表决情况（赞成票和反对票）');
  if (total > m.attendees.length) return bad(`表决票数（${total}）多于参会人数（${m.attendees.length}）`);
  return undefined;
}

export function isFinished(state: CaseState): boolean {
  return state.status === 'completed' || state.status === 'rejected' || state.status === 'closed';
}

export function finishedError(state: CaseState): CaseError {
  const names = { completed: '已办结', rejected: '已不予通过', closed: '已关闭' } as const;
  const status = state.status as keyof typeof names;
  return caseError('CASE_FINISHED', `该事项${names[status] ?? '已结束'}，不能再办理`, { status: state.status });
}

/** Status follows from the step's progress, so it can never disagree with it (SPEC §8.1). */
export function progressStatus(p: StepProgress): CaseState['status'] {
  if (p.objections.some((o) => !o.answer)) return 'blocked_objection';
  if (p.publicity) return 'publicity';
  if (p.returnedReason !== undefined) return 'returned';
  return 'in_progress';
}

export function publicityRunningError(step: StepDef, end: string): CaseError {
  return caseError('CASE_PUBLICITY_RUNNING', `“${step.name}”公示期至${chineseDate(end)}结束，公示期满后方可办结`, {
    step: step.code,
    end,
  });
}

export function blank(note: string | undefined): boolean {
  return note === undefined || note.trim() === '';
}
