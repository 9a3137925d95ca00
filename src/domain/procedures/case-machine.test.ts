import { describe, expect, it } from 'vitest';
import { defaultCalendars } from '../calendar/official-calendar.ts';
import { applyAction, currentStep, openCase } from './case-machine.ts';
import type { ActionContext, Actor, Attachment, CaseAction, CaseState, MeetingRecord } from './case-types.ts';
import { BORTALA_ELIMINATION, HUIZE_INCLUSION } from './templates/index.ts';
import type { ActorLevel, StepDef } from './types.ts';

const ctx: ActionContext = { inScope: true, calendars: defaultCalendars() };
const actor = (level: ActorLevel): Actor => ({ userId: `u-${level}`, role: level, level, regionCode: '530326100001' });
const V = actor('village');
const T = actor('township');
const C = actor('county');
const files = (step: StepDef): Attachment[] =>
  step.records.filter((r) => r.required).map((r) => ({ recordCode: r.code, fileId: `f-${r.code}` }));
const meeting: MeetingRecord = {
  date: '2026-09-27',
  attendees: ['张一', '李二', '王三'],
  votesFor: 3,
  votesAgainst: 0,
};

function apply(state: CaseState, action: CaseAction, c: ActionContext = ctx): CaseState {
  const r = applyAction(state, action, c);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.state;
}
function refuse(state: CaseState, action: CaseAction, c: ActionContext = ctx) {
  const r = applyAction(state, action, c);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}
const complete = (s: CaseState, who: Actor, at: string, extra: Partial<CaseAction> = {}) =>
  apply(s, { type: 'complete_step', actor: who, at, attachments: files(currentStep(s)), ...extra } as CaseAction);

/** A 会泽 case brought to the village review step (index 4). */
function atVillageReview(): CaseState {
  let s = openCase(HUIZE_INCLUSION, '2026-09-01');
  s = complete(s, V, '2026-09-02');
  s = complete(s, V, '2026-09-04');
  s = complete(s, V, '2026-09-07');
  return complete(s, C, '2026-09-11');
}

/** …with publicity started on Monday 2026-09-28, running over National Day to 2026-10-09. */
function inPublicity(): CaseState {
  return apply(atVillageReview(), { type: 'start_publicity', actor: V, at: '2026-09-28T09:00:00+08:00', meeting });
}

