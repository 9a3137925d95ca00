import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from './default-catalogue.ts';
import { reviewEffectiveness } from './effectiveness-review.ts';
import { ageRulesOf, checkTekunAges, RISK_TYPE_NAMES } from './household-facts.ts';
import { type MeasureCatalogue, mergeCatalogue } from './measure-catalogue.ts';
import { type PlanSuggestion, suggestPlan } from './suggest-plan.ts';
import { household, member } from './test-households.ts';

const merged = (overrides: Parameters<typeof mergeCatalogue>[1] = []): MeasureCatalogue => {
  const r = mergeCatalogue(DEFAULT_CATALOGUE, overrides);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.catalogue;
};
const catalogue = merged();
const codes = (p: PlanSuggestion) => p.measures.map((m) => m.subtype);

function expectReasonsNameRisks(p: PlanSuggestion) {
  for (const m of p.measures) {
    expect(m.reason.length).toBeGreaterThan(10);
    for (const r of m.answersRisks) expect(m.reason).toContain(RISK_TYPE_NAMES[r]);
  }
}

describe('suggestPlan: households without labour (SPEC §9 backstop, §8.3)', () => {
  const elderlyCouple = household({
    riskTypes: ['income', 'medical'],
    members: [
      member({ age: 72, labor: 'none', health: 'serious', employment: 'none' }),
      member({ age: 69, labor: 'none', employment: 'none' }),
    ],
    stableWorkIncome: false,
  });

  it('proposes 特困 to civil affairs and no development measure when every member is elderly without labour (SPEC §9)', () => {
    const p = suggestPlan(elderlyCouple, catalogue);
    expect(p.backstopProposal?.kind).toBe('tekun');
    expect(p.backstopProposal?.department).toBe('civil_affairs');
    expect(p.backstopProposal?.reason).toContain('无劳动能力');
    expect(p.backstopProposal?.reason).toContain('72岁');
    expect(p.measures.some((m) => m.lineOfDefence === 'development')).toBe(false);
    expect(codes(p)).toEqual(['tekun', 'medical_assistance']);
    expect(p.measures[0]?.answersRisks).toEqual(['income']);
    expect(p.notes.join()).toContain('暂不标注风险消除');
    expectReasonsNameRisks(p);
    // …and even when every risk point is later gone, the review does not start elimination (SPEC §8.3).
    const review = reviewEffectiveness({
      riskTypes: elderlyCouple.riskTypes,
      members: elderlyCouple.members,
      measures: p.measures.map((m) => ({ ...m, status: 'completed' as const, effective: true })),
      riskPoints: [
        { risk: 'income', gone: true },
        { risk: 'medical', gone: true },
      ],
      income: { perCapita: 9000, line: 7500 },
      incomeStable: true,
      rigidExpenditureControllable: true,
      basicNeedsSecured: true,
      weakMotivation: false,
      backstopInPlace: true,
    });
    expect(review.outcome).toBe('keep_monitoring');
  });

  it('treats a disabled adult with a young child as a 特困 case to verify (SPEC §9)', () => {
    const p = suggestPlan(
      household({
        riskTypes: ['income'],
        members: [
          member({ age: 41, labor: 'none', health: 'disabled', disabilityLevel: 1 }),
          member({ age: 9, labor: 'not_working_age', education: 'compulsory', employment: null }),
        ],
        stableWorkIncome: false,
      }),
      catalogue,
    );
    expect(p.backstopProposal?.kind).toBe('tekun');
    expect(p.backstopProposal?.reason).toContain('户外法定义务人');
  });

  it('proposes 低保 when a member without labour is neither elderly, disabled nor a minor (SPEC §9)', () => {
    const p = suggestPlan(
      household({
        riskTypes: ['income'],
        members: [member({ age: 48, labor: 'none', health: 'serious' }), member({ age: 17, labor: 'not_working_age' })],
        stableWorkIncome: false,
      }),
      catalogue,
    );
    expect(p.backstopProposal?.kind).toBe('dibao');
    expect(codes(p)).toEqual(['dibao']);
    expect(p.measures[0]?.reason).toContain('收入风险');
  });

  it('does not count a deceased member as labour (SPEC §7.2 item 9)', () => {
    const p = suggestPlan(
      household({
        riskTypes: ['income'],
        members: [member({ status: 'deceased' }), member({ age: 80, labor: 'none' })],
        stableWorkIncome: false,
      }),
      catalogue,
    );
    expect(p.backstopProposal?.kind).toBe('tekun');
  });

  it('does not propose the backstop the household already has (SPEC §9)', () => {
    const p = suggestPlan({ ...elderlyCouple, backstop: 'tekun' }, catalogue);
    expect(p.backstopProposal).toBeUndefined();
    expect(codes(p)).toEqual(['medical_assistance']);
    expect(p.notes.join()).toContain('已享受特困人员救助供养');
  });

  it('proposes 特困 to a 低保 household that looks like a 特困 case, saying so', () => {
    const p = suggestPlan({ ...elderlyCouple, backstop: 'dibao' }, catalogue);
    expect(p.backstopProposal?.kind).toBe('tekun');
    expect(p.backstopProposal?.reason).toContain('现享受农村低保');
  });

  it('proposes no backstop when the household has stable income from work', () => {
    const p = suggestPlan({ ...elderlyCouple, stableWorkIncome: true }, catalogue);
    expect(p.backstopProposal).toBeUndefined();
    expect(p.notes.join()).toContain('稳定务工收入');
  });
});

