import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Category, DB, HouseholdUpdate, MonitoringStatus, NewHousehold, NewPerson } from '../../db/schema.ts';
import { birthDateOfId } from '../../domain/id-number.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface HouseholdFilter {
  region?: string;
  status?: MonitoringStatus;
  category?: Category;
  name?: string;
  idHash?: string;
  liftedOut?: boolean;
  page: number;
  pageSize: number;
  /** Keyset cursor: the last household code of the previous page (issue 18); takes the place of `page`. */
  after?: string;
}

const householdColumns = [
  'h.id',
  'h.code',
  'h.region_code as regionCode',
  'h.address',
  'h.head_person_id as headPersonId',
  'h.lifted_out as liftedOut',
  'h.lifted_out_year as liftedOutYear',
  'h.monitoring_status as monitoringStatus',
  'h.category',
  'h.risk_types as riskTypes',
  'h.included_on as includedOn',
  'h.eliminated_on as eliminatedOn',
  'h.responsible_person as responsiblePerson',
  'h.responsible_phone as responsiblePhone',
  'h.backstop',
  'h.version',
  'h.created_at as createdAt',
  'h.updated_at as updatedAt',
] as const;

export const personColumns = [
  'id',
  'household_id as householdId',
  'name',
  'id_number_enc as idNumberEnc',
  'id_number_masked as idNumberMasked',
  'birth_year as birthYear',
  'sex',
  'relation',
  'status',
  'health',
  'disability_category as disabilityCategory',
  'disability_level as disabilityLevel',
  'labor',
  'education',
  'employment',
  'employment_months as employmentMonths',
  'insured_medical as insuredMedical',
  'insured_pension as insuredPension',
  'public_servant as publicServant',
  'paid_village_cadre as paidVillageCadre',
  'phone',
] as const;

const incomeColumns = [
  'id',
  'year',
  'survey',
  'surveyed_on as surveyedOn',
  'wage',
  'business_gross as businessGross',
  'business_cost as businessCost',
  'property',
  'transfer',
  'medical_expense as medicalExpense',
  'education_expense as educationExpense',
  'disaster_loss as disasterLoss',
  'accident_expense as accidentExpense',
  'member_count as memberCount',
  'recorded_at as recordedAt',
] as const;

/** Registry queries (SPEC §4). Reads take the actor so that the scope filter cannot be forgotten. */
/**
 * The registry's tables. Persons keep only the birth year in plain text (SPEC §17, migration 0040); the birth date the
 * rules need (ages) is read from the encrypted ID number here, and services strip it from what a user sees unless the
 * user may reveal the number.
 */
