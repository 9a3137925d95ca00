import { describe, expect, it } from 'vitest';
import { file, household, incomeOf, member } from './assessment.fixtures.ts';
import type { AssessmentResult, HouseholdInput } from './assessment.types.ts';
import { assessFile } from './index.ts';

function eliminate(h: HouseholdInput): AssessmentResult {
  const out = assessFile(file([h]), 'elimination');
  expect(out.errors).toEqual([]);
  return out.results[0] as AssessmentResult;
}
const rules = (r: AssessmentResult) => r.reasons.map((x) => x.rule);

describe('elimination mode (SPEC §7.3 elimination, §8.3)', () => {
  it('eliminates when income is at or above the line this year and last year and no risk holds (SPEC §7.3 elim. step 3)', () => {
    const r = eliminate(household({ previousIncome: incomeOf(9000) }));
    expect(r).toMatchObject({ decision: 'eliminate', category: null, riskTypes: [] });
    expect(r.reasons.find((x) => x.rule === 'elimination.conditions_met')).toEqual({
      rule: 'elimination.conditions_met',
      text: '人均纯收入16500元（上年9000元）不低于监测线7500元，且各类风险均已消除，达到风险消除条件',
      figures: { perCapitaNetIncome: 16500, previousPerCapitaNetIncome: 9000, monitoringLine: 7500 },
    });
  });

  it('eliminates at exactly the line (SPEC §7.3 elim. step 3: ≥ the line)', () => {
    expect(eliminate(household({ income: incomeOf(7500), previousIncome: incomeOf(7500) })).decision).toBe('eliminate');
  });

  it('judges on this year alone when the previous year is unknown (SPEC §7.3 elim. step 3 "when known")', () => {
    expect(eliminate(household({})).decision).toBe('eliminate');
  });

  it('continues when the previous year was below the line (SPEC §7.3 elim. step 3)', () => {
    const r = eliminate(household({ income: incomeOf(8000), previousIncome: incomeOf(7000) }));
    expect(r.decision).toBe('continue');
    expect(rules(r)).toContain('elimination.previous_year_below_line');
  });

  it('continues when income is below the line this year (SPEC §7.3 elim. step 4)', () => {
    const r = eliminate(household({ income: incomeOf(7499.99) }));
    expect(r).toMatchObject({ decision: 'continue', riskTypes: ['income'] });
    expect(rules(r)).toContain('elimination.risk_remaining');
  });

  it('continues while a risk type of identification step 2 holds (SPEC §7.3 elim. step 3)', () => {
    const r = eliminate(household({ risks: { housingAppraisal: 'D' } }));
    expect(r).toMatchObject({ decision: 'continue', riskTypes: ['housing'] });
    expect(r.reasons.find((x) => x.rule === 'elimination.risk_remaining')?.text).toBe(
      '仍存在住房风险，风险未稳定消除，继续帮扶',
    );
  });

  it('keeps monitoring a household with no labour capacity at all, even with high income (SPEC §8.3)', () => {
    const r = eliminate(
      household({
        income: incomeOf(40000),
        backstop: 'dibao',
        members: [member({ labor: 'none' }), member({ relation: 'grandchild', labor: 'not_working_age' })],
      }),
    );
    expect(r.decision).toBe('keep_monitoring');
    expect(rules(r)).toEqual(expect.arrayContaining(['elimination.no_labor', 'elimination.backstop_in_place']));
  });

  it('counts only normal members for labour: a labourer who is not counted does not help (SPEC §7.2 item 9, §8.3)', () => {
    const r = eliminate(
      household({ members: [member({ labor: 'none' }), member({ relation: 'child', status: 'missing' })] }),
    );
    expect(r.decision).toBe('keep_monitoring');
    expect(rules(r)).toContain('elimination.backstop_missing');
  });

  it('lets a member with partial labour capacity open the way to elimination (SPEC §7.3 elim. step 2)', () => {
    expect(eliminate(household({ members: [member({ labor: 'partial' })] })).decision).toBe('eliminate');
  });

  it('records a refusal of consent as a reason without blocking elimination (SPEC §8.3)', () => {
    const r = eliminate(household({ consentToElimination: false }));
    expect(r.decision).toBe('eliminate');
    expect(r.reasons.find((x) => x.rule === 'elimination.consent_refused')?.text).toContain('不影响按程序消除风险');
  });

  it('notes that consent was not recorded when eliminating (SPEC §8.3)', () => {
    const r = eliminate(household({ consentToElimination: null }));
    expect(r.decision).toBe('eliminate');
    expect(rules(r)).toContain('elimination.consent_not_recorded');
  });

  it('returns exclude when an exclusion fact is found, before the labour rule (SPEC §7.3 elim. step 1)', () => {
    const r = eliminate(household({ exclusions: { urbanProperty: true }, members: [member({ labor: 'none' })] }));
    expect(r).toMatchObject({ decision: 'exclude', exclusions: [4] });
    expect(rules(r)).toContain('elimination.wrongly_included');
  });

  it('returns exclude with a county-review note when a major family event is recorded (SPEC §7.3 elim. step 1)', () => {
    const r = eliminate(household({ exclusions: { consumerCar: true }, majorFamilyEvent: true }));
    expect(r.decision).toBe('exclude');
    expect(r.reasons.find((x) => x.rule === 'elimination.wrongly_included')?.text).toContain('报县级领导小组复核');
  });
});
