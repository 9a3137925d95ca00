import type { HouseholdRow } from '../api/types';

export type RiskColour = 'red' | 'yellow' | 'green';

/**
 * 三色 colour of a household (SPEC §16). Red (a risk not yet met by measures, or overdue) and yellow (a clue under
 * verification, or assisted but not yet stable) need the clue and assistance data that later modules add; until the
 * server sends `riskColour`, a monitored household shows yellow and everything else green.
 */
export function riskColourOf(h: Pick<HouseholdRow, 'monitoringStatus' | 'riskColour'>): RiskColour {
  if (h.riskColour) return h.riskColour;
  return h.monitoringStatus === 'monitored' ? 'yellow' : 'green';
}

export const RISK_COLOUR_LABEL: Record<RiskColour, string> = { red: '红色', yellow: '黄色', green: '绿色' };
export const RISK_COLOUR_HINT: Record<RiskColour, string> = {
  red: '有未落实帮扶措施的风险或逾期事项',
  yellow: '线索核实中，或已帮扶但尚未稳定',
  green: '无未解决风险或已风险消除',
};
