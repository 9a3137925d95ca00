import { describe, expect, it } from 'vitest';
import { file, household, incomeOf, member } from './assessment.fixtures.ts';
import type { AssessmentResult, HouseholdInput } from './assessment.types.ts';
import { assessFile, EXCLUSION_SITUATIONS } from './index.ts';

function identify(h: HouseholdInput): AssessmentResult {
  const out = assessFile(file([h]), 'identification');
  expect(out.errors).toEqual([]);
  return out.results[0] as AssessmentResult;
}

describe('exclusion situations (SPEC §7.2, §7.3 step 1)', () => {
  it.each([
    ['consumerCar', 3, 'exclusion.consumer_car'],
    ['urbanProperty', 4, 'exclusion.urban_property'],
    ['registeredCompany', 5, 'exclusion.registered_company'],
    ['largeScaleOperator', 6, 'exclusion.large_scale_operator'],
    ['deliberateSplit', 7, 'exclusion.deliberate_split'],
    ['emptyRegistration', 8, 'exclusion.empty_registration'],
    ['creditDefaulter', 10, 'exclusion.credit_defaulter'],
  ] as const)('excludes a household with %s as item %i of SPEC §7.2, naming the data', (key, item, rule) => {
    const r = identify(household({ income: incomeOf(3000), exclusions: { [key]: true } }));
    expect(r).toMatchObject({ decision: 'exclude', exclusions: [item], category: null });
    const why = r.reasons.find((x) => x.rule === rule);
    expect(why?.text).toBe(`属于不纳入监测对象的第${item}类情形：${EXCLUSION_SITUATIONS[item]}`);
    expect(why?.figures).toEqual({ exclusion: item, field: `households[0].exclusions.${key}` });
  });

  it('excludes a household with a public-servant member (SPEC §7.2 item 1)', () => {
    const r = identify(
      household({ members: [member(), member({ relation: 'spouse', name: '王五', publicServant: true })] }),
    );
    expect(r).toMatchObject({ decision: 'exclude', exclusions: [1] });
    const why = r.reasons.find((x) => x.rule === 'exclusion.public_servant');
    expect(why?.text).toContain('成员王五（配偶）为国家公职人员');
    expect(why?.figures.field).toBe('households[0].members[1].publicServant');
  });

  it("excludes when the head's parent, spouse or child outside the household is a public servant (SPEC §7.2 item 1)", () => {
    const r = identify(household({ closeRelativePublicServant: true }));
    expect(r).toMatchObject({ decision: 'exclude', exclusions: [1] });
    expect(r.reasons.map((x) => x.rule)).toContain('exclusion.close_relative_public_servant');
  });

  it("applies item 1 to the head's child who does not share income, but not to a deceased one (SPEC §7.2 items 1, 9)", () => {
    const child = member({ relation: 'child', status: 'not_sharing', publicServant: true });
    expect(identify(household({ members: [member(), child] })).exclusions).toEqual([1]);
    const dead = member({ relation: 'child', status: 'deceased', publicServant: true });
    expect(identify(household({ members: [member(), dead] })).decision).toBe('no_risk');
  });

  it('excludes a household with a salaried village cadre (SPEC §7.2 item 2)', () => {
    const r = identify(household({ members: [member({ paidVillageCadre: true })] }));
    expect(r).toMatchObject({ decision: 'exclude', exclusions: [2] });
    expect(r.reasons.map((x) => x.rule)).toContain('exclusion.paid_village_cadre');
  });

  it('excludes before looking at income, but still states the income and risk facts (SPEC §7.3 step 1)', () => {
    const r = identify(household({ income: incomeOf(100), exclusions: { consumerCar: true } }));
    expect(r).toMatchObject({ decision: 'exclude', riskTypes: ['income'] });
    expect(r.reasons.map((x) => x.rule)).toEqual([
      'exclusion.consumer_car',
      'income.below_line',
      'risk.income_drop.unknown',
    ]);
  });

  it('lists several situations once each, in ascending order (SPEC §7.2)', () => {
    const r = identify(
      household({
        members: [member({ publicServant: true, paidVillageCadre: true })],
        closeRelativePublicServant: true,
        exclusions: { creditDefaulter: true, consumerCar: true },
      }),
    );
    expect(r.exclusions).toEqual([1, 2, 3, 10]);
  });

  it('sends an excluded household with a major family event to county review, with a category (SPEC §7.2 exception)', () => {
    const r = identify(
      household({
        exclusions: { consumerCar: true },
        majorFamilyEvent: true,
        rigidExpenditure: { medical: 50000 },
        suddenEvent: 'illness',
      }),
    );
    expect(r).toMatchObject({ decision: 'county_review', exclusions: [3], category: 'sudden', riskTypes: ['medical'] });
    expect(r.reasons.find((x) => x.rule === 'exclusion.county_review')?.text).toContain(
      '县级巩固脱贫攻坚推进乡村振兴领导小组',
    );
  });

  it('ignores a major family event when no exclusion applies (SPEC §7.3 step 1)', () => {
    expect(identify(household({ majorFamilyEvent: true })).decision).toBe('no_risk');
  });
});
