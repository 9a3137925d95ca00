import { describe, expect, it } from 'vitest';
import { escalation, nextProblemState, type ProblemState } from './problem-machine.ts';

const village = '621124100001';
const open: ProblemState = { status: 'rectifying', regionCode: village, deadline: '2026-10-31' };

describe('problem status machine (SPEC §15 问题清零)', () => {
  it('rectification needs measures and evidence, then waits for acceptance', () => {
    expect(
      nextProblemState(open, { type: 'submit', measures: '', evidenceCount: 1 }, village, '2026-10-20'),
    ).toMatchObject({
      ok: false,
      code: 'PROBLEM_MEASURES_MISSING',
    });
    expect(
      nextProblemState(open, { type: 'submit', measures: '已补签', evidenceCount: 0 }, village, '2026-10-20'),
    ).toMatchObject({ ok: false, code: 'PROBLEM_EVIDENCE_MISSING' });
    expect(
      nextProblemState(open, { type: 'submit', measures: '已补签', evidenceCount: 1 }, village, '2026-10-20'),
    ).toEqual({ ok: true, status: 'submitted', deadline: '2026-10-31' });
  });

  it('only the level above signs off (the village cannot close its own problem)', () => {
    const submitted = { ...open, status: 'submitted' as const };
    expect(nextProblemState(submitted, { type: 'accept' }, village, '2026-10-20')).toMatchObject({
      ok: false,
      code: 'PROBLEM_LEVEL_ABOVE',
    });
    expect(nextProblemState(submitted, { type: 'accept' }, '621124100', '2026-10-20')).toMatchObject({
      ok: true,
      status: 'closed',
    });
    expect(nextProblemState(submitted, { type: 'accept' }, '621125', '2026-10-20')).toMatchObject({ ok: false });
  });

  it('a rejected rectification returns to 整改中, or to 逾期 when the deadline has passed', () => {
    const submitted = { ...open, status: 'submitted' as const };
    const reject = { type: 'reject' as const, reason: '佐证材料不全' };
    expect(nextProblemState(submitted, reject, '621124', '2026-10-20')).toMatchObject({ status: 'rectifying' });
    expect(nextProblemState(submitted, reject, '621124', '2026-11-02')).toMatchObject({ status: 'overdue' });
    expect(nextProblemState(submitted, { type: 'reject', reason: ' ' }, '621124', '2026-10-20')).toMatchObject({
      code: 'PROBLEM_REASON_REQUIRED',
    });
  });

  it('a closed problem takes no further action', () => {
    const closed = { ...open, status: 'closed' as const };
    expect(
      nextProblemState(closed, { type: 'submit', measures: 'x', evidenceCount: 1 }, village, '2026-10-20'),
    ).toMatchObject({ code: 'PROBLEM_WRONG_STATUS' });
  });

  it('the level above may extend the deadline of an overdue problem to a later date', () => {
    const overdue = { ...open, status: 'overdue' as const };
    const extend = { type: 'extend' as const, deadline: '2026-11-20', reason: '冬季施工' };
    expect(nextProblemState(overdue, extend, '621124100', '2026-11-05')).toEqual({
      ok: true,
      status: 'rectifying',
      deadline: '2026-11-20',
    });
    expect(nextProblemState(overdue, extend, village, '2026-11-05')).toMatchObject({ code: 'PROBLEM_LEVEL_ABOVE' });
    expect(nextProblemState(overdue, { ...extend, deadline: '2026-11-01' }, '621124', '2026-11-05')).toMatchObject({
      code: 'PROBLEM_DEADLINE_INVALID',
    });
  });
});

describe('overdue escalation (SPEC §15)', () => {
  it('is not overdue on the deadline day', () => {
    expect(escalation(open, '2026-10-31', 7)).toBeNull();
  });

  it('goes to the township the day after, the county after every further 7 days, capped at the province', () => {
    expect(escalation(open, '2026-11-01', 7)).toEqual({
      daysOverdue: 1,
      levels: 1,
      escalatedTo: '621124100',
      levelName: '乡镇',
    });
    expect(escalation(open, '2026-11-08', 7)).toMatchObject({ levels: 2, escalatedTo: '621124', levelName: '县级' });
    expect(escalation(open, '2026-11-15', 7)).toMatchObject({ levels: 3, escalatedTo: '6211', levelName: '市级' });
    expect(escalation(open, '2027-06-01', 7)).toMatchObject({ levels: 4, escalatedTo: '62', levelName: '省级' });
  });

  it('a problem waiting for acceptance or closed does not escalate', () => {
    expect(escalation({ ...open, status: 'submitted' }, '2026-12-01', 7)).toBeNull();
    expect(escalation({ ...open, status: 'closed' }, '2026-12-01', 7)).toBeNull();
  });
});
