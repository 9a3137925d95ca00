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

describe('the format example (formats/assessment.md)', () => {
  it('assesses H-001 as no_risk with the Output example exactly (SPEC §7.3)', () => {
    const input = {
      year: 2026,
      monitoringLine: 7500,
      thresholds: { medicalShareOfIncome: 0.5, medicalAmount: 20000, incomeDropShare: 0.5, disasterAmount: 10000 },
      households: [
        household({
          liftedOutOfPoverty: true,
          members: [member({ idNumber: '621124198001010016', name: '张三' })],
          previousIncome: { wage: 20000, businessNet: 3000, property: 0, transfer: 1500 },
        }),
      ],
    };
    expect(assessFile(input, 'identification')).toEqual({
      year: 2026,
      results: [
        {
          id: 'H-001',
          members: 1,
          netIncome: 16500,
          perCapitaNetIncome: 16500,
          monitoringLine: 7500,
          decision: 'no_risk',
          category: null,
          riskTypes: [],
          exclusions: [],
          reasons: [
            {
              rule: 'income.at_or_above_line',
              text: '人均纯收入16500元，不低于监测线7500元',
              figures: { perCapitaNetIncome: 16500, monitoringLine: 7500 },
            },
            // (24500 − 16500) / 24500 = 0.32653… → 32.7% and 0.327
            {
              rule: 'risk.income_drop.below_threshold',
              text: '家庭纯收入同比下降32.7%，未达50%',
              figures: { drop: 0.327 },
            },
          ],
        },
      ],
      errors: [],
    });
  });
});

describe('income against the monitoring line (SPEC §7.1, §7.3 step 2 income)', () => {
  it('includes a household below the line whatever other risks (SPEC §7.1)', () => {
    const r = identify(household({ income: incomeOf(7499.99) }));
    expect(r).toMatchObject({
      decision: 'include',
      riskTypes: ['income'],
      perCapitaNetIncome: 7499.99,
      category: 'marginal',
    });
    expect(reason(r, 'income.below_line')?.text).toBe(
      '人均纯收入7499.99元，低于监测线7500元，不论是否存在其他风险均应纳入监测',
    );
  });

  it('does not treat per-capita income exactly equal to the line as income risk (SPEC §7.3)', () => {
    const r = identify(household({ income: incomeOf(15000), members: [member(), member({ relation: 'spouse' })] }));
    expect(r).toMatchObject({ decision: 'no_risk', perCapitaNetIncome: 7500, riskTypes: [] });
    expect(rules(r)).toContain('income.at_or_above_line');
  });

  it('compares the per-capita figure rounded to the fen, the one printed (SPEC §4.3)', () => {
    // 22499.99 / 3 = 7499.996… → 7500.00: printed and compared as 7500, not below the line.
    const three = [member(), member({ relation: 'spouse' }), member({ relation: 'child' })];
    const r = identify(household({ members: three, income: incomeOf(22499.99) }));
    expect(r).toMatchObject({ perCapitaNetIncome: 7500, decision: 'no_risk' });
  });

  it('sums income in fen so that 0.1 + 0.2 is 0.3 (SPEC §4.3)', () => {
    const r = identify(household({ income: { wage: 0.1, businessNet: 0.2, property: 0, transfer: 0 } }));
    expect(r.netIncome).toBe(0.3);
  });

  it('lets a business loss reduce family net income (SPEC §4.3)', () => {
    const r = identify(household({ income: { wage: 9000, businessNet: -2000, property: 100, transfer: 400 } }));
    expect(r).toMatchObject({ netIncome: 7500, decision: 'no_risk' });
  });

  it('prints non-integral yuan with two decimals and integral ones without (formats/assessment.md)', () => {
    const three = [member(), member({ relation: 'spouse' }), member({ relation: 'child' })];
    const r = identify(household({ members: three, income: incomeOf(10000) }));
    expect(r.perCapitaNetIncome).toBe(3333.33);
    expect(reason(r, 'income.below_line')?.text).toContain('人均纯收入3333.33元，低于监测线7500元');
    const half = identify(household({ income: incomeOf(8000.5) }), { monitoringLine: 7500 });
    expect(reason(half, 'income.at_or_above_line')?.text).toBe('人均纯收入8000.50元，不低于监测线7500元');
  });
});

