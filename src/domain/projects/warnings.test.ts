import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_RULES, isKeyProject, mergeProjectRules, type WarningRules } from './rules.ts';
import { monthWarning, type PlanMonth, type ProgressReport, warningHistory } from './warnings.ts';

const ZAOZHUANG = DEFAULT_PROJECT_RULES.warning;
const TOTAL = 100_000_000; // 1,000,000 yuan in fen

/** Approval in March, tendering in April, construction May, payments 30% / 60% / 100% in May–July. */
const plan: PlanMonth[] = [
  { month: '2026-03', milestones: ['approval'], paymentShare: 0 },
  { month: '2026-04', milestones: ['tendering'], paymentShare: 0 },
  { month: '2026-05', milestones: ['construction'], paymentShare: 0.3 },
  { month: '2026-06', milestones: ['payment'], paymentShare: 0.6 },
  { month: '2026-07', milestones: ['final_accounts', 'audit_acceptance'], paymentShare: 1 },
];
const report = (month: string, milestones: ProgressReport['milestones'], paidShare: number): ProgressReport => ({
  month,
  milestones,
  worksShare: paidShare,
  paidFen: Math.round(TOTAL * paidShare),
});

describe('红黄蓝 monthly warnings, 枣庄 rules (SPEC §13)', () => {
  it('gives blue when the month’s plan is met', () => {
    const w = monthWarning(plan, [report('2026-03', ['approval'], 0)], TOTAL, '2026-03', ZAOZHUANG);
    expect(w).toMatchObject({ colour: 'blue', missedMonths: 0, reason: '达到当月进度要求' });
  });

  it('gives yellow when the planned month passes without a start (计划月份未开工)', () => {
    const w = monthWarning(plan, [], TOTAL, '2026-03', ZAOZHUANG);
    expect(w.colour).toBe('yellow');
    expect(w.reason).toBe('计划月份未开工：未完成审批');
  });

  it('gives yellow for one missed month and red for the second consecutive one', () => {
    const reports = [report('2026-03', ['approval'], 0), report('2026-04', ['tendering'], 0)];
    expect(monthWarning(plan, reports, TOTAL, '2026-05', ZAOZHUANG)).toMatchObject({
      colour: 'yellow',
      missedMonths: 1,
      missing: ['construction'],
      gapPoints: 30,
    });
    const red = monthWarning(plan, reports, TOTAL, '2026-06', ZAOZHUANG);
    expect(red).toMatchObject({ colour: 'red', missedMonths: 2 });
    expect(red.reason).toBe('连续2个月未达到进度要求：未完成施工监理、报账拨款，资金支付落后计划60个百分点');
  });

  it('recovers from red to blue in the month the plan is met again, then a new miss is yellow', () => {
    const reports = [
      report('2026-03', ['approval'], 0),
      report('2026-04', ['tendering'], 0),
      // May and June missed; July catches up with everything.
      report('2026-07', ['construction', 'payment', 'final_accounts', 'audit_acceptance'], 1),
    ];
    const history = warningHistory(plan, reports, TOTAL, '2026-07', ZAOZHUANG);
    expect(history.map((w) => w.colour)).toEqual(['blue', 'blue', 'yellow', 'red', 'blue']);
    expect(history[4]?.reason).toBe('达到当月进度要求，由红牌转为蓝牌');

    const later: PlanMonth[] = [...plan, { month: '2026-08', milestones: [], paymentShare: 1 }];
    const partial = [...reports.slice(0, 2), report('2026-07', ['construction', 'payment'], 0.6)];
    expect(warningHistory(later, partial, TOTAL, '2026-08', ZAOZHUANG).map((w) => w.colour)).toEqual([
      'blue',
      'blue',
      'yellow',
      'red',
      'red',
      'red',
    ]);
  });

  it('counts a month with nothing due as met, and a project without a monthly plan as yellow', () => {
    expect(monthWarning(plan, [], TOTAL, '2026-02', ZAOZHUANG)).toMatchObject({ colour: 'blue' });
    expect(monthWarning([], [], TOTAL, '2026-05', ZAOZHUANG)).toMatchObject({
      colour: 'yellow',
      reason: '未将建设任务分解到月（无月度计划）',
    });
  });

  it('a payment share above the plan is not a shortfall', () => {
    const reports = [report('2026-05', ['approval', 'tendering', 'construction'], 0.5)];
    expect(monthWarning(plan, reports, TOTAL, '2026-05', ZAOZHUANG)).toMatchObject({ colour: 'blue', gapPoints: 0 });
  });
});

describe('other provinces’ variants are values, not code (SPEC §3, §13)', () => {
  const points: WarningRules = { toleratedPoints: 10, redAfterMissedMonths: 3, redAbovePoints: 30 };

  it('less than 10 points behind counts as met; 10–30 behind is yellow; more than 30 is red at once', () => {
    const onTime = [
      report('2026-03', ['approval'], 0),
      report('2026-04', ['tendering'], 0),
      report('2026-05', ['construction'], 0.3),
    ];
    const at = (share: number) =>
      monthWarning(plan, [...onTime, report('2026-06', ['payment'], share)], TOTAL, '2026-06', points);
    expect(at(0.51).colour).toBe('blue');
    expect(at(0.5)).toMatchObject({ colour: 'yellow', gapPoints: 10 });
    expect(at(0.3)).toMatchObject({ colour: 'yellow', gapPoints: 30 });
    const red = at(0.29);
    expect(red).toMatchObject({ colour: 'red', gapPoints: 31 });
    expect(red.reason).toBe('资金支付落后计划31个百分点（超过30个百分点）');
  });

  it('three months late → red, not two', () => {
    const reports = [report('2026-03', ['approval'], 0), report('2026-04', ['tendering'], 0)];
    const colours = warningHistory(plan, reports, TOTAL, '2026-07', points).map((w) => w.colour);
    // 5: construction missing (30 behind → yellow); 6: 60 behind → red by points.
    expect(colours).toEqual(['blue', 'blue', 'yellow', 'red', 'red']);
    const slow = { ...points, redAbovePoints: null };
    expect(warningHistory(plan, reports, TOTAL, '2026-07', slow).map((w) => w.colour)).toEqual([
      'blue',
      'blue',
      'yellow',
      'yellow',
      'red',
    ]);
  });
});

describe('project rules as data (SPEC §13)', () => {
  it('a key project has ≥ 1,000,000 yuan of the fund or lies in a key area (重点帮包)', () => {
    const rules = { ...DEFAULT_PROJECT_RULES, keyAreaCodes: ['621124101'] };
    expect(isKeyProject('621124100001', 100_000_000, rules)).toBe(true);
    expect(isKeyProject('621124100001', 99_999_999, rules)).toBe(false);
    expect(isKeyProject('621124101203', 1, rules)).toBe(true);
  });

  it('names the field of a bad value and keeps the fund name a setting', () => {
    expect(mergeProjectRules({ fundName: '常态化帮扶资金' })).toMatchObject({
      rules: { fundName: '常态化帮扶资金', keyProjectMinYuan: 1_000_000 },
      issues: [],
    });
    const bad = mergeProjectRules({ warning: { toleratedPoints: 20, redAbovePoints: 10 }, types: [] });
    expect(bad.issues.map((i) => i.field)).toEqual(['types', 'warning.redAbovePoints']);
  });
});
