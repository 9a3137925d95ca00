import { describe, expect, it } from 'vitest';
import {
  BORTALA_ELIMINATION,
  BORTALA_INCLUSION,
  DEFAULT_TEMPLATES,
  HUIZE_ELIMINATION,
  HUIZE_INCLUSION,
  WAFANG_INCLUSION,
  ZAOZHUANG_INCLUSION,
} from './templates/index.ts';
import type { ProcedureTemplate } from './types.ts';
import { validateTemplate } from './validate-template.ts';

const copy = (t: ProcedureTemplate): ProcedureTemplate => structuredClone(t);
const codes = (r: ReturnType<typeof validateTemplate>) => (r.ok ? [] : r.errors.map((e) => e.code));

describe('shipped procedure templates (SPEC §8.1, §8.3)', () => {
  it.each(Object.values(DEFAULT_TEMPLATES))('$code passes its own validation (SPEC §8.1)', (t) => {
    expect(validateTemplate(copy(t))).toEqual({ ok: true, value: copy(t) });
  });

  it('会泽 has eight steps due on days 3/5/8/12/17/19/23/27 (SPEC §8.2)', () => {
    expect(HUIZE_INCLUSION.steps.map((s) => s.name)).toEqual([
      '风险信息收集',
      '综合分析研判',
      '实地入户调查',
      '部门信息比对',
      '村级评议公示',
      '乡镇审核',
      '县级确定',
      '数据录入和清洗',
    ]);
    expect(HUIZE_INCLUSION.steps.map((s) => (s.deadline?.kind === 'day_of_month' ? s.deadline.day : null))).toEqual([
      3, 5, 8, 12, 17, 19, 23, 27,
    ]);
    const review = HUIZE_INCLUSION.steps[4];
    expect(review).toMatchObject({ level: 'village', meeting: true, publicity: { days: 5, unit: 'working' } });
    expect(HUIZE_INCLUSION.steps[2]?.records.map((r) => r.code)).toContain('authorization');
  });

  it('博尔塔拉 六个一 publicises at least 5 calendar days and runs 申请→…→标注 (SPEC §8.1)', () => {
    expect(BORTALA_INCLUSION.steps.map((s) => s.name)).toEqual(['申请', '公示', '核准', '确认', '比对', '标注']);
    expect(BORTALA_INCLUSION.steps[1]?.publicity).toEqual({ days: 5, unit: 'calendar' });
  });

  it('博尔塔拉 elimination has four steps ending in 退出告知 (SPEC §8.3)', () => {
    expect(BORTALA_ELIMINATION.steps.map((s) => s.name)).toEqual(['提名公示', '核查核准', '核实确认', '公告标注']);
    expect(BORTALA_ELIMINATION.steps[3]?.notification).toBe('exit');
    expect(HUIZE_ELIMINATION.steps[0]?.records.map((r) => r.code)).toEqual(
      expect.arrayContaining(['elimination_assessment', 'consent']),
    );
  });

  it('三告知: each inclusion template says which step gives 受理告知 and 认定告知 (SPEC §8.1)', () => {
    for (const t of [HUIZE_INCLUSION, BORTALA_INCLUSION, ZAOZHUANG_INCLUSION, WAFANG_INCLUSION]) {
      const kinds = t.steps.flatMap((s) => (s.notification ? [s.notification] : []));
      expect(kinds).toEqual(['acceptance', 'identification']);
    }
  });

  it('shipped templates are frozen; adapt a copy (SPEC §8.1)', () => {
    expect(Object.isFrozen(HUIZE_INCLUSION.steps[0])).toBe(true);
    expect(() => {
      (HUIZE_INCLUSION.steps as unknown[]).push({});
    }).toThrow();
  });
});