describe('suggestPlan: 缺什么补什么 (SPEC §9)', () => {
  it('gives exactly one targeted measure for a single risk (SPEC §9: avoid the welfare trap)', () => {
    const p = suggestPlan(household({ riskTypes: ['housing'] }), catalogue);
    expect(codes(p)).toEqual(['dangerous_house_renovation']);
    expect(p.measures[0]).toMatchObject({ answersRisks: ['housing'], department: 'housing', priority: 1 });
    expect(p.notes).toContain('风险单一，实施单项措施，防止陷入福利陷阱');
    expectReasonsNameRisks(p);
  });

  it('covers several risks with a combined plan, development measures first (SPEC §9)', () => {
    const p = suggestPlan(
      household({
        riskTypes: ['housing', 'medical', 'income', 'industry_employment'],
        members: [member({ age: 45, employment: 'none' }), member({ age: 43, health: 'serious', labor: 'partial' })],
      }),
      catalogue,
    );
    expect(codes(p)).toEqual(['job_placement', 'medical_assistance', 'dangerous_house_renovation']);
    expect(p.measures.map((m) => m.lineOfDefence)).toEqual(['development', 'protective', 'protective']);
    expect(p.measures.map((m) => m.priority)).toEqual([1, 2, 3]);
    // One measure answering two risks is listed once, not stacked.
    expect(p.measures[0]?.answersRisks).toEqual(['income', 'industry_employment']);
    expect(p.measures[0]?.reason).toContain('45岁');
    expect(p.notes).toContain('风险复杂多样，因户施策落实综合性帮扶措施');
    expect(p.backstopProposal).toBeUndefined();
    expectReasonsNameRisks(p);
  });

  it('gives a household with only weak labour a public-welfare job before the backstop (SPEC §9)', () => {
    const p = suggestPlan(
      household({
        riskTypes: ['income', 'water'],
        members: [member({ age: 58, labor: 'partial', employment: 'none' }), member({ age: 70, labor: 'none' })],
        stableWorkIncome: false,
      }),
      catalogue,
    );
    expect(codes(p)).toEqual(['public_welfare_job', 'dibao', 'water_safety_project']);
    expect(p.backstopProposal?.kind).toBe('dibao');
    expect(p.measures[1]?.answersRisks).toEqual([]);
  });

  it('suggests industry when all labour already works', () => {
    const p = suggestPlan(household({ riskTypes: ['industry_employment'] }), catalogue);
    expect(codes(p)).toEqual(['industry_support']);
    expect(p.measures[0]?.reason).toContain('产业就业风险');
  });

  it('returns a compulsory-age dropout to school, and gives a university student a loan (SPEC §5.2 education)', () => {
    const kids = [member(), member({ age: 13, labor: 'not_working_age', education: 'dropout', employment: null })];
    expect(codes(suggestPlan(household({ riskTypes: ['education'], members: kids }), catalogue))).toEqual([
      'dropout_return',
    ]);
    const student = [
      member(),
      member({ age: 20, labor: 'not_working_age', education: 'university', employment: null }),
    ];
    expect(codes(suggestPlan(household({ riskTypes: ['education'], members: student }), catalogue))).toEqual([
      'student_loan',
    ]);
  });

  it('adds 扶志扶智 for weak motivation, after the other lines (SPEC §9)', () => {
    const p = suggestPlan(household({ riskTypes: ['housing'], weakMotivation: true }), catalogue);
    expect(codes(p)).toEqual(['dangerous_house_renovation', 'zhi_encouragement']);
    expect(p.measures[1]?.lineOfDefence).toBe('spiritual');
    expect(p.measures[1]?.reason).toContain('内生动力不足');
  });

  it('does not suggest again a risk an answering existing measure meets; a cancelled one meets nothing', () => {
    const p = suggestPlan(
      household({
        riskTypes: ['medical', 'housing'],
        members: [member({ health: 'chronic' })],
        existingMeasures: [
          { subtype: 'chronic_disease_service', status: 'in_progress', answersRisks: ['medical'] },
          { subtype: 'dangerous_house_renovation', status: 'cancelled', answersRisks: ['housing'] },
        ],
      }),
      catalogue,
    );
    expect(codes(p)).toEqual(['dangerous_house_renovation']);
    expect(p.notes).toContain('医疗风险已有帮扶措施「慢病签约服务」，不重复安排');
  });

  it('does not repeat 扶志扶智 the household already has', () => {
    const p = suggestPlan(
      household({
        weakMotivation: true,
        existingMeasures: [{ subtype: 'zhi_skills_training', status: 'planned', answersRisks: [] }],
      }),
      catalogue,
    );
    expect(p.measures).toEqual([]);
    expect(p.notes.join()).toContain('已有扶志扶智措施');
  });
});

