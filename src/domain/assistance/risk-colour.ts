import { RISK_TYPE_NAMES, RISK_TYPES, type RiskType } from './household-facts.ts';

/**
 * Which risks a household's measures meet (SPEC §9 缺什么补什么) and its 三色 risk colour (SPEC §16).
 */

/** Status of a recorded measure (SPEC §9: each measure records its status). Only `cancelled` answers nothing. */
export type MeasureStatus = 'planned' | 'in_progress' | 'completed' | 'cancelled';

/** A measure already recorded for the household, with the risk types it was assigned to answer. */
export interface ExistingMeasure {
  readonly subtype: string;
  readonly status: MeasureStatus;
  readonly answersRisks: readonly RiskType[];
}

/**
 * A measure meets a risk from the moment it is assigned (planned) until it is cancelled: a planned or running
 * measure is what SPEC §16 calls "met by measures"; a completed one delivered its help.
 */
export const isAnswering = (m: Pick<ExistingMeasure, 'status'>) => m.status !== 'cancelled';

/**
 * Risk types that no answering measure meets, in SPEC §5.2 order, without duplicates — the household's gap list
 * (SPEC §9, §16 red).
 */
export function riskGaps(riskTypes: readonly RiskType[], measures: readonly ExistingMeasure[]): RiskType[] {
  const met = new Set(measures.filter(isAnswering).flatMap((m) => m.answersRisks));
  return RISK_TYPES.filter((r) => riskTypes.includes(r) && !met.has(r));
}

export type RiskColour = 'red' | 'yellow' | 'green';

export interface RiskColourInput {
  readonly monitoringStatus: 'none' | 'monitored' | 'eliminated';
  /** Open risk types no measure meets (`riskGaps`); only read for monitored households. */
  readonly openRiskTypesUnanswered: readonly RiskType[];
  /** An overdue clue, procedure step or measure concerning the household. */
  readonly overdue: boolean;
  readonly clueUnderVerification: boolean;
  /** The effectiveness review or survey judged the risk stably gone (SPEC §8.3). */
  readonly stable: boolean;
}

/**
 * 三色 risk colour with the reason shown beside it (SPEC §16): red — monitored with a risk not yet met by measures,
 * or overdue; yellow — a clue under verification, or monitored and assisted but not yet stable; green — no open
 * risk, or eliminated. Red wins over yellow, yellow over green.
 */
export function assessRiskColour(input: RiskColourInput): { colour: RiskColour; reason: string } {
  const monitored = input.monitoringStatus === 'monitored';
  if (input.overdue) return { colour: 'red', reason: '有超期未办结的事项' };
  if (monitored && input.openRiskTypesUnanswered.length > 0) {
    const names = input.openRiskTypesUnanswered.map((r) => RISK_TYPE_NAMES[r]).join('、');
    return { colour: 'red', reason: `${names}风险尚未落实帮扶措施` };
  }
  if (input.clueUnderVerification) return { colour: 'yellow', reason: '有预警线索正在核实' };
  if (monitored && !input.stable) return { colour: 'yellow', reason: '已落实帮扶措施，风险尚未稳定消除' };
  if (monitored) return { colour: 'green', reason: '风险已稳定消除，待履行风险消除程序' };
  if (input.monitoringStatus === 'eliminated') return { colour: 'green', reason: '已标注风险消除' };
  return { colour: 'green', reason: '无未消除的风险' };
}

/** The colour alone (SPEC §16), for lists and maps. */
export const riskColour = (input: RiskColourInput): RiskColour => assessRiskColour(input).colour;
