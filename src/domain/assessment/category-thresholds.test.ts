import { describe, expect, it } from 'vitest';
import { file, household, idNumber, incomeOf, member } from './assessment.fixtures.ts';
import type { AssessmentResult, HouseholdInput } from './assessment.types.ts';
import { assessFile } from './index.ts';

function identify(h: HouseholdInput, over: Parameters<typeof file>[1] = {}): AssessmentResult {
  const out = assessFile(file([h], over), 'identification');
  expect(out.errors).toEqual([]);
  return out.results[0] as AssessmentResult;
}
const rules = (r: AssessmentResult) => r.reasons.map((x) => x.rule);
const reason = (r: AssessmentResult, rule: string) => r.reasons.find((x) => x.rule === rule);

describe('category (SPEC §5.1, §7.3 step 4)', () => {
  it('suggests unstable for a lifted-out household whatever the risk (SPEC §7.3 step 4)', () => {
    const r = identify(household({ liftedOutOfPoverty: true, rigidExpenditure: { medical: 30000 } }));
    expect(r).toMatchObject({ decision: 'include', category: 'unstable' });
    expect(rules(r)).toContain('category.unstable');
  });

  it('suggests sudden when a sudden event is recorded (SPEC §7.3 step 4)', () => {
    const r = identify(household({ risks: { housingAppraisal: 'D' }, suddenEvent: 'disaster' }));
    expect(r.category).toBe('sudden');
    expect(reason(r, 'category.sudden')?.text).toContain('自然灾害');
  });

  it('suggests marginal for low income without a sudden event (SPEC §7.3 step 4)', () => {
    expect(identify(household({ income: incomeOf(5000) })).category).toBe('marginal');
  });

  it('gives no category to no_risk (formats/assessment.md)', () => {
    expect(identify(household({ liftedOutOfPoverty: true })).category).toBeNull();
  });
});

describe('thresholds (SPEC §7.3, §10)', () => {
  it('uses the file thresholds over the defaults', () => {
    const h = household({ rigidExpenditure: { medical: 5000 } });
    expect(identify(h).riskTypes).toEqual([]);
    expect(identify(h, { thresholds: { medicalShareOfIncome: 0.3 } }).riskTypes).toEqual(['medical']);
  });

  it('uses the region thresholds from the caller, overridden by the file key by key', () => {
    const h = household({ rigidExpenditure: { medical: 5000, disaster: 5000 } });
    const region = () => ({ medicalAmount: 5000, disasterAmount: 5000 });
    const out = assessFile(file([h]), 'identification', { resolveThresholds: region });
    expect(out.results[0]?.riskTypes).toEqual(['medical', 'other']);
    const over = assessFile(file([h], { thresholds: { disasterAmount: 8000 } }), 'identification', {
      resolveThresholds: region,
    });
    expect(over.results[0]?.riskTypes).toEqual(['medical']);
  });
});

describe('compulsory-education age as a threshold (SPEC §3 rules are data, §7.3 education)', () => {
  // 17 on 1 September 2026: outside the default 6–16.
  const youth = () =>
    household({
      members: [
        member(),
        member({
          relation: 'child',
          idNumber: idNumber('20090601', 2),
          labor: 'not_working_age',
          education: 'dropout',
        }),
      ],
      income: incomeOf(20000),
    });

  it('takes the range from the region, so a region that counts to 17 finds the education risk', () => {
    expect(identify(youth()).riskTypes).toEqual([]);
    const out = assessFile(file([youth()]), 'identification', {
      resolveThresholds: () => ({ compulsoryEducationAgeTo: 17 }),
    });
    expect(out.results[0]?.riskTypes).toEqual(['education']);
    expect(reason(out.results[0] as AssessmentResult, 'risk.education.compulsory_dropout')?.figures).toMatchObject({
      age: 17,
    });
  });

  it('refuses a range that is not whole years, or that the region and the file reverse between them', () => {
    const bad = assessFile(file([youth()]), 'identification', {
      resolveThresholds: () => ({ compulsoryEducationAgeFrom: 6.5 }),
    });
    expect(bad.errors[0]?.errors).toEqual([
      expect.objectContaining({ field: 'thresholds.compulsoryEducationAgeFrom', code: 'ASSESS_THRESHOLD_INVALID' }),
    ]);
    const reversed = assessFile(file([youth()], { thresholds: { compulsoryEducationAgeFrom: 15 } }), 'identification', {
      resolveThresholds: () => ({ compulsoryEducationAgeTo: 14 }),
    });
    expect(reversed.results).toEqual([]);
    expect(reversed.errors[0]?.errors[0]?.message).toContain('义务教育适龄起始年龄15周岁大于截止年龄14周岁');
  });
});

describe('monitoring line resolution (formats/assessment.md monitoringLine)', () => {
  it('asks the caller for the region line when the file has none', () => {
    const out = assessFile(
      file([household({ income: incomeOf(8000) })], { monitoringLine: undefined }),
      'identification',
      {
        resolveMonitoringLine: (code, year) => (code === '621124100201' && year === 2026 ? 9000 : undefined),
      },
    );
    expect(out.results[0]).toMatchObject({ monitoringLine: 9000, decision: 'include' });
  });

  it('gives the household an error naming monitoringLine when no line can be found', () => {
    const out = assessFile(file([household()], { monitoringLine: undefined }), 'identification');
    expect(out.results).toEqual([]);
    expect(out.errors).toEqual([
      { id: 'H-001', index: 0, errors: [expect.objectContaining({ field: 'monitoringLine', code: 'LINE_NOT_SET' })] },
    ]);
  });
});
