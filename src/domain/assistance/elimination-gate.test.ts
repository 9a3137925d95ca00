import { describe, expect, it } from 'vitest';
import type { EffectivenessReview } from './effectiveness-review.ts';
import { gateOnEliminationRules } from './elimination-gate.ts';

const review = (outcome: EffectivenessReview['outcome']): EffectivenessReview => ({
  outcome,
  reasons: [{ rule: 'risk.all_gone', text: '收入风险点均已消除' }],
  followUps: ['征得农户知情同意后，按程序消除风险'],
  findings: {
    labour: 'has',
    risksGone: ['income'],
    risksRemaining: [],
    risksWithoutMeasure: [],
    untargetedMeasures: [],
    ineffectiveMeasures: [],
    notYetJudged: [],
    incomeAboveLine: true,
  },
});

describe('review gated on the elimination rules (SPEC §8.3, §7.4)', () => {
  it('keeps start_elimination when the rules say eliminate on the same picture', () => {
    const r = gateOnEliminationRules(
      review('start_elimination'),
      { decision: 'eliminate', riskTypes: [], reasons: [] },
      2026,
    );
    expect(r.outcome).toBe('start_elimination');
    expect(r.reasons.at(-1)?.rule).toBe('elimination.rules_eliminate');
  });

  it('continues assistance and names the remaining risk when the rules say continue', () => {
    const r = gateOnEliminationRules(
      review('start_elimination'),
      {
        decision: 'continue',
        riskTypes: ['medical'],
        reasons: [
          { rule: 'risk.medical.amount', text: '自付医疗费用30000元，达到20000元（依据：医疗保障局…）' },
          { rule: 'risk.income_drop.none', text: '家庭纯收入同比未下降' },
        ],
      },
      2026,
    );
    expect(r.outcome).toBe('continue_assistance');
    expect(r.reasons.at(-1)?.text).toBe(
      '按2026年家庭情况，风险消除规则研判结果为“继续帮扶”，仍存在医疗风险：自付医疗费用30000元，达到20000元（依据：医疗保障局…）',
    );
    expect(r.findings.risksRemaining).toEqual(['medical']);
    expect(r.followUps[0]).toBe('继续精准帮扶，消除医疗风险');
  });

  it('keeps monitoring a household the rules keep monitored; does not start without income figures', () => {
    expect(
      gateOnEliminationRules(
        review('start_elimination'),
        { decision: 'keep_monitoring', riskTypes: [], reasons: [] },
        2026,
      ).outcome,
    ).toBe('keep_monitoring');
    const none = gateOnEliminationRules(review('start_elimination'), null, 2026);
    expect(none.outcome).toBe('continue_assistance');
    expect(none.reasons.at(-1)?.rule).toBe('elimination.rules_unavailable');
  });

  it('leaves other outcomes as the review drew them', () => {
    const r = review('continue_assistance');
    expect(gateOnEliminationRules(r, { decision: 'eliminate', riskTypes: [], reasons: [] }, 2026)).toBe(r);
  });
});
