import { shiftDate } from '../../domain/calendar/index.ts';
import type { SurveyFacts } from '../assessment/household-facts.ts';
import { type Prng, WeightedTable } from '../generator/prng.ts';
import type { StopAt } from './demo-case-steps.ts';

export interface DemoHousehold {
  id: string;
  village: string;
  liftedOut: boolean;
  headName: string;
  idNumber: string;
}

export type Channel = 'self_declaration' | 'cadre_screening' | 'department' | 'social';
export type Risk = 'income' | 'education' | 'medical' | 'housing' | 'water' | 'industry_employment' | 'other';

/** One household's year as the demo tells it: planned up front with a fixed seed, run by demo-history.ts. */
export interface Story {
  household: DemoHousehold;
  /** monitored: a clue, verification and inclusion (maybe more); refused: verified as no risk; noise: a clue only. */
  kind: 'monitored' | 'refused' | 'noise';
  start: string;
  clue: { channel: Channel; state: 'open' | 'verifying' | 'closed'; risk?: Risk };
  risk: Risk;
  extraRisks?: Risk[];
  facts: SurveyFacts;
  verifyAfter: number;
  stopInclusion: StopAt;
  pace: 'prompt' | 'deadline';
  eliminateAfterDays?: number;
  stopElimination: StopAt;
  returnAfterDays?: number;
  returnRisk: Risk;
  returnFacts: SurveyFacts;
  phone: string;
  responsible: { name: string; phone: string; unit: string };
}

const CHANNELS = new WeightedTable<Channel>([
  ['cadre_screening', 40],
  ['self_declaration', 25],
  ['department', 25],
  ['social', 10],
]);

/** Risk types as 临洮's ledgers show them: illness first, then business and work, disability and accidents, school. */
const RISKS = new WeightedTable<Risk>([
  ['medical', 32],
  ['industry_employment', 20],
  ['other', 20],
  ['education', 10],
  ['housing', 10],
  ['water', 3],
]);

/** Steps of the default (会泽) procedure where a few cases stall for weeks: the overdue items of the dispatch. */
const STALLED = ['township_review', 'compare', 'county_confirm', 'village_review', 'data_entry'];

const NOISE_STATES = ['closed', 'open', 'verifying', 'open'] as const;

const CADRES = ['张建国', '李明华', '王丽娟', '赵志强', '刘玉梅', '陈国栋', '杨晓燕', '马文斌', '何海军', '孙秀英'];
const UNITS = ['县农业农村局', '县乡村振兴局', '县人社局', '县卫健局', '县教育局', '县住建局', '乡镇人民政府'];

/** The survey facts that carry a risk (SPEC §7.3 step 2); `sudden` adds the event that makes it 突发严重困难户. */
function factsFor(risk: Risk, sudden: boolean, rng: Prng): SurveyFacts {
  switch (risk) {
    case 'medical':
      return { risks: { medicalUnaffordable: true }, suddenEvent: sudden ? 'illness' : null };
    case 'education':
      return { risks: { dropout: true }, suddenEvent: sudden ? 'other' : null };
    case 'housing':
      return { risks: { housingAppraisal: 'C' }, suddenEvent: sudden ? 'disaster' : null };
    case 'water':
      return { risks: { waterUnsafe: true }, suddenEvent: null };
    case 'industry_employment':
      return { risks: { industryLoss: true }, suddenEvent: sudden ? 'disaster' : null };
    case 'other':
      // 因残 (the main labourer disabled), 因意外, 因灾: the loss of labour with the event behind it.
      return { risks: { laborLoss: true }, suddenEvent: sudden ? (rng.chance(0.5) ? 'accident' : 'disaster') : null };
    default:
      return {};
  }
}

/**
 * Plans the stories of the picked households between `first` and `last` (China dates): 15% a clue only (closed,
 * being verified or left open — old open ones are overdue), 5% verified as no risk, the rest included through the
 * procedure; of those older than five months about half are reviewed and eliminated, and a few come back.
 */
export function planStories(rng: Prng, households: DemoHousehold[], first: string, last: string): Story[] {
  const span = Math.max(1, Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000));
  let noise = 0;
  return households.map((household, i) => {
    const roll = rng.next();
    const kind: Story['kind'] = roll < 0.15 ? 'noise' : roll < 0.2 ? 'refused' : 'monitored';
    // Inclusions spread over the year, a little denser in the last months (the autumn concentrated screening).
    const offset = Math.min(span - 1, Math.floor(Math.sqrt(rng.next()) * span));
    const start = shiftDate(first, offset);
    const age = span - offset;
    const risk = RISKS.sample(rng);
    const sudden = !household.liftedOut && rng.chance(0.4);
    // Clue-only stories take turns: closed as no risk, left open (overdue once old), being verified.
    const noiseState =
      kind === 'noise' ? (NOISE_STATES[noise++ % NOISE_STATES.length] as Story['clue']['state']) : 'closed';
    const eliminate = kind === 'monitored' && age > 140 && rng.chance(0.6);
    const returnRisk = RISKS.sample(rng);
    return {
      household,
      kind,
      start,
      clue: { channel: CHANNELS.sample(rng), state: noiseState },
      risk,
      facts: factsFor(risk, sudden, rng),
      verifyAfter: rng.int(1, 4),
      // A few procedures stalled at the township or county for weeks: the overdue steps of the month's dispatch.
      stopInclusion:
        kind === 'monitored' && age > 25 && age < 75 && rng.chance(0.3)
          ? { step: STALLED[i % STALLED.length] as string }
          : null,
      pace: rng.chance(0.5) ? 'prompt' : 'deadline',
      ...(eliminate ? { eliminateAfterDays: rng.int(50, Math.max(51, age - 60)) } : {}),
      stopElimination: null,
      ...(eliminate && rng.chance(0.35) ? { returnAfterDays: rng.int(20, 45) } : {}),
      returnRisk,
      returnFacts: factsFor(returnRisk, !household.liftedOut && rng.chance(0.5), rng),
      phone: `13${String(900_000_000 + ((i * 7_919_993) % 99_999_999)).padStart(9, '0')}`,
      responsible: {
        name: CADRES[i % CADRES.length] as string,
        phone: `139${String(30_000_000 + ((i * 104_729) % 9_999_999)).padStart(8, '0')}`,
        unit: UNITS[i % UNITS.length] as string,
      },
    };
  });
}
