import { describe, expect, it } from 'vitest';
import { defaultCalendars } from '../calendar/official-calendar.ts';
import { applyAction, currentStep, openCase } from './case-machine.ts';
import type { ActionContext, Actor, Attachment, CaseAction, CaseState } from './case-types.ts';
import { computeDeadlines } from './deadlines.ts';
import { publicityNotice } from './notices.ts';
import { applyPublicityLevels, publicityLevelsOf, skippedSteps } from './publicity-levels.ts';
import { RECORDS as R } from './records.ts';
import { BORTALA_ELIMINATION, BORTALA_INCLUSION, HUIZE_INCLUSION } from './templates/index.ts';
import type { ActorLevel, ProcedureTemplate, StepDef } from './types.ts';
import { validateTemplate } from './validate-template.ts';

const ctx: ActionContext = { inScope: true, calendars: defaultCalendars() };
const actor = (level: ActorLevel): Actor => ({ userId: `u-${level}`, role: level, level, regionCode: '621124100001' });
const V = actor('village');
const T = actor('township');
const C = actor('county');
const files = (step: StepDef): Attachment[] =>
  step.records.filter((r) => r.required).map((r) => ({ recordCode: r.code, fileId: `f-${r.code}` }));
function apply(state: CaseState, action: CaseAction): CaseState {
  const r = applyAction(state, action, ctx);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.state;
}
const complete = (s: CaseState, who: Actor, at: string) =>
  apply(s, { type: 'complete_step', actor: who, at, attachments: files(currentStep(s)) });
const meeting = { date: '2026-03-02', attendees: ['张一', '李二', '王三'], votesFor: 3, votesAgainst: 0 };

/**
 * A county adaptation in the seeds' multi-level shape: the village publicises, then the township publicises the
 * list again (乡镇公示, a step for nothing else) and the county announces at its decision (县级公告).
 */
const MULTI_LEVEL: ProcedureTemplate = (() => {
  const t: ProcedureTemplate = {
    code: 'multi-level-inclusion',
    name: '多级公示程序（示例）',
    kind: 'inclusion',
    version: 1,
    steps: [
      {
        code: 'apply',
        name: '申请',
        level: 'village',
        records: [R.application, R.authorization],
        notification: 'acceptance',
      },
      {
        code: 'village_review',
        name: '村级评议公示',
        level: 'village',
        records: [R.reviewMinutes, R.publicityNotice, R.publicityPhotos, R.objectionHandling],
        publicity: { days: 5, unit: 'calendar' },
        meeting: true,
      },
      {
        code: 'township_publicity',
        name: '乡镇公示',
        level: 'township',
        records: [R.publicityNotice, R.publicityPhotos, R.objectionHandling],
        publicity: { days: 5, unit: 'working' },
        deadline: { kind: 'working_days_from_previous', days: 10 },
      },
      { code: 'township_review', name: '乡镇审核', level: 'township', records: [R.spotCheck] },
      {
        code: 'county_confirm',
        name: '县级确定并公告',
        level: 'county',
        records: [R.countyApproval, R.countyAnnouncement, R.publicityNotice],
        publicity: { days: 7, unit: 'calendar' },
        notification: 'identification',
      },
    ],
  };
  const v = validateTemplate(t);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
})();