describe('suggestPlan with a region catalogue (SPEC §3, §9)', () => {
  const idle = household({ riskTypes: ['income'], members: [member({ employment: 'none' })] });

  it('takes the next preferred sub-type when the region disabled the first', () => {
    const p = suggestPlan(idle, merged([{ regionCode: '620000', disable: ['job_placement'] }]));
    expect(codes(p)).toEqual(['local_employment']);
  });

  it('uses a locally added sub-type when nothing preferred is enabled, and says why', () => {
    const local = merged([
      {
        regionCode: '621124',
        disable: ['job_placement', 'local_employment', 'skills_training'],
        add: [
          {
            code: 'labour_cooperative',
            name: '劳务合作社务工',
            type: 'employment',
            lineOfDefence: 'development',
            answersRisks: ['income'],
            department: 'hr_social_security',
            needsLaborCapacity: true,
            content: '由村劳务合作社组织务工',
          },
        ],
      },
    ]);
    const p = suggestPlan(idle, local);
    expect(p.measures[0]?.lineOfDefence).toBe('development');
    expect(p.measures[0]?.reason).toContain('收入风险');
    expect(p.measures[0]?.rule).toBe('income.catalogue');
  });

  it('uses the region name of a renamed sub-type', () => {
    const p = suggestPlan(
      household({ riskTypes: ['water'] }),
      merged([{ regionCode: '621124', rename: [{ code: 'water_safety_project', name: '农村供水保障工程' }] }]),
    );
    expect(p.measures[0]?.name).toBe('农村供水保障工程');
  });
});

describe('suggestPlan with a region’s ages (SPEC §3 rules are data, §9)', () => {
  const couple = household({
    riskTypes: ['income'],
    members: [
      member({ age: 57, labor: 'none', employment: 'none' }),
      member({ age: 58, labor: 'none', employment: 'none' }),
    ],
    stableWorkIncome: false,
  });
  const dropout = household({
    riskTypes: ['education'],
    members: [member({ age: 45 }), member({ age: 17, labor: 'not_working_age', education: 'dropout' })],
  });

  it('proposes 特困 for members past the region’s 老年人 age, 低保 below it', () => {
    expect(suggestPlan(couple, catalogue).backstopProposal?.kind).toBe('dibao');
    const ages = ageRulesOf({ elderlyAge: 55 }, { from: 6, to: 16 });
    expect(suggestPlan(couple, catalogue, ages).backstopProposal?.kind).toBe('tekun');
  });

  it('treats a dropout as of compulsory-education age within the region’s range', () => {
    expect(codes(suggestPlan(dropout, catalogue))).toEqual(['yulu']);
    expect(codes(suggestPlan(dropout, catalogue, ageRulesOf({}, { from: 6, to: 17 })))).toEqual(['dropout_return']);
  });

  it('checks a region’s 特困 ages: whole years in range, known keys', () => {
    expect(checkTekunAges({ elderlyAge: 65, tekunMinorAge: 18 })).toEqual([]);
    expect(checkTekunAges({})).toEqual([]);
    expect(checkTekunAges({ elderlyAge: 30 })).toEqual(['老年人起始年龄（elderlyAge）应为50至80之间的整数周岁']);
    expect(checkTekunAges({ minorAge: 16 })).toEqual(['不认识的特困年龄设置：minorAge']);
    expect(checkTekunAges([])).toEqual(['特困年龄设置应为对象']);
  });
});
