export type RiskColour = 'red' | 'yellow' | 'green';

/** A household's 三色 (SPEC §16) with the reason the server gives for it. */
export interface RiskColourInfo {
  colour: RiskColour;
  reason: string;
}

export const RISK_COLOUR_LABEL: Record<RiskColour, string> = { red: '红色', yellow: '黄色', green: '绿色' };
