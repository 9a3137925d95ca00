import { describe, expect, it } from 'vitest';
import { SETTING_DEFINITIONS, type SettingDefinition } from './setting-defaults.ts';
import { foldChain, mergedIssues, settingJsonSchema, strictestOf, valueIssues } from './setting-values.ts';

const defs = Object.entries(SETTING_DEFINITIONS) as [string, SettingDefinition][];
const thresholds: SettingDefinition = SETTING_DEFINITIONS['assessment.thresholds'];
const dueDays: SettingDefinition = SETTING_DEFINITIONS['clues.dueDays'];

describe('setting definitions (SPEC §3)', () => {
  it.each(defs)('accepts the default of %s as a stored and as a merged value', (_key, def) => {
    expect(valueIssues(def, def.default)).toEqual([]);
    expect(mergedIssues(def, { ...def.default })).toEqual([]);
  });

  it.each(defs)('keeps the field limits of %s within what its domain check accepts', (_key, def) => {
    for (const [name, f] of Object.entries(def.fields)) {
      if (f.kind !== 'integer' || f.min === undefined || f.max === undefined) continue;
      for (const v of [f.min, f.max]) {
        const merged = { ...def.default, [name]: v };
        // A range pair may be reversed by one end alone; the check of the other end is not what is tested here.
        const pairs = (def.ranges ?? []).flat();
        if (pairs.includes(name)) for (const other of pairs) if (other !== name) merged[other] = v;
        expect(def.check?.(merged) ?? [], `${name}=${v}`).toEqual([]);
      }
      for (const v of [f.min - 1, f.max + 1]) {
        expect(valueIssues(def, { [name]: v }).length, `${name}=${v}`).toBe(1);
        if (def.check) expect(def.check({ ...def.default, [name]: v }).length, `${name}=${v}`).toBeGreaterThan(0);
      }
    }
  });

  it('names the field and its limits in a refusal', () => {
    const [issue] = valueIssues(thresholds, { compulsoryEducationAgeTo: 30 });
    expect(issue?.field).toBe('value.compulsoryEducationAgeTo');
    expect(issue?.message).toContain('义务教育适龄截止年龄（compulsoryEducationAgeTo）应为 3–25 的整数');
    expect(valueIssues(thresholds, { medicalShareOfIncome: 1.5 })[0]?.message).toContain('medicalShareOfIncome');
    expect(valueIssues(thresholds, { nope: 1 })[0]?.message).toContain('没有字段 nope');
    expect(valueIssues(dueDays, {})[0]).toMatchObject({ field: 'value.days' });
    expect(valueIssues(dueDays, 10)[0]).toMatchObject({ field: 'value' });
  });

  it('refuses a reversed range in the merged value', () => {
    const issues = mergedIssues(thresholds, {
      ...thresholds.default,
      compulsoryEducationAgeFrom: 12,
      compulsoryEducationAgeTo: 10,
    });
    expect(issues[0]?.message).toContain('范围颠倒');
  });

  it('merges a chain field by field, highest level first, and names each field’s source', () => {
    const r = foldChain(thresholds.default, [
      { regionCode: '621124001001', value: { compulsoryEducationAgeTo: 15 } },
      { regionCode: '621124', value: { medicalAmount: 15000, compulsoryEducationAgeTo: 17 } },
    ]);
    expect(r.value).toMatchObject({ medicalAmount: 15000, compulsoryEducationAgeTo: 15, disasterAmount: 10000 });
    expect(r.regionCode).toBe('621124001001');
    expect(r.fieldSources).toMatchObject({
      medicalAmount: '621124',
      compulsoryEducationAgeTo: '621124001001',
      disasterAmount: null,
    });
  });

  it('finds the strictest value set above for each field that may only be tightened', () => {
    const s = strictestOf(dueDays, [
      { regionCode: '62', value: { days: 8 } },
      { regionCode: '621124', value: { days: 9 } },
    ]);
    expect(s).toEqual({ days: { value: 8, regionCode: '62' } });
  });

  it('describes each key as a JSON schema', () => {
    expect(settingJsonSchema(dueDays)).toEqual({
      type: 'object',
      additionalProperties: false,
      required: ['days'],
      properties: { days: { title: '核实时限', description: '天', type: 'integer', minimum: 1, maximum: 90 } },
    });
  });
});
