import { describe, expect, it } from 'vitest';
import { type EffectivenessReviewInput, reviewEffectiveness } from './effectiveness-review.ts';
import { member } from './test-households.ts';

const stableHousehold: EffectivenessReviewInput = {
  riskTypes: ['income', 'housing'],
  members: [member({ age: 45 }), member({ age: 44, labor: 'partial' })],
  measures: [
    { subtype: 'job_placement', name: '转移就业', status: 'completed', answersRisks: ['income'], effective: true },
    {
      subtype: 'dangerous_house_renovation',
      name: '农村危房改造',
      status: 'completed',
      answersRisks: ['housing'],
      effective: true,
    },
  ],
  riskPoints: [
    { risk: 'income', gone: true },
    { risk: 'housing', gone: true, evidence: '改造后鉴定为A级' },
  ],
  income: { perCapita: 9800, line: 7500, previousPerCapita: 8100, previousLine: 7200 },
  incomeStable: true,
  rigidExpenditureControllable: true,
  basicNeedsSecured: true,
  weakMotivation: false,
  backstopInPlace: false,
};

describe('reviewEffectiveness 帮扶成效评议 (SPEC §9, §8.3)', () => {
  it('starts elimination when every risk point is gone and income is stably above the line (SPEC §8.3)', () => {
    const r = reviewEffectiveness(stableHousehold);
    expect(r.outcome).toBe('start_elimination');
    expect(r.findings.risksGone).toEqual(['income', 'housing']);
    expect(r.reasons.map((x) => x.rule)).toContain('income.stable_above_line');
    expect(r.reasons.find((x) => x.rule === 'income.stable_above_line')?.text).toContain('人均纯收入9800元');
    expect(r.followUps[0]).toContain('知情同意');
  });

  it('keeps a household with no labour capacity monitored, however well it does (SPEC §8.3)', () => {
    const r = reviewEffectiveness({
      ...stableHousehold,
      members: [member({ age: 78, labor: 'none' }), member({ age: 12, labor: 'not_working_age' })],
      backstopInPlace: true,
    });
    expect(r.outcome).toBe('keep_monitoring');
    expect(r.reasons[0]?.text).toContain('暂不标注风险消除');
  });

  it('asks for the backstop when a no-labour household has none in place', () => {
    const r = reviewEffectiveness({ ...stableHousehold, members: [member({ labor: 'none' })] });
    expect(r.followUps[0]).toContain('兜底保障');
  });

  it('continues assistance when income is unstable or rigid expenditure is uncontrollable (SPEC §8.3 weak stability)', () => {
    const r = reviewEffectiveness({ ...stableHousehold, incomeStable: false, rigidExpenditureControllable: false });
    expect(r.outcome).toBe('continue_assistance');
    expect(r.reasons.map((x) => x.rule)).toEqual(['income.unstable', 'expenditure.uncontrollable']);
    expect(r.followUps).toEqual(expect.arrayContaining(['促进稳定增收', '减轻家庭刚性支出负担']));
  });

  it('continues assistance when last year was below the line (SPEC §7.3 elimination step 3)', () => {
    const r = reviewEffectiveness({
      ...stableHousehold,
      income: { ...stableHousehold.income, previousPerCapita: 7000 },
    });
    expect(r.outcome).toBe('continue_assistance');
    expect(r.findings.incomeAboveLine).toBe(false);
    expect(r.reasons[0]?.text).toContain('上年7000元');
  });

  it('treats a risk point not reviewed as not gone, and flags a remaining risk without a measure', () => {
    const r = reviewEffectiveness({
      ...stableHousehold,
      riskTypes: ['income', 'housing', 'medical'],
    });
    expect(r.outcome).toBe('continue_assistance');
    expect(r.findings.risksRemaining).toEqual(['medical']);
    expect(r.findings.risksWithoutMeasure).toEqual(['medical']);
    expect(r.reasons[0]?.text).toContain('医疗风险未评议');
    expect(r.followUps).toContain('为医疗风险补充针对性帮扶措施');
  });

  it('reports untargeted and ineffective measures without blocking elimination by themselves', () => {
    const r = reviewEffectiveness({
      ...stableHousehold,
      weakMotivation: true,
      measures: [
        ...stableHousehold.measures,
        { subtype: 'yulu', name: '雨露计划', status: 'in_progress', answersRisks: ['education'], effective: false },
      ],
    });
    expect(r.outcome).toBe('start_elimination');
    expect(r.findings.untargetedMeasures).toEqual(['雨露计划']);
    expect(r.findings.ineffectiveMeasures).toEqual(['雨露计划']);
    expect(r.followUps).toContain('家庭成员内生动力不足，持续扶志扶智');
  });
});