describe('validating an adapted template (SPEC §8.1, §3)', () => {
  it('a county may rename steps, tighten deadlines and add required records (SPEC §8.1)', () => {
    const t = copy(HUIZE_INCLUSION);
    t.version = 2;
    (t.steps[0] as { name: string }).name = '风险线索收集';
    t.steps[4] = { ...(t.steps[4] as ProcedureTemplate['steps'][number]), deadline: { kind: 'day_of_month', day: 16 } };
    t.steps[5]?.records.push({ code: 'township_photo', name: '乡镇核查照片', kind: 'photo', required: true });
    expect(validateTemplate(t, HUIZE_INCLUSION).ok).toBe(true);
  });

  it('refuses a template without village publicity, naming the field in Chinese (SPEC §8.1)', () => {
    const t = copy(HUIZE_INCLUSION);
    delete t.steps[4]?.publicity;
    const r = validateTemplate(t);
    expect(codes(r)).toContain('TEMPLATE_NO_VILLAGE_PUBLICITY');
    if (!r.ok) expect(r.errors[0]?.message).toContain('村级公示');
  });

  it('refuses publicity shorter than 5 days (SPEC §8.1: 公示5个工作日 / 不少于5天)', () => {
    const t = copy(BORTALA_INCLUSION);
    t.steps[1] = { ...(t.steps[1] as ProcedureTemplate['steps'][number]), publicity: { days: 3, unit: 'calendar' } };
    const r = validateTemplate(t);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({ code: 'TEMPLATE_PUBLICITY_TOO_SHORT', field: 'steps[1].publicity.days' });
  });

  it('refuses an inclusion template without village review or county confirmation (SPEC §8.1)', () => {
    const t = copy(WAFANG_INCLUSION);
    delete t.steps[0]?.meeting;
    (t.steps[2] as { level: string }).level = 'township';
    const r = validateTemplate(t);
    expect(codes(r)).toEqual(expect.arrayContaining(['TEMPLATE_NO_VILLAGE_REVIEW', 'TEMPLATE_DECISION_NOT_COUNTY']));
  });

  it('refuses a county decision placed before the village publicity (SPEC §8.1)', () => {
    const t = copy(ZAOZHUANG_INCLUSION);
    t.steps = [t.steps[0], t.steps[1], t.steps[4], t.steps[3]] as ProcedureTemplate['steps'];
    expect(codes(validateTemplate(t))).toContain('TEMPLATE_DECISION_BEFORE_PUBLICITY');
  });

  it('requires the authorisation (inclusion) and consent (elimination) records (SPEC §8.1, §8.3)', () => {
    const inc = copy(BORTALA_INCLUSION);
    inc.steps[0] = { ...(inc.steps[0] as ProcedureTemplate['steps'][number]), records: [] };
    expect(codes(validateTemplate(inc))).toContain('TEMPLATE_RECORD_REQUIRED');
    const elim = copy(BORTALA_ELIMINATION);
    elim.steps[0] = { ...(elim.steps[0] as ProcedureTemplate['steps'][number]), records: [] };
    expect(codes(validateTemplate(elim))).toContain('TEMPLATE_RECORD_REQUIRED');
  });

  it('refuses out-of-order day-of-month deadlines (SPEC §8.2)', () => {
    const t = copy(HUIZE_INCLUSION);
    t.steps[1] = { ...(t.steps[1] as ProcedureTemplate['steps'][number]), deadline: { kind: 'day_of_month', day: 2 } };
    const r = validateTemplate(t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'TEMPLATE_DEADLINE_ORDER', field: 'steps[1].deadline.day' });
  });

  it('a county may not loosen what the higher level set (SPEC §3)', () => {
    const t = copy(HUIZE_INCLUSION);
    t.version = 2;
    t.steps[4] = {
      ...(t.steps[4] as ProcedureTemplate['steps'][number]),
      publicity: { days: 5, unit: 'calendar' },
      deadline: { kind: 'day_of_month', day: 18 },
      records: [],
    };
    delete t.steps[2]?.deadline;
    t.steps.splice(5, 1);
    const r = validateTemplate(t, HUIZE_INCLUSION);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.errors.filter((e) => e.code === 'TEMPLATE_LOOSENED').map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['steps[4].publicity', 'steps[4].deadline', 'steps[4].records', 'steps[2].deadline']),
    );
    expect(r.errors.find((e) => e.code === 'TEMPLATE_STEP_REMOVED')?.message).toContain('乡镇审核');
    expect(codes(validateTemplate(copy(HUIZE_INCLUSION), HUIZE_INCLUSION))).toContain('TEMPLATE_VERSION');
  });

  it('reports shape errors with the field path (SPEC §8.1)', () => {
    const r = validateTemplate({
      code: 'X Y',
      name: '',
      kind: 'other',
      version: 0,
      steps: [
        { code: 'a', name: '甲', level: 'city', records: [{ code: 'r', name: '', kind: 'x', required: 'yes' }] },
        {
          code: 'a',
          name: '乙',
          level: 'village',
          records: [],
          deadline: { kind: 'day_of_month', day: 40 },
          publicity: { days: 0, unit: 'week' },
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'code',
        'name',
        'kind',
        'version',
        'steps[0].level',
        'steps[0].records[0].name',
        'steps[0].records[0].kind',
        'steps[0].records[0].required',
        'steps[1].code',
        'steps[1].deadline.day',
        'steps[1].publicity',
      ]),
    );
    expect(validateTemplate('x')).toMatchObject({ ok: false });
  });
});
