import type { Actor } from '../auth/actor.ts';

/**
 * What the elimination rules say on the household picture of a year (SPEC §7.3 elimination mode, §7.4): injected so
 * that assistance does not depend on the assessment module. The effectiveness review draws on the same picture, year
 * and line as the elimination procedure's decision step, so the two can no longer disagree (issue 9 point 7).
 * null: the year has no income figures, so the rules cannot run.
 */
export type EliminationCheck = (actor: Actor, householdId: string, year: number) => Promise<EliminationVerdict | null>;

export interface EliminationVerdict {
  decision: 'eliminate' | 'continue' | 'keep_monitoring' | 'exclude';
  perCapita: number;
  /** This year's member count and line, as the elimination rules use them (SPEC §7.3). */
  previousPerCapita: number | null;
  line: number;
  riskTypes: string[];
  /** Reasons of the rules, with their sources. */
  reasons: { rule: string; text: string }[];
}