describe('member count (SPEC §7.2 item 9, §7.3)', () => {
  it('does not count a deceased member (SPEC §7.2 item 9)', () => {
    const r = identify(
      household({
        income: incomeOf(15000),
        members: [member(), member({ relation: 'spouse', name: '李四', status: 'deceased' })],
      }),
    );
    expect(r).toMatchObject({ members: 1, perCapitaNetIncome: 15000, exclusions: [] });
    const why = reason(r, 'member.not_counted.deceased');
    expect(why?.text).toContain('成员李四（配偶）已死亡，不计入家庭人口');
    expect(why?.figures).toEqual({ field: 'households[0].members[1].status', members: 1 });
  });

  it.each(['imprisoned', 'missing', 'not_sharing'] as const)(
    'does not count a %s member (SPEC §7.2 item 9)',
    (status) => {
      const r = identify(
        household({ income: incomeOf(15000), members: [member(), member({ relation: 'child', status })] }),
      );
      expect(r.members).toBe(1);
      expect(rules(r)).toContain(`member.not_counted.${status}`);
      expect(r.exclusions).not.toContain(9);
    },
  );
});

describe('risk types at or above the line (SPEC §7.3 step 2)', () => {
  it('finds education risk for a compulsory-age dropout (SPEC §7.3 education)', () => {
    const child = member({
      relation: 'child',
      idNumber: idNumber('20140301', 2),
      labor: 'not_working_age',
      education: 'dropout',
    });
    const r = identify(household({ members: [member(), child], income: incomeOf(20000) }));
    expect(r).toMatchObject({ decision: 'include', riskTypes: ['education'], category: 'marginal' });
    expect(reason(r, 'risk.education.compulsory_dropout')?.figures).toMatchObject({ age: 12 });
    expect(rules(r)).toContain('identification.include_by_risk');
  });

  it('finds education risk when the dropout fact is recorded (SPEC §7.3 education)', () => {
    expect(identify(household({ risks: { dropout: true } })).riskTypes).toEqual(['education']);
  });

  it('does not find education risk for a dropout above compulsory-education age, but says why (SPEC §7.3 education)', () => {
    const youth = member({ relation: 'child', idNumber: idNumber('20070101', 3), education: 'dropout' });
    const r = identify(household({ members: [member(), youth], income: incomeOf(20000) }));
    expect(r.decision).toBe('no_risk');
    expect(rules(r)).toContain('risk.education.dropout_outside_compulsory_age');
  });

  it('finds medical risk when the cost is exactly the share of net income (SPEC §7.3 medical)', () => {
    const r = identify(household({ rigidExpenditure: { medical: 8250 } }));
    expect(r).toMatchObject({ decision: 'include', riskTypes: ['medical'], category: 'sudden' });
    expect(reason(r, 'risk.medical.share_of_income')?.text).toBe(
      '自付医疗费用8250元，达到家庭纯收入16500元的50%（8250元）',
    );
  });

  it('finds no medical risk one fen below the share, and says so (SPEC §7.3 medical)', () => {
    const r = identify(household({ rigidExpenditure: { medical: 8249.99 } }));
    expect(r.decision).toBe('no_risk');
    expect(reason(r, 'risk.medical.below_threshold')?.text).toBe(
      '自付医疗费用8249.99元，未达家庭纯收入的50%（8250元），也未达20000元',
    );
  });

  it('finds medical risk when the cost is exactly 20000 yuan (SPEC §7.3 medical)', () => {
    const r = identify(household({ income: incomeOf(100000), rigidExpenditure: { medical: 20000 } }));
    expect(r.riskTypes).toEqual(['medical']);
    expect(rules(r)).toContain('risk.medical.amount');
    const below = identify(household({ income: incomeOf(100000), rigidExpenditure: { medical: 19999.99 } }));
    expect(below.riskTypes).toEqual([]);
  });

  it('finds medical risk for any positive cost when family net income is zero or negative (SPEC §7.3 medical)', () => {
    const r = identify(
      household({
        income: { wage: 1000, businessNet: -3000, property: 0, transfer: 0 },
        rigidExpenditure: { medical: 100 },
      }),
    );
    expect(r.riskTypes).toEqual(['income', 'medical']);
    expect(reason(r, 'risk.medical.share_of_income')?.text).toBe(
      '家庭纯收入为-2000元，自付医疗费用100元已超过家庭纯收入的50%',
    );
    const none = identify(household({ income: incomeOf(0), rigidExpenditure: { medical: 0 } }));
    expect(none.riskTypes).toEqual(['income']);
  });

  it('finds medical risk when treatment is unaffordable, without making the household sudden (SPEC §7.3 medical, step 4)', () => {
    const r = identify(household({ risks: { medicalUnaffordable: true } }));
    expect(r).toMatchObject({ riskTypes: ['medical'], category: 'marginal' });
  });

  it.each(['C', 'D'] as const)('finds housing risk for a house appraised %s (SPEC §7.3 housing)', (grade) => {
    const r = identify(household({ risks: { housingAppraisal: grade } }));
    expect(r).toMatchObject({ riskTypes: ['housing'], category: 'marginal' });
    expect(reason(r, 'risk.housing.dangerous')?.text).toBe(`住房经鉴定为${grade}级危房`);
  });

  it.each(['A', 'B'] as const)('finds no housing risk for a house appraised %s (SPEC §7.3 housing)', (grade) => {
    expect(identify(household({ risks: { housingAppraisal: grade } })).decision).toBe('no_risk');
  });

  it('finds water risk when drinking water is unsafe (SPEC §7.3 water)', () => {
    expect(identify(household({ risks: { waterUnsafe: true } })).riskTypes).toEqual(['water']);
  });

  it('finds industry/employment risk when a business loss is recorded (SPEC §7.3 industry_employment)', () => {
    const r = identify(household({ risks: { industryLoss: true } }));
    expect(r).toMatchObject({ riskTypes: ['industry_employment'], category: 'marginal' });
  });

  it('finds industry/employment risk when net income fell by exactly 50% (SPEC §7.3 industry_employment)', () => {
    const r = identify(household({ income: incomeOf(10000), previousIncome: incomeOf(20000) }), {
      monitoringLine: 6000,
    });
    expect(r).toMatchObject({ decision: 'include', riskTypes: ['industry_employment'], category: 'sudden' });
    expect(reason(r, 'risk.income_drop.at_or_above_threshold')).toEqual({
      rule: 'risk.income_drop.at_or_above_threshold',
      text: '家庭纯收入同比下降50.0%（上年20000元，本年10000元），达到50%，属收入大幅缩减',
      figures: { drop: 0.5, previousNetIncome: 20000, netIncome: 10000 },
    });
  });

  it('does not round a fall just below the threshold up to it (SPEC §7.3 industry_employment)', () => {
    // 9996 / 20000 = 49.98%: below 50%, printed 49.9%, never 50.0%.
    const r = identify(household({ income: incomeOf(10004), previousIncome: incomeOf(20000) }), {
      monitoringLine: 6000,
    });
    expect(r.decision).toBe('no_risk');
    expect(reason(r, 'risk.income_drop.below_threshold')).toMatchObject({
      text: '家庭纯收入同比下降49.9%，未达50%',
      figures: { drop: 0.499 },
    });
  });

  it('does not judge an income fall without the previous year, and says so (SPEC §7.3 industry_employment)', () => {
    const r = identify(household({}));
    expect(r.decision).toBe('no_risk');
    expect(rules(r)).toEqual(['income.at_or_above_line', 'risk.income_drop.unknown']);
  });

  it('reports a rise or a non-positive previous income without firing (SPEC §7.3 industry_employment)', () => {
    expect(rules(identify(household({ previousIncome: incomeOf(10000) })))).toContain('risk.income_drop.none');
    const r = identify(household({ previousIncome: { wage: 0, businessNet: -500, property: 0, transfer: 0 } }));
    expect(rules(r)).toContain('risk.income_drop.not_applicable');
  });

  it('finds other risk when disaster plus accident costs are exactly 10000 yuan (SPEC §7.3 other)', () => {
    const r = identify(household({ rigidExpenditure: { disaster: 6000, accident: 4000 } }));
    expect(r).toMatchObject({ riskTypes: ['other'], category: 'sudden' });
    expect(reason(r, 'risk.other.disaster_accident_cost')?.text).toBe(
      '灾害损失6000元与意外事故支出4000元合计10000元，达到10000元',
    );
    const below = identify(household({ rigidExpenditure: { disaster: 6000, accident: 3999.99 } }));
    expect(below.decision).toBe('no_risk');
    expect(rules(below)).toContain('risk.other.below_threshold');
  });

  it('finds other risk when the main labourer is lost (SPEC §7.3 other)', () => {
    expect(identify(household({ risks: { laborLoss: true } }))).toMatchObject({
      riskTypes: ['other'],
      category: 'marginal',
    });
  });

  it('lists several risk types in SPEC order', () => {
    const r = identify(
      household({ risks: { laborLoss: true, waterUnsafe: true, dropout: true }, income: incomeOf(100) }),
    );
    expect(r.riskTypes).toEqual(['income', 'education', 'water', 'other']);
  });
});
