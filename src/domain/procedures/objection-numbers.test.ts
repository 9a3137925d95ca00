import { describe, expect, it } from 'vitest';
import { defaultCalendars } from '../calendar/official-calendar.ts';
import { applyAction, currentStep, openCase } from './case-machine.ts';
import type { ActionContext, Actor, CaseAction, CaseState } from './case-types.ts';
import { WAFANG_INCLUSION } from './templates/index.ts';

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
});
