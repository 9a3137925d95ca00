import { describe, expect, it } from 'vitest';
import { defaultCalendars } from '../calendar/official-calendar.ts';
import { applyAction, currentStep, openCase } from './case-machine.ts';
import type { ActionContext, Actor, CaseAction, CaseState } from './case-types.ts';
import { HUIZE_INCLUSION, WAFANG_INCLUSION } from './templates/index.ts';

const ctx: ActionContext = { inScope: true, calendars: defaultCalendars() };
const V: Actor = { userId: 'u-v', role: 'village', level: 'village', regionCode: '530326100001' };
const T: Actor = { userId: 'u-t', role: 'township', level: 'township', regionCode: '530326100' };

function apply(state: CaseState, action: CaseAction): CaseState {
  const r = applyAction(state, action, ctx);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.state;
}

describe('objections during publicity (SPEC §8.1, issue 10)', () => {
  const meeting = { date: '2026-11-02', attendees: ['甲', '乙', '丙'], votesFor: 3, votesAgainst: 0 };
  function inPublicity(s: CaseState, at: string) {
    const step = currentStep(s);
    const attachments = step.records.filter((r) => r.required).map((r) => ({ recordCode: r.code, fileId: 'f' }));
    return apply(s, { type: 'start_publicity', actor: V, at, meeting, attachments } as CaseAction);
  }

  it('accepts an objection received on the first day and numbers objections per case across returns', () => {
    let s = inPublicity(openCase(WAFANG_INCLUSION, '2026-11-02'), '2026-11-02T08:30:00+08:00');
    s = apply(s, { type: 'record_objection', actor: V, at: '2026-11-02T09:00:00+08:00', note: '反映一' });
    s = apply(s, { type: 'record_objection', actor: V, at: '2026-11-03T09:00:00+08:00', note: '反映二' });
    expect(s.current.objections.map((o) => o.no)).toEqual([1, 2]);
    for (const o of s.current.objections) {
      s = apply(s, {
        type: 'answer_objection',
        actor: V,
        at: '2026-11-04T09:00:00+08:00',
        objectionSeq: o.seq,
        decision: 'dismissed',
        note: '经核实不属实',
      } as CaseAction);
    }
    s = apply(s, { type: 'complete_step', actor: V, at: '2026-11-09T09:00:00+08:00' } as CaseAction);
    s = apply(s, { type: 'return', actor: T, at: '2026-11-10T09:00:00+08:00', note: '重新评议' } as CaseAction);
    s = inPublicity(s, '2026-11-10T09:00:00+08:00');
    s = apply(s, { type: 'record_objection', actor: V, at: '2026-11-10T10:00:00+08:00', note: '反映三' });
    expect(s.current.objections.map((o) => o.no)).toEqual([3]);
  });

  it('an upheld objection returns the case to the step the template names, with the answer as reason', () => {
    const W = (at: string, a: Record<string, unknown>) => ({ actor: V, at, ...a }) as CaseAction;
    // 瓦房 names no step: the village nomination with its publicity is worked again.
    let s = inPublicity(openCase(WAFANG_INCLUSION, '2026-11-02'), '2026-11-02T08:30:00+08:00');
    s = apply(s, W('2026-11-02T09:00:00+08:00', { type: 'record_objection', note: '家有经营性货车' }));
    const seq = s.current.objections[0]?.seq as number;
    s = apply(
      s,
      W('2026-11-03T09:00:00+08:00', {
        type: 'answer_objection',
        objectionSeq: seq,
        decision: 'upheld',
        note: '核实有货车',
      }),
    );
    expect(currentStep(s).code).toBe('village_nominate');
    expect(s.current.publicity).toBeUndefined();
    expect(s.current.returnedReason).toContain('核实有货车');
    expect(s.history.at(-1)).toMatchObject({ type: 'answer_objection', decision: 'upheld' });

    // 会泽 names 实地入户调查: the survey and everything after it are done again.
    const C: Actor = { userId: 'u-c', role: 'county', level: 'county', regionCode: '530326' };
    let h = openCase(HUIZE_INCLUSION, '2026-11-02');
    const done = (st: CaseState, who: Actor, at: string) => {
      const step = currentStep(st);
      const attachments = step.records.filter((r) => r.required).map((r) => ({ recordCode: r.code, fileId: 'f' }));
      return apply(st, { type: 'complete_step', actor: who, at, attachments } as CaseAction);
    };
    h = done(h, V, '2026-11-02T09:00:00+08:00');
    h = done(h, V, '2026-11-02T09:00:00+08:00');
    h = done(h, V, '2026-11-02T09:00:00+08:00');
    h = done(h, C, '2026-11-02T09:00:00+08:00');
    h = inPublicity(h, '2026-11-03T09:00:00+08:00');
    h = apply(h, W('2026-11-03T10:00:00+08:00', { type: 'record_objection', note: '反映收入不实' }));
    const hs = h.current.objections[0]?.seq as number;
    const r = applyAction(
      h,
      W('2026-11-04T09:00:00+08:00', { type: 'answer_objection', objectionSeq: hs, decision: 'upheld', note: '属实' }),
      ctx,
    );
    expect(r.ok && currentStep(r.state).code).toBe('survey');
    expect(r.ok && r.effects).toEqual([{ type: 'step_entered', stepCode: 'survey', stepIndex: 2, on: '2026-11-04' }]);
    expect(r.ok && r.state.completed.map((c) => c.stepIndex)).toEqual([0, 1]);
  });
});