describe('case state machine (SPEC §8.1)', () => {
  it('runs the 会泽 eight steps to completion, giving 受理告知 and 认定告知 (SPEC §8.1)', () => {
    let s = inPublicity();
    expect(s.status).toBe('publicity');
    s = complete(s, V, '2026-10-10');
    s = complete(s, T, '2026-10-12');
    const confirm = applyAction(
      s,
      { type: 'complete_step', actor: C, at: '2026-10-13', attachments: files(currentStep(s)) },
      ctx,
    );
    expect(confirm.ok && confirm.effects).toContainEqual(
      expect.objectContaining({ type: 'notification', kind: 'identification', outcome: 'identified' }),
    );
    s = confirm.ok ? confirm.state : s;
    s = complete(s, C, '2026-10-14');
    expect(s.status).toBe('completed');
    expect(s.result).toMatchObject({ outcome: 'completed', on: '2026-10-14' });
    expect(s.history.map((h) => h.seq)).toEqual(s.history.map((_, i) => i + 1));
    const survey = s.history.find((h) => h.stepCode === 'survey');
    expect(survey?.actor.userId).toBe('u-village');
  });

  it('gives the acceptance notice when the survey with the application is completed (SPEC §8.1 三告知)', () => {
    let s = openCase(HUIZE_INCLUSION, '2026-09-01');
    s = complete(s, V, '2026-09-02');
    s = complete(s, V, '2026-09-04');
    const r = applyAction(
      s,
      { type: 'complete_step', actor: V, at: '2026-09-07', attachments: files(currentStep(s)) },
      ctx,
    );
    expect(r.ok && r.effects[0]).toMatchObject({ type: 'notification', kind: 'acceptance', outcome: 'accepted' });
  });

  it('only a user of the step level acts: wrong level → CASE_WRONG_LEVEL (SPEC §8.1)', () => {
    const s = openCase(HUIZE_INCLUSION, '2026-09-01');
    expect(
      refuse(s, { type: 'complete_step', actor: T, at: '2026-09-02', attachments: files(currentStep(s)) }).code,
    ).toBe('CASE_WRONG_LEVEL');
    expect(refuse(s, { type: 'complete_step', actor: actor('province'), at: '2026-09-02' }).code).toBe(
      'CASE_WRONG_LEVEL',
    );
  });

  it('refuses an actor out of scope (SPEC §3)', () => {
    const s = openCase(HUIZE_INCLUSION, '2026-09-01');
    expect(refuse(s, { type: 'complete_step', actor: V, at: '2026-09-02' }, { ...ctx, inScope: false }).code).toBe(
      'CASE_OUT_OF_SCOPE',
    );
  });

  it('names the missing record: CASE_RECORDS_MISSING (SPEC §8.1)', () => {
    let s = openCase(HUIZE_INCLUSION, '2026-09-01');
    s = complete(s, V, '2026-09-02');
    s = complete(s, V, '2026-09-04');
    const e = refuse(s, {
      type: 'complete_step',
      actor: V,
      at: '2026-09-07',
      attachments: [
        { recordCode: 'application', fileId: 'f1' },
        { recordCode: 'survey_form', fileId: 'f2' },
      ],
    });
    expect(e.code).toBe('CASE_RECORDS_MISSING');
    expect(e.message).toContain('授权承诺书');
    expect(e.details?.missing).toEqual(['authorization']);
  });

  it('records attached earlier count, unknown record codes are refused (SPEC §8.1)', () => {
    let s = openCase(HUIZE_INCLUSION, '2026-09-01');
    s = apply(s, { type: 'attach_records', actor: V, at: '2026-09-01', attachments: files(currentStep(s)) });
    s = apply(s, { type: 'complete_step', actor: V, at: '2026-09-02' });
    expect(s.current.stepIndex).toBe(1);
    expect(
      refuse(s, { type: 'attach_records', actor: V, at: '2026-09-03', attachments: [{ recordCode: 'x', fileId: 'f' }] })
        .code,
    ).toBe('CASE_UNKNOWN_RECORD');
  });

  it('the village review records attendance and votes before publicity (SPEC §8.1)', () => {
    const s = atVillageReview();
    expect(refuse(s, { type: 'start_publicity', actor: V, at: '2026-09-28' }).code).toBe('CASE_MEETING_MISSING');
    const bad = { ...meeting, votesFor: 5 };
    expect(refuse(s, { type: 'start_publicity', actor: V, at: '2026-09-28', meeting: bad }).code).toBe(
      'CASE_MEETING_INVALID',
    );
    const noVotes = { ...meeting, votesFor: 0 };
    expect(refuse(s, { type: 'start_publicity', actor: V, at: '2026-09-28', meeting: noVotes }).message).toContain(
      '表决',
    );
  });

  it('a publicity step cannot complete before its end date: CASE_PUBLICITY_RUNNING (SPEC §8.1)', () => {
    const s = inPublicity();
    expect(s.current.publicity).toMatchObject({ start: '2026-09-28', end: '2026-10-09' });
    const e = refuse(s, {
      type: 'complete_step',
      actor: V,
      at: '2026-10-09T18:00:00+08:00',
      attachments: files(currentStep(s)),
    });
    expect(e.code).toBe('CASE_PUBLICITY_RUNNING');
    expect(e.message).toContain('2026年10月9日');
    expect(refuse(atVillageReview(), { type: 'complete_step', actor: V, at: '2026-10-10', meeting }).code).toBe(
      'CASE_PUBLICITY_NOT_STARTED',
    );
  });

  it('an objection during publicity blocks until answered: CASE_OBJECTION_OPEN (SPEC §8.1)', () => {
    let s = inPublicity();
    s = apply(s, { type: 'record_objection', actor: T, at: '2026-10-08', note: '群众反映该户有商品房', from: '匿名' });
    expect(s.status).toBe('blocked_objection');
    const objection = s.current.objections[0];
    expect(objection).toMatchObject({ receivedOn: '2026-10-08', from: '匿名' });
    expect(
      refuse(s, { type: 'complete_step', actor: V, at: '2026-10-12', attachments: files(currentStep(s)) }).code,
    ).toBe('CASE_OBJECTION_OPEN');
    const answer = { type: 'answer_objection' as const, actor: V, at: '2026-10-10', objectionSeq: objection?.seq ?? 0 };
    expect(refuse(s, { ...answer, decision: 'dismissed' }).code).toBe('CASE_REASON_REQUIRED');
    s = apply(s, { ...answer, decision: 'dismissed', note: '经核实，该房屋为亲属所有' });
    expect(s.status).toBe('publicity');
    s = complete(s, V, '2026-10-12');
    expect(currentStep(s).code).toBe('township_review');
  });

  it('an objection found true returns the case to the step the template names (SPEC §8.1, issue 10)', () => {
    let s = inPublicity();
    s = apply(s, { type: 'record_objection', actor: V, at: '2026-09-30', note: '有家庭成员为公职人员' });
    const objectionSeq = s.current.objections[0]?.seq ?? 0;
    s = apply(s, {
      type: 'answer_objection',
      actor: V,
      at: '2026-10-08',
      objectionSeq,
      decision: 'upheld',
      note: '属实',
    });
    // 会泽 names 实地入户调查: publicity and objections are cleared, history keeps them.
    expect(currentStep(s).code).toBe('survey');
    expect(s.status).toBe('returned');
    expect(s.current).toMatchObject({ stepIndex: 2, objections: [], returnedReason: '公示期间异议经核实属实：属实' });
    expect(s.current.publicity).toBeUndefined();
    expect(s.history.filter((h) => h.type === 'record_objection')).toHaveLength(1);
    expect(refuse(s, { type: 'complete_step', actor: V, at: '2026-10-12' }).code).toBe('CASE_RECORDS_MISSING');
  });

  it('objections are accepted only through the end date (SPEC §8.1)', () => {
    const s = inPublicity();
    const e = refuse(s, { type: 'record_objection', actor: V, at: '2026-10-10', note: '迟到的异议' });
    expect(e.code).toBe('CASE_PUBLICITY_NOT_RUNNING');
    expect(
      apply(s, { type: 'record_objection', actor: V, at: '2026-10-10', receivedOn: '2026-10-09', note: '邮寄' }).status,
    ).toBe('blocked_objection');
  });

  it('a rejection returns the case to the village review with the reason (SPEC §8.1)', () => {
    let s = complete(inPublicity(), V, '2026-10-10');
    expect(refuse(s, { type: 'return', actor: T, at: '2026-10-12' }).code).toBe('CASE_REASON_REQUIRED');
    s = apply(s, { type: 'return', actor: T, at: '2026-10-12', note: '评议记录不完整' });
    expect(currentStep(s).code).toBe('village_review');
    expect(s.status).toBe('returned');
    expect(s.current).toMatchObject({ returnedReason: '评议记录不完整', attachments: [] });
    expect(s.completed.map((c) => c.stepIndex)).toEqual([0, 1, 2, 3]);
    s = apply(s, { type: 'return', actor: V, at: '2026-10-13', toStepCode: 'survey', note: '重新入户' });
    expect(currentStep(s).code).toBe('survey');
    expect(refuse(s, { type: 'return', actor: V, at: '2026-10-13', toStepCode: 'compare', note: 'x' }).code).toBe(
      'CASE_INVALID_RETURN_TARGET',
    );
  });

  it('a rejection closes the case with a result and the not-identified notice (SPEC §8.1)', () => {
    const s = complete(inPublicity(), V, '2026-10-10');
    const r = applyAction(s, { type: 'reject', actor: T, at: '2026-10-12', note: '家庭成员为国家公职人员' }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.status).toBe('rejected');
    expect(r.state.result).toMatchObject({ outcome: 'rejected', reason: '家庭成员为国家公职人员' });
    expect(r.effects).toContainEqual(expect.objectContaining({ kind: 'identification', outcome: 'not_identified' }));
    expect(refuse(r.state, { type: 'complete_step', actor: T, at: '2026-10-13' }).code).toBe('CASE_FINISHED');
  });

  it('reversal is a new recorded action that undoes the last completed step (SPEC §8.1)', () => {
    const before = complete(inPublicity(), V, '2026-10-10');
    const historyBefore = structuredClone(before.history);
    const r = applyAction(before, { type: 'reverse', actor: V, at: '2026-10-11', note: '误操作' }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.state;
    expect(currentStep(s).code).toBe('village_review');
    expect(s.current.publicity?.end).toBe('2026-10-09');
    expect(s.status).toBe('publicity');
    expect(s.history).toHaveLength(historyBefore.length + 1);
    expect(s.history.slice(0, -1)).toEqual(historyBefore);
    expect(s.history.at(-1)).toMatchObject({ type: 'reverse', note: '误操作', stepCode: 'village_review' });
    expect(before.history).toEqual(historyBefore); // the input state is untouched
    expect(refuse(before, { type: 'reverse', actor: T, at: '2026-10-11', note: 'x' }).code).toBe('CASE_WRONG_LEVEL');
  });

  it('reversal is refused once the next step has records, and reopens a completed case (SPEC §8.1)', () => {
    let s = complete(inPublicity(), V, '2026-10-10');
    s = apply(s, {
      type: 'attach_records',
      actor: T,
      at: '2026-10-11',
      attachments: [{ recordCode: 'spot_check', fileId: 'f' }],
    });
    expect(refuse(s, { type: 'reverse', actor: V, at: '2026-10-11', note: 'x' }).code).toBe('CASE_REVERSAL_BLOCKED');
    s = complete(s, T, '2026-10-12');
    s = complete(s, C, '2026-10-13');
    s = complete(s, C, '2026-10-14');
    const r = applyAction(s, { type: 'reverse', actor: C, at: '2026-10-15', note: '录入有误' }, ctx);
    expect(r.ok && r.state.status).toBe('in_progress');
    expect(r.ok && r.state.result).toBeUndefined();
    if (!r.ok) return;
    // A second reversal right away is allowed: the restored step has no new work.
    const twice = apply(r.state, { type: 'reverse', actor: C, at: '2026-10-15', note: '重审' });
    expect(currentStep(twice).code).toBe('county_confirm');
    const again = applyAction(twice, { type: 'complete_step', actor: C, at: '2026-10-16' }, ctx);
    expect(again.ok && again.effects[0]).toMatchObject({ kind: 'identification', outcome: 'identified' });
    expect(
      refuse(openCase(HUIZE_INCLUSION, '2026-09-01'), { type: 'reverse', actor: V, at: '2026-09-01', note: 'x' }).code,
    ).toBe('CASE_NOTHING_TO_REVERSE');
  });

  it('refuses an action dated before the last one (SPEC §8.1: history is never edited)', () => {
    const s = complete(openCase(HUIZE_INCLUSION, '2026-09-01'), V, '2026-09-05');
    expect(refuse(s, { type: 'complete_step', actor: V, at: '2026-09-04' }).code).toBe('CASE_ACTION_OUT_OF_ORDER');
  });

  it('a publicity reaching a year without calendar starts on the estimate, flagged (SPEC §8.1, issue 10)', () => {
    let s = openCase(BORTALA_ELIMINATION, '2026-12-20');
    s = {
      ...s,
      template: {
        ...s.template,
        steps: s.template.steps.map((st, i) =>
          i === 0 ? { ...st, publicity: { days: 5, unit: 'working' as const } } : st,
        ),
      },
    };
    // Weekends only: 28, 29, 30, 31 December and Friday 1 January 2027.
    expect(apply(s, { type: 'start_publicity', actor: V, at: '2026-12-28' }).current.publicity).toMatchObject({
      end: '2027-01-01',
      uncertain: true,
      missingYears: [2027],
    });
  });

  it('elimination: a recorded refusal of consent stands in for consent; 退出告知 at the end (SPEC §8.3)', () => {
    let s = openCase(BORTALA_ELIMINATION, '2026-11-02');
    s = apply(s, { type: 'start_publicity', actor: V, at: '2026-11-02' });
    expect(s.current.publicity?.end).toBe('2026-11-06');
    const attachments = files(currentStep(s)).filter((a) => a.recordCode !== 'consent');
    expect(refuse(s, { type: 'complete_step', actor: V, at: '2026-11-07', attachments }).details?.missing).toEqual([
      'consent',
    ]);
    s = apply(s, {
      type: 'complete_step',
      actor: V,
      at: '2026-11-07',
      attachments: [...attachments, { recordCode: 'consent_refusal_record', fileId: 'f-refusal' }],
    });
    s = complete(s, T, '2026-11-09');
    s = complete(s, C, '2026-11-10');
    const r = applyAction(
      s,
      { type: 'complete_step', actor: C, at: '2026-11-11', attachments: files(currentStep(s)) },
      ctx,
    );
    expect(r.ok && r.effects).toContainEqual(expect.objectContaining({ kind: 'exit', outcome: 'exited' }));
  });

  it('keeps the template snapshot and version it started with (SPEC §8.1)', () => {
    const s = openCase(HUIZE_INCLUSION, '2026-09-01');
    expect(s).toMatchObject({ templateCode: 'huize-inclusion', templateVersion: 1 });
    expect(s.template).not.toBe(HUIZE_INCLUSION);
    expect(Object.isFrozen(s.template)).toBe(false);
  });

  it('close needs a reason and may be done by the county at any step (SPEC §8.1)', () => {
    const s = openCase(HUIZE_INCLUSION, '2026-09-01');
    expect(refuse(s, { type: 'close', actor: C, at: '2026-09-02' }).code).toBe('CASE_REASON_REQUIRED');
    expect(refuse(s, { type: 'close', actor: T, at: '2026-09-02', note: 'x' }).code).toBe('CASE_WRONG_LEVEL');
    expect(apply(s, { type: 'close', actor: C, at: '2026-09-02', note: '农户撤回申请' }).status).toBe('closed');
  });
});
