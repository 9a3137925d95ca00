/**
 * Defaults of per-region configuration (SPEC §3 "rules are data"). A region's value is the newest row set at the
 * region or its nearest ancestor; with none, these defaults apply. Every number here is a "default" in SPEC's sense.
 */
import { DEFAULT_THRESHOLDS } from '../../domain/assessment/thresholds.ts';
import { DEFAULT_TEKUN_AGES } from '../../domain/assistance/household-facts.ts';

export const SETTING_DEFAULTS = {
  /**
   * Identification thresholds of SPEC §7.3 (medical share and amount, income drop, disaster amount) and the
   * compulsory-education age range (义务教育适龄, 6–16) the education rules of assessment and assistance use.
   */
  'assessment.thresholds': DEFAULT_THRESHOLDS,
  /** Days a clue has for verification on site before it is overdue (SPEC §6; the documents fix none). */
  'clues.dueDays': { days: 10 },
  /** Days from inclusion within which a 帮扶责任人 must be assigned (SPEC §9). */
  'assistance.responsibleDays': { days: 15 },
  /** 特困 age heuristics of the plan suggestion (SPEC §9): 老年人 from 60, minors under 16. */
  'assistance.tekunAges': DEFAULT_TEKUN_AGES,
  /** Months with a concentrated screening: the routine round is skipped (SPEC §8.2). */
  'cycle.concentratedScreenings': { months: [] as string[] },
  /** Where objections to a publicity go (SPEC §8.1); the village committee when not set. */
  'publicity.objectionContact': {} as { place?: string; phone?: string; online?: string },
  /** Regional anomaly warning (SPEC §11). */
  'risk.anomaly': { factorOverAverage: 2, months: 6, minNewCluesPer1000: 5 },
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS | (string & {});
