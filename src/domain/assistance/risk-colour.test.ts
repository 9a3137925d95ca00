import { describe, expect, it } from 'vitest';
import { assessRiskColour, type RiskColourInput, riskColour, riskGaps } from './risk-colour.ts';

describe('riskGaps (SPEC §9, §16)', () => {
  it('lists risk types no answering measure meets, in SPEC §5.2 order, once each', () => {
    expect(
      riskGaps(
        ['water', 'medical', 'income', 'medical'],
        [
          { subtype: 'medical_assistance', status: 'planned', answersRisks: ['medical'] },
          { subtype: 'water_safety_project', status: 'cancelled', answersRisks: ['water'] },
        ],
      ),
    ).toEqual(['income', 'water']);
  });

  it('counts a completed measure as meeting its risk', () => {
    expect(riskGaps(['housing'], [{ subtype: 'x', status: 'completed', answersRisks: ['housing'] }])).toEqual([]);
  });
});

describe('riskColour 三色 (SPEC §16)', () => {
  const base: RiskColourInput = {
    monitoringStatus: 'monitored',
    openRiskTypesUnanswered: [],
    overdue: false,
    clueUnderVerification: false,
    stable: false,
  };

  it('is red for a monitored household with a risk not yet met by measures', () => {
    const r = assessRiskColour({ ...base, openRiskTypesUnanswered: ['housing', 'water'] });
    expect(r).toEqual({ colour: 'red', reason: '住房、饮水风险尚未落实帮扶措施' });
  });

  it('is red when something is overdue, whatever the status', () => {
    expect(riskColour({ ...base, monitoringStatus: 'none', overdue: true })).toBe('red');
    expect(riskColour({ ...base, monitoringStatus: 'eliminated', overdue: true, stable: true })).toBe('red');
  });

  it('is yellow for a clue under verification, even for an eliminated household', () => {
    expect(riskColour({ ...base, monitoringStatus: 'none', clueUnderVerification: true })).toBe('yellow');
    expect(riskColour({ ...base, monitoringStatus: 'eliminated', clueUnderVerification: true })).toBe('yellow');
  });

  it('is yellow for a monitored, assisted household not yet stable', () => {
    expect(riskColour(base)).toBe('yellow');
  });

  it('is green with no open risk, or eliminated, or monitored and stable', () => {
    expect(riskColour({ ...base, monitoringStatus: 'none' })).toBe('green');
    expect(riskColour({ ...base, monitoringStatus: 'eliminated' })).toBe('green');
    expect(riskColour({ ...base, stable: true })).toBe('green');
  });

  it('ignores unanswered risk types of a household that is not monitored', () => {
    expect(riskColour({ ...base, monitoringStatus: 'eliminated', openRiskTypesUnanswered: ['income'] })).toBe('green');
  });
});