export const registryRepository = (db: Kysely<DB>, cipher: Pick<PiiCipher, 'decrypt'>) => {
  const withBirthDate = <T extends { idNumberEnc: string }>(row: T): T & { birthDate: string } => ({
    ...row,
    birthDate: birthDateOfId(cipher.decrypt(row.idNumberEnc)),
  });
  /** The household list's filters, shared by the page and the export (one rule for what a filter means). */
  const filtered = (actor: Actor, f: Omit<HouseholdFilter, 'page' | 'pageSize'>) => {
    let query = db
      .selectFrom('households as h')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .where(scopeFilter(actor, 'h.region_code'));
    if (f.region) query = query.where(regionPrefix('h.region_code', f.region));
    if (f.status) query = query.where('h.monitoring_status', '=', f.status);
    if (f.category) query = query.where('h.category', '=', f.category);
    if (f.liftedOut !== undefined) query = query.where('h.lifted_out', '=', f.liftedOut);
    if (f.name?.trim()) {
      // Fuzzy (issue 14 point 6): part of a member's name, of the household code or of the address, or the two
      // last characters of a member's ID number, all the masked number shows of it.
      const term = f.name.trim();
      const like = `%${term.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      const tail = /^[0-9][0-9Xx]$/.test(term) ? `%${term.toUpperCase()}` : undefined;
      query = query.where((eb) =>
        eb.or([
          eb.exists(
            eb.selectFrom('persons as m').whereRef('m.household_id', '=', 'h.id').where('m.name', 'like', like),
          ),
          eb('h.code', 'like', like),
          eb('h.address', 'like', like),
          ...(tail
            ? [
                eb.exists(
                  eb
                    .selectFrom('persons as t')
                    .whereRef('t.household_id', '=', 'h.id')
                    .where('t.id_number_masked', 'like', tail),
                ),
              ]
            : []),
        ]),
      );
    }
    if (f.idHash) {
      const hash = f.idHash;
      query = query.where((eb) =>
        eb.exists(
          eb.selectFrom('persons as m').whereRef('m.household_id', '=', 'h.id').where('m.id_number_hash', '=', hash),
        ),
      );
    }
    return query;
  };

  /** The list's page: keyset after a household code, or an offset for old links. */
  const pageQuery = (actor: Actor, f: HouseholdFilter) => {
    const page = filtered(actor, f)
      .select([
        'h.id',
        'h.code',
        'h.region_code as regionCode',
        'h.address',
        'h.lifted_out as liftedOut',
        'h.monitoring_status as monitoringStatus',
        'h.category',
        'h.risk_types as riskTypes',
        'head.name as headName',
        'head.id_number_masked as headIdNumber',
      ])
      .select((eb) =>
        eb
          .selectFrom('persons as m')
          .whereRef('m.household_id', '=', 'h.id')
          .where('m.status', '=', 'normal')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('memberCount'),
      )
      .orderBy('h.code')
      .limit(f.pageSize);
    return f.after !== undefined ? page.where('h.code', '>', f.after) : page.offset((f.page - 1) * f.pageSize);
  };

  /** Households and living members of the filtered list, counted row by row (member searches, exact on demand). */
  const countQueries = (actor: Actor, f: Omit<HouseholdFilter, 'page' | 'pageSize'>) => {
    const query = filtered(actor, f);
    return {
      households: query.select((e) => e.fn.countAll<number>().as('n')),
      persons: query
        .innerJoin('persons as pp', 'pp.household_id', 'h.id')
        .where('pp.status', '=', 'normal')
        .select((e) => e.fn.countAll<number>().as('n')),
    };
  };

  const countFiltered = async (actor: Actor, f: Omit<HouseholdFilter, 'page' | 'pageSize'>) => {
    const q = countQueries(actor, f);
    const [total, persons] = await Promise.all([
      q.households.executeTakeFirstOrThrow(),
      q.persons.executeTakeFirstOrThrow(),
    ]);
    return { total: Number(total.n), persons: Number(persons.n) };
  };

  /** "X户Y人" of a scope and filters from the maintained per-village totals: a sum over the villages' rows. */
  const figuresQuery = (
    actor: Actor,
    f: Pick<HouseholdFilter, 'region' | 'status' | 'category' | 'liftedOut'>,
    q: Q = db,
  ) => {
    let query = q
      .selectFrom('region_household_totals as t')
      .where(scopeFilter(actor, 't.region_code'))
      .select((e) => [
        e.fn.coalesce(e.fn.sum<string>('t.households'), sql<string>`0`).as('households'),
        e.fn.coalesce(e.fn.sum<string>('t.persons'), sql<string>`0`).as('persons'),
      ]);
    if (f.region) query = query.where(regionPrefix('t.region_code', f.region));
    if (f.status) query = query.where('t.monitoring_status', '=', f.status);
    if (f.category) query = query.where('t.category', '=', f.category);
    if (f.liftedOut !== undefined) query = query.where('t.lifted_out', '=', f.liftedOut);
    return query;
  };

  const maintainedFigures = async (
    actor: Actor,
    f: Pick<HouseholdFilter, 'region' | 'status' | 'category' | 'liftedOut'>,
    q: Q = db,
  ) => {
    const r = await figuresQuery(actor, f, q).executeTakeFirstOrThrow();
    return { total: Number(r.households), persons: Number(r.persons) };
  };

  return {
    findHousehold(actor: Actor, id: string, q: Q = db) {
      return q
        .selectFrom('households as h')
        .innerJoin('regions as v', 'v.code', 'h.region_code')
        .select(householdColumns)
        .select('v.name as villageName')
        .where('h.id', '=', id)
        .where(scopeFilter(actor, 'h.region_code'))
        .executeTakeFirst();
    },

    /** Row lock for a change; returns undefined outside scope. */
    lockHousehold(actor: Actor, id: string, q: Q) {
      return q
        .selectFrom('households as h')
        .select(householdColumns)
        .where('h.id', '=', id)
        .where(scopeFilter(actor, 'h.region_code'))
        .forUpdate()
        .executeTakeFirst();
    },

    members(householdId: string, q: Q = db) {
      return q
        .selectFrom('persons')
        .select(personColumns)
        .where('household_id', '=', householdId)
        .orderBy(sql`relation = 'head'`, 'desc')
        .orderBy('birth_year')
        .orderBy('name')
        .execute()
        .then((rows) => rows.map(withBirthDate));
    },

    findPerson(actor: Actor, personId: string, q: Q = db) {
      return q
        .selectFrom('persons')
        .select(personColumns)
        .select('region_code as regionCode')
        .where('id', '=', personId)
        .where(scopeFilter(actor))
        .executeTakeFirst()
        .then((row) => row && withBirthDate(row));
    },

    /** Who holds this ID number anywhere (no scope: uniqueness is national, SPEC §4.2). */
    findPersonByHash(hash: string, q: Q = db) {
      return q
        .selectFrom('persons as p')
        .innerJoin('households as h', 'h.id', 'p.household_id')
        .select(['p.id', 'p.household_id as householdId', 'h.code as householdCode', 'p.region_code as regionCode'])
        .where('p.id_number_hash', '=', hash)
        .executeTakeFirst();
    },

    incomes(householdId: string, q: Q = db) {
      return q
        .selectFrom('household_incomes')
        .select(incomeColumns)
        .where('household_id', '=', householdId)
        .orderBy('year', 'desc')
        .orderBy('recorded_at', 'desc')
        .execute();
    },

    /**
     * One page of the household list in code order, and its "X户Y人" (issue 18 point 2). The page is a keyset range
     * (`after` = the previous page's last code) or, for old links, an offset. The figures are a lookup in the
     * maintained per-village totals (migration 0180) for every filter they hold — scope, region, status, category,
     * lifted out — and counted only for a member search (name or ID number), which an index keeps to a few rows.
     */
    async list(actor: Actor, f: HouseholdFilter) {
      const page = pageQuery(actor, f);
      const counted = f.name !== undefined || f.idHash !== undefined;
      const [items, figures] = await Promise.all([
        page.execute(),
        counted ? countFiltered(actor, f) : maintainedFigures(actor, f),
      ]);
      const last = items.length === f.pageSize ? items[items.length - 1]?.code : undefined;
      return {
        items: items.map((i) => ({ ...i, memberCount: Number(i.memberCount) })),
        ...figures,
        figuresFrom: counted ? ('counted' as const) : ('maintained' as const),
        nextCursor: last ?? null,
      };
    },

    countFiltered,
    maintainedFigures,

    /**
     * The list's SQL as it runs, compiled for EXPLAIN (`npm run sql:explain`, the scale test): the page, the
     * maintained figures and the counted figures of a member search.
     */
    listQueries(actor: Actor, f: HouseholdFilter) {
      return {
        page: pageQuery(actor, f).compile(),
        figures: figuresQuery(actor, f).compile(),
        countHouseholds: countQueries(actor, f).households.compile(),
        countPersons: countQueries(actor, f).persons.compile(),
      };
    },

    /** How many households an export of these filters writes (the progress bar's total). */
    async exportCount(actor: Actor, f: Omit<HouseholdFilter, 'page' | 'pageSize'>) {
      const r = await filtered(actor, f)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /**
     * The filtered households for an export, a page at a time in code order (keyset, so a county's million rows are
     * never held at once): the list's columns, the village's name and the head's encrypted number for a reveal.
     */
    async *exportPages(actor: Actor, f: Omit<HouseholdFilter, 'page' | 'pageSize'>, pageSize = 2000) {
      let after = '';
      for (;;) {
        const rows = await filtered(actor, f)
          .innerJoin('regions as v', 'v.code', 'h.region_code')
          .select([
            'h.id',
            'h.code',
            'v.name as village',
            'h.address',
            'h.lifted_out as liftedOut',
            'h.monitoring_status as monitoringStatus',
            'h.category',
            'h.risk_types as riskTypes',
            'h.responsible_person as responsiblePerson',
            'head.name as headName',
            'head.id_number_masked as headIdMasked',
            'head.id_number_enc as headIdEnc',
          ])
          .select((eb) =>
            eb
              .selectFrom('persons as m')
              .whereRef('m.household_id', '=', 'h.id')
              .where('m.status', '=', 'normal')
              .select((e) => e.fn.countAll<number>().as('n'))
              .as('memberCount'),
          )
          .where('h.code', '>', after)
          .orderBy('h.code')
          .limit(pageSize)
          .execute();
        if (rows.length === 0) return;
        yield rows.map((r) => ({ ...r, memberCount: Number(r.memberCount) }));
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]?.code ?? after;
      }
    },

    /** Next free household code in a village: village code + 4-digit sequence. */
    async nextHouseholdCode(villageCode: string, q: Q): Promise<string> {
      const row = await q
        .selectFrom('households')
        .select((e) => e.fn.max('code').as('max'))
        // The range lets the unique index on code answer (LIKE alone cannot use it under a non-C collation: a full
        // scan of a province's households for every new one).
        .where('code', '>=', `${villageCode}0000`)
        .where('code', '<=', `${villageCode}9999`)
        .where('code', 'like', `${villageCode}____`)
        .executeTakeFirst();
      const last = row?.max ? Number(String(row.max).slice(-4)) : 0;
      return `${villageCode}${String(last + 1).padStart(4, '0')}`;
    },

    async insertHousehold(h: NewHousehold, q: Q): Promise<string> {
      const r = await q.insertInto('households').values(h).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    async insertPersons(rows: NewPerson[], q: Q): Promise<{ id: string; relation: string }[]> {
      return q.insertInto('persons').values(rows).returning(['id', 'relation']).execute();
    },

    async updateHousehold(id: string, patch: HouseholdUpdate, q: Q): Promise<void> {
      await q
        .updateTable('households')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    },

    async updatePerson(id: string, patch: Record<string, unknown>, q: Q): Promise<void> {
      await q
        .updateTable('persons')
        .set({ ...(patch as object), updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    },

    async countHeads(householdId: string, q: Q): Promise<number> {
      const r = await q
        .selectFrom('persons')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('household_id', '=', householdId)
        .where('relation', '=', 'head')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async upsertIncome(row: Insertable<DB['household_incomes']>, q: Q) {
      return q
        .insertInto('household_incomes')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['household_id', 'year', 'survey']).doUpdateSet((eb) => ({
            surveyed_on: eb.ref('excluded.surveyed_on'),
            wage: eb.ref('excluded.wage'),
            business_gross: eb.ref('excluded.business_gross'),
            business_cost: eb.ref('excluded.business_cost'),
            property: eb.ref('excluded.property'),
            transfer: eb.ref('excluded.transfer'),
            medical_expense: eb.ref('excluded.medical_expense'),
            education_expense: eb.ref('excluded.education_expense'),
            disaster_loss: eb.ref('excluded.disaster_loss'),
            accident_expense: eb.ref('excluded.accident_expense'),
            member_count: eb.ref('excluded.member_count'),
            recorded_by: eb.ref('excluded.recorded_by'),
            recorded_at: sql`now()`,
          })),
        )
        .returning(incomeColumns)
        .executeTakeFirstOrThrow();
    },

    findIncome(householdId: string, year: number, survey: string, q: Q) {
      return q
        .selectFrom('household_incomes')
        .select(incomeColumns)
        .where('household_id', '=', householdId)
        .where('year', '=', year)
        .where('survey', '=', survey)
        .executeTakeFirst();
    },
  };
};

export type RegistryRepository = ReturnType<typeof registryRepository>;
