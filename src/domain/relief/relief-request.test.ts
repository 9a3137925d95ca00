import { describe, expect, it } from 'vitest';
import { applyReliefAction, type ReliefState, reliefEscalation } from './relief-request.ts';
import { DEFAULT_RELIEF_ITEMS, validateReliefCatalogue } from './service-items.ts';

const civil = { role: 'department', department: 'civil_affairs' };
const health = { role: 'department', department: 'health' };
const county = { role: 'county', department: null };
const supervisor = { role: 'supervisor', department: null };
const village = { role: 'village', department: null };
const waiting: ReliefState = { status: 'submitted', department: 'civil_affairs' };

describe('relief request actions (SPEC §14: 线上受理、县级办理、省州监管)', () => {
  it('lets the responsible department accept, then reply with a result', () => {
    const accepted = applyReliefAction(waiting, { type: 'accept' }, civil);
    expect(accepted).toEqual({ ok: true, state: { status: 'accepted', department: 'civil_affairs' } });
    if (!accepted.ok) return;
    const replied = applyReliefAction(
      accepted.state,
      { type: 'reply', outcome: 'resolved', note: '发放临时救助金1500元' },
      civil,
    );
    expect(replied).toEqual({ ok: true, state: { status: 'replied', department: 'civil_affairs' } });
  });

  it('refuses another department, a village user and a supervisor as handlers; the county may handle any', () => {
    for (const who of [health, village, supervisor]) {
      expect(applyReliefAction(waiting, { type: 'accept' }, who)).toMatchObject({
        ok: false,
        code: 'RELIEF_NOT_HANDLER',
      });
    }
    expect(applyReliefAction(waiting, { type: 'accept' }, county)).toMatchObject({ ok: true });
  });

  it('refers to another department with a reason, back to 待受理 there; never to itself or without a reason', () => {
    expect(applyReliefAction(waiting, { type: 'refer', department: 'health', reason: '属慢病管理' }, civil)).toEqual({
      ok: true,
      state: { status: 'submitted', department: 'health' },
    });
    expect(applyReliefAction(waiting, { type: 'refer', department: 'health', reason: ' ' }, civil)).toMatchObject({
      ok: false,
      code: 'RELIEF_REASON_REQUIRED',
      field: 'reason',
    });
    expect(
      applyReliefAction(waiting, { type: 'refer', department: 'civil_affairs', reason: '重复' }, civil),
    ).toMatchObject({ ok: false, code: 'RELIEF_INVALID_ACTION' });
  });

  it('replies only after acceptance, with a note; nothing happens after the reply', () => {
    expect(applyReliefAction(waiting, { type: 'reply', outcome: 'resolved', note: '已办' }, civil)).toMatchObject({
      ok: false,
      code: 'RELIEF_INVALID_ACTION',
    });
    const accepted: ReliefState = { status: 'accepted', department: 'civil_affairs' };
    expect(applyReliefAction(accepted, { type: 'reply', outcome: 'not_eligible', note: '' }, civil)).toMatchObject({
      ok: false,
      code: 'RELIEF_REASON_REQUIRED',
    });
    const done: ReliefState = { status: 'replied', department: 'civil_affairs' };
    expect(applyReliefAction(done, { type: 'urge', note: '请加快' }, county)).toMatchObject({
      ok: false,
      code: 'RELIEF_INVALID_ACTION',
    });
    expect(applyReliefAction(accepted, { type: 'accept' }, civil)).toMatchObject({ ok: false });
  });

  it('lets the county and supervisors urge, without changing the state; departments and villages may not', () => {
    expect(applyReliefAction(waiting, { type: 'urge', note: '请于3日内办结' }, supervisor)).toEqual({
      ok: true,
      state: waiting,
    });
    expect(applyReliefAction(waiting, { type: 'urge', note: '请于3日内办结' }, county)).toMatchObject({ ok: true });
    expect(applyReliefAction(waiting, { type: 'urge', note: '催' }, civil)).toMatchObject({ ok: false });
    expect(applyReliefAction(waiting, { type: 'urge', note: '' }, county)).toMatchObject({
      ok: false,
      code: 'RELIEF_REASON_REQUIRED',
    });
  });
});

describe('late applications', () => {
  const r = { status: 'accepted' as const, receivedOn: '2026-11-02', dueOn: '2026-11-16' };
  it('is on time through its due date, overdue for the county after it, escalated above after 10 days', () => {
    expect(reliefEscalation(r, '2026-11-16', 10)).toBe('none');
    expect(reliefEscalation({ ...r, dueOn: '2026-11-09' }, '2026-11-10', 10)).toBe('county');
    expect(reliefEscalation({ ...r, dueOn: '2026-11-09' }, '2026-11-12', 10)).toBe('county');
    expect(reliefEscalation({ ...r, dueOn: '2026-11-09' }, '2026-11-13', 10)).toBe('prefecture');
    expect(reliefEscalation(r, '2026-11-17', 10)).toBe('prefecture');
  });
  it('never escalates an answered application, nor one inside its own longer limit', () => {
    expect(reliefEscalation({ ...r, status: 'replied' }, '2027-01-01', 10)).toBe('none');
    expect(reliefEscalation({ ...r, dueOn: '2026-11-30' }, '2026-11-20', 10)).toBe('none');
  });
});

describe('service catalogue', () => {
  it('ships the fourteen items of the seed, each valid', () => {
    expect(DEFAULT_RELIEF_ITEMS).toHaveLength(14);
    expect(DEFAULT_RELIEF_ITEMS.map((i) => i.name)).toContain('临时救助');
    expect(validateReliefCatalogue(DEFAULT_RELIEF_ITEMS)).toEqual([]);
  });
  it('names each bad row of a county catalogue', () => {
    const issues = validateReliefCatalogue([
      DEFAULT_RELIEF_ITEMS[0],
      { ...DEFAULT_RELIEF_ITEMS[0], name: '' },
      { code: 'X', name: '公益岗位', department: 'nowhere', limitDays: 0, materials: [1] },
    ]);
    expect(issues.map((i) => i.field)).toEqual([
      'items[1].code',
      'items[1].name',
      'items[2].code',
      'items[2].department',
      'items[2].limitDays',
      'items[2].materials',
    ]);
    expect(issues[0]?.message).toBe('第2项：事项代码重复');
    expect(validateReliefCatalogue([])).toHaveLength(1);
  });
});
