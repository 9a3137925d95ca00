import { RISK_TYPE_NAMES } from '../../domain/assistance/household-facts.ts';
import { riskGaps } from '../../domain/assistance/risk-colour.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import { type Actor, inScope, requireScope } from '../auth/actor.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { requireAssistanceRead } from './assistance.policy.ts';
import type { GapsRepository } from './gaps.repository.ts';
import { GAP_LIST_LIMIT } from './gaps.repository.ts';
import { riskTypesOf } from './household-facts.ts';

interface Deps {
  gapsRepo: GapsRepository;
  settings: Pick<RegionSettings, 'get'>;
  now?: () => Date;
}

const CHILD_LENGTH: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 };

/** The region asked for, inside the actor's scope (a region above the scope narrows to the scope). */
function regionFor(actor: Actor, region: string | undefined): string {
  const r = region ?? actor.regionCode;
  if (actor.regionCode.startsWith(r)) return actor.regionCode;
  if (!inScope(actor, r)) requireScope(actor, r);
  return r;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 100);

/**
 * Gap lists for every level (SPEC §9, §16 red): households without a 帮扶责任人 past the deadline, and monitored
 * households with a risk type no measure answers; and the rates reports use (SPEC §12).
 */
export const gapsService = ({ gapsRepo, settings, now = () => new Date() }: Deps) => ({
  async gaps(actor: Actor, regionParam?: string) {
    requireAssistanceRead(actor);
    const region = regionFor(actor, regionParam);
    const today = chinaToday(now());
    const { value } = await settings.get<{ days: number }>('assistance.responsibleDays', '');
    const [responsible, risks] = await Promise.all([
      gapsRepo.withoutResponsible(actor, region, today, value.days),
      gapsRepo.unansweredRisks(actor, region),
    ]);
    const unanswered = risks.map(({ answered, riskTypes, ...h }) => {
      const gaps = riskGaps(riskTypesOf(riskTypes), [
        { subtype: '', status: 'planned', answersRisks: riskTypesOf(answered) },
      ]);
      return { ...h, riskTypes, gaps, gapNames: gaps.map((g) => RISK_TYPE_NAMES[g]) };
    });
    return {
      region,
      today,
      withoutResponsible: {
        items: responsible,
        count: responsible.length,
        truncated: responsible.length >= GAP_LIST_LIMIT,
      },
      unansweredRisks: { items: unanswered, count: unanswered.length, truncated: unanswered.length >= GAP_LIST_LIMIT },
    };
  },

  /** Shares of monitored households with measures, with a responsible person and with a backstop, per child region. */
  async rates(actor: Actor, regionParam?: string) {
    requireAssistanceRead(actor);
    const region = regionFor(actor, regionParam);
    const childLength = CHILD_LENGTH[region.length] ?? 12;
    const rows = await gapsRepo.rates(actor, region, childLength);
    const names = await gapsRepo.names(rows.map((r) => r.regionCode));
    const withRates = <T extends (typeof rows)[number]>(r: T) => ({
      ...r,
      measuresRate: rate(r.withMeasures, r.households),
      responsibleRate: rate(r.withResponsible, r.households),
      backstopRate: rate(r.withBackstop, r.households),
    });
    const sum = (k: keyof (typeof rows)[number]) => rows.reduce((a, r) => a + Number(r[k]), 0);
    const total = {
      regionCode: region,
      households: sum('households'),
      persons: sum('persons'),
      withMeasures: sum('withMeasures'),
      withMeasuresPersons: sum('withMeasuresPersons'),
      withResponsible: sum('withResponsible'),
      withResponsiblePersons: sum('withResponsiblePersons'),
      withBackstop: sum('withBackstop'),
      withBackstopPersons: sum('withBackstopPersons'),
    };
    return {
      region,
      total: withRates(total),
      regions: rows.map((r) => ({ ...withRates(r), regionName: names.get(r.regionCode) ?? null })),
    };
  },
});

export type GapsService = ReturnType<typeof gapsService>;