describe('publicity levels (issue 10 point 3: single-level publicity since 2024)', () => {
  it('leaves the template as it is under the template rule', () => {
    expect(applyPublicityLevels(MULTI_LEVEL, { mode: 'template' })).toBe(MULTI_LEVEL);
    expect(publicityLevelsOf(undefined)).toEqual({ mode: 'template' });
    expect(publicityLevelsOf({ mode: 'template', villageDays: 9 })).toEqual({ mode: 'template' });
  });

  it('never reads fewer than 5 days from a stored value', () => {
    expect(publicityLevelsOf({ mode: 'village_only', villageDays: 3 })).toEqual({ mode: 'village_only', days: 5 });
    expect(publicityLevelsOf({ mode: 'village_only' })).toEqual({ mode: 'village_only', days: 5 });
    expect(publicityLevelsOf({ mode: 'village_only', villageDays: 8 })).toEqual({ mode: 'village_only', days: 8 });
  });

  it('skips the township publicity step and strips the county publicity and announcement', () => {
    const t = applyPublicityLevels(MULTI_LEVEL, { mode: 'village_only', days: 5 });
    expect(t.steps.map((s) => s.code)).toEqual(['apply', 'village_review', 'township_review', 'county_confirm']);
    expect(skippedSteps(MULTI_LEVEL, { mode: 'village_only', days: 5 }).map((s) => s.name)).toEqual(['乡镇公示']);
    const county = t.steps.find((s) => s.code === 'county_confirm') as StepDef;
    expect(county.publicity).toBeUndefined();
    expect(county.records.map((r) => r.code)).toEqual(['county_approval']);
    expect(county.notification).toBe('identification');
    // The one publicity left is the village's, in working days, never shorter than the template's.
    expect(t.steps.filter((s) => s.publicity).map((s) => [s.level, s.publicity])).toEqual([
      ['village', { days: 5, unit: 'working' }],
    ]);
    expect(t.publicityLevels).toEqual({ mode: 'village_only', days: 5 });
    // The result is still a valid template, and the input was not touched.
    expect(validateTemplate(t).ok).toBe(true);
    expect(MULTI_LEVEL.steps).toHaveLength(5);
  });

  it('lengthens the village publicity to the set days, and keeps a longer template one', () => {
    const eight = applyPublicityLevels(HUIZE_INCLUSION, { mode: 'village_only', days: 8 });
    expect(eight.steps.find((s) => s.publicity)?.publicity).toEqual({
      days: 8,
      unit: 'working',
      upheldReturnsTo: 'survey',
    });
    const long = {
      ...HUIZE_INCLUSION,
      steps: HUIZE_INCLUSION.steps.map((s) =>
        s.publicity ? { ...s, publicity: { days: 9, unit: 'working' as const } } : s,
      ),
    };
    expect(
      applyPublicityLevels(long, { mode: 'village_only', days: 5 }).steps.find((s) => s.publicity)?.publicity?.days,
    ).toBe(9);
    // Asked for less than the rule's 5, it still holds 5.
    expect(applyPublicityLevels(HUIZE_INCLUSION, { mode: 'village_only', days: 2 }).steps[4]?.publicity?.days).toBe(5);
  });

  it('keeps the 会泽 steps (village publicity only already) and turns 博尔塔拉 calendar days into working days', () => {
    const huize = applyPublicityLevels(HUIZE_INCLUSION, { mode: 'village_only', days: 5 });
    expect(huize.steps.map((s) => s.code)).toEqual(HUIZE_INCLUSION.steps.map((s) => s.code));
    const bortala = applyPublicityLevels(BORTALA_INCLUSION, { mode: 'village_only', days: 5 });
    expect(bortala.steps.find((s) => s.code === 'publicity')?.publicity).toEqual({ days: 5, unit: 'working' });
    // 标注 keeps its system entry and the 认定告知, without a county announcement.
    const mark = bortala.steps.find((s) => s.code === 'mark') as StepDef;
    expect(mark.records.map((r) => r.code)).toEqual(['system_entry']);
    expect(mark.notification).toBe('identification');
    const elim = applyPublicityLevels(BORTALA_ELIMINATION, { mode: 'village_only', days: 5 });
    const announce = elim.steps.find((s) => s.code === 'announce_mark') as StepDef;
    expect(announce.records.map((r) => r.code)).toEqual(['system_entry']);
    expect(announce.notification).toBe('exit');
  });

  it('runs a case past the skipped steps: village publicity, then straight to the township review', () => {
    const template = applyPublicityLevels(MULTI_LEVEL, { mode: 'village_only', days: 5 });
    let s = openCase(template, '2026-03-02');
    s = complete(s, V, '2026-03-02');
    // Monday 2026-03-02 start: 5 working days, Monday to Friday 2026-03-06.
    s = apply(s, { type: 'start_publicity', actor: V, at: '2026-03-02T09:00:00+08:00', meeting });
    expect(s.current.publicity).toMatchObject({ start: '2026-03-02', end: '2026-03-06', days: 5, unit: 'working' });
    const early = applyAction(
      s,
      { type: 'complete_step', actor: V, at: '2026-03-05', attachments: files(currentStep(s)) },
      ctx,
    );
    expect(early.ok).toBe(false);
    s = complete(s, V, '2026-03-10');
    expect(currentStep(s).code).toBe('township_review');
    s = complete(s, T, '2026-03-11');
    // The county confirms without a publicity of its own and without a county announcement on file.
    const r = applyAction(
      s,
      { type: 'complete_step', actor: C, at: '2026-03-12', attachments: files(currentStep(s)) },
      ctx,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.status).toBe('completed');
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'notification', kind: 'identification' }));
    expect(r.state.history.some((h) => h.type === 'start_publicity' && h.stepCode !== 'village_review')).toBe(false);
    // Under the template rule the same case would stop at the township publicity.
    let m = openCase(MULTI_LEVEL, '2026-03-02');
    m = complete(m, V, '2026-03-02');
    m = apply(m, { type: 'start_publicity', actor: V, at: '2026-03-02T09:00:00+08:00', meeting });
    m = complete(m, V, '2026-03-10');
    expect(currentStep(m).code).toBe('township_publicity');
  });

  it('computes deadlines and the notice on the village period only', () => {
    const template = applyPublicityLevels(MULTI_LEVEL, { mode: 'village_only', days: 6 });
    const dues = computeDeadlines(template, '2026-03-02', ctx.calendars, {});
    expect(dues.map((d) => d.stepCode)).not.toContain('township_publicity');
    const step = template.steps.find((s) => s.publicity) as StepDef;
    const text = publicityNotice({
      kind: 'inclusion',
      township: '太石镇',
      village: '大井村',
      households: [{ headName: '张三', persons: 4, category: 'marginal', riskTypes: ['medical'] }],
      period: {
        start: '2026-03-02',
        end: '2026-03-10',
        days: step.publicity?.days ?? 0,
        unit: step.publicity?.unit ?? 'calendar',
      },
      objection: { hotline: '12317' },
      issuer: '大井村村民委员会',
      issuedOn: '2026-03-02',
    });
    expect(text).toContain('（6个工作日）');
  });
});
