import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  type NoticeIssuers,
  type NoticeWording,
  villageCommittee,
  villagePlace,
} from '../../domain/procedures/index.ts';
import type { RegionSettings } from '../settings/region-settings.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface ObjectionContact {
  place?: string;
  phone?: string;
  online?: string;
  hotline?: string;
}

/** What a case's notices may say, read as named fields (SPEC §8.1): never notes, figures or numbers of persons. */
export interface CaseNoticeFacts {
  headName: string;
  persons: number;
  village: { code: string; name: string };
  /** 城中社区, 大井村: the village as a place. */
  villagePlace: string;
  villageCommittee: string;
  township: string | null;
  county: string | null;
  responsiblePerson: { name: string; phone?: string } | undefined;
  category: string | null;
  riskTypes: string[];
  wording: NoticeWording;
  issuers: NoticeIssuers;
  objection: ObjectionContact;
}

interface CaseLike {
  householdId: string;
  regionCode: string;
  category: string | null;
  riskTypes: string[];
  assessment: unknown;
  clueId: string | null;
}

/**
 * Category and risk types a notice prints: the county's decision when there is one, else what the case proposed
 * when its publicity started (`assessment.proposed`), else the risk types of the clue it came from.
 */
export async function noticeFacts(q: Q, settings: Pick<RegionSettings, 'get'>, c: CaseLike): Promise<CaseNoticeFacts> {
  const row = await q
    .selectFrom('households as h')
    .leftJoin('persons as p', 'p.id', 'h.head_person_id')
    .innerJoin('regions as v', 'v.code', 'h.region_code')
    .leftJoin('regions as t', 't.code', 'v.parent_code')
    .leftJoin('regions as k', 'k.code', 't.parent_code')
    .select([
      'p.name as headName',
      'v.code as villageCode',
      'v.name as villageName',
      't.name as township',
      'k.name as county',
      'h.responsible_person as rp',
      'h.responsible_phone as rpPhone',
    ])
    .select((eb) =>
      eb
        .selectFrom('persons as m')
        .whereRef('m.household_id', '=', 'h.id')
        .where('m.status', '=', 'normal')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('persons'),
    )
    .where('h.id', '=', c.householdId)
    .executeTakeFirstOrThrow();
  const proposed = (c.assessment as { proposed?: { category: string | null; riskTypes: string[] } } | null)?.proposed;
  let riskTypes = c.riskTypes.length ? c.riskTypes : (proposed?.riskTypes ?? []);
  if (!riskTypes.length && c.clueId) {
    const clue = await q.selectFrom('clues').select('risk_types').where('id', '=', c.clueId).executeTakeFirst();
    riskTypes = clue?.risk_types ?? [];
  }
  const village = { code: row.villageCode, name: row.villageName };
  // One after another: inside a PGlite transaction there is a single connection.
  const wording = await settings.get<NoticeWording>('notices.wording', c.regionCode, q);
  const issuers = await settings.get<NoticeIssuers>('notices.issuers', c.regionCode, q);
  const objection = await settings.get<ObjectionContact>('publicity.objectionContact', c.regionCode, q);
  return {
    headName: row.headName ?? '（户主）',
    persons: Number(row.persons),
    village,
    villagePlace: villagePlace(village.name),
    villageCommittee: villageCommittee(village),
    township: row.township,
    county: row.county,
    responsiblePerson: row.rp ? { name: row.rp, phone: row.rpPhone ?? undefined } : undefined,
    category: c.category ?? proposed?.category ?? null,
    riskTypes,
    wording: wording.value,
    issuers: issuers.value,
    objection: objection.value,
  };
}
