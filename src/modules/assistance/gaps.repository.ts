import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';

export const GAP_LIST_LIMIT = 2000;

/** A keyset page of a gap list: the rows after a household code (exports read the whole list this way). */
export interface GapPage {
  afterCode: string;
  limit: number;
}

/**
 * Set-based gap lists and rates (SPEC §9, §12). The responsible-person deadline is each household's own: the
 * assistance.responsibleDays setting of its nearest configured region, else the default, resolved in SQL.
 */
export const gapsRepository = (db: Kysely<DB>) => {
  const monitoredIn = (actor: Actor, region: string) => sql`
    h.monitoring_status = 'monitored' and ${scopeFilter(actor, 'h.region_code')}
    and ${regionPrefix('h.region_code', region)}`;

  return {
    /**
     * Monitored households with no 帮扶责任人 past their deadline (inclusion date + days). With `page`, a keyset page
     * in household-code order (the export of the whole list), else the first GAP_LIST_LIMIT by deadline.
     */
    async withoutResponsible(actor: Actor, region: string, today: string, defaultDays: number, page?: GapPage) {
      const r = await sql<{
        householdId: string;
        householdCode: string;
        regionCode: string;
        headName: string | null;
        includedOn: string;
        dueOn: string;
        daysOverdue: number;
      }>`
        with d as (
          select h.id, h.code, h.region_code, h.included_on, head.name as head_name,
                 coalesce((select (s.value ->> 'days')::int from region_settings s
                           where s.key = 'assistance.responsibleDays' and h.region_code like s.region_code || '%'
                           order by length(s.region_code) desc, s.set_at desc, s.id desc limit 1),
                          ${defaultDays}) as days
          from households h left join persons head on head.id = h.head_person_id
          where ${monitoredIn(actor, region)} and h.responsible_person is null and h.included_on is not null
        )
        select id as "householdId", code as "householdCode", region_code as "regionCode", head_name as "headName",
               to_char(included_on, 'YYYY-MM-DD') as "includedOn",
               to_char(included_on + days, 'YYYY-MM-DD') as "dueOn",
               (${today}::date - (included_on + days))::int as "daysOverdue"
        from d where included_on + days < ${today}::date ${page ? sql`and code > ${page.afterCode}` : sql``}
        order by ${page ? sql`code` : sql`included_on + days, code`}
        limit ${page?.limit ?? GAP_LIST_LIMIT}
      `.execute(db);
      return r.rows;
    },

    /** Monitored households with a risk type no planned, running or completed measure answers (riskGaps in SQL). */
    async unansweredRisks(actor: Actor, region: string, page?: GapPage) {
      const r = await sql<{
        householdId: string;
        householdCode: string;
        regionCode: string;
        headName: string | null;
        riskTypes: string[];
        answered: string[];
      }>`
        select h.id as "householdId", h.code as "householdCode", h.region_code as "regionCode",
               head.name as "headName", h.risk_types as "riskTypes",
               array(select distinct unnest(m.answers_risks) from measures m
                     where m.household_id = h.id and m.status <> 'cancelled') as answered
        from households h left join persons head on head.id = h.head_person_id
        where ${monitoredIn(actor, region)}
          and exists (select 1 from unnest(h.risk_types) as t(risk)
                      where not exists (select 1 from measures m where m.household_id = h.id
                                          and m.status <> 'cancelled' and t.risk = any(m.answers_risks)))
          ${page ? sql`and h.code > ${page.afterCode}` : sql``}
        order by h.code
        limit ${page?.limit ?? GAP_LIST_LIMIT}
      `.execute(db);
      return r.rows;
    },

    /**
     * Per child region: monitored households and persons, and how many have an answering measure, a responsible
     * person, a backstop (SPEC §12: rates are given as 户 and 人).
     */
    async rates(actor: Actor, region: string, childLength: number) {
      const r = await sql<{
        regionCode: string;
        households: number;
        persons: number;
        withMeasures: number;
        withMeasuresPersons: number;
        withResponsible: number;
        withResponsiblePersons: number;
        withBackstop: number;
        withBackstopPersons: number;
      }>`
        with h as (
          select h.region_code, h.responsible_person is not null as has_responsible, h.backstop is not null as has_backstop,
                 exists (select 1 from measures m where m.household_id = h.id and m.status <> 'cancelled') as has_measures,
                 (select count(*) from persons p where p.household_id = h.id and p.status = 'normal')::int as persons
          from households h
          where ${monitoredIn(actor, region)}
        )
        select left(region_code, ${sql.lit(childLength)}) as "regionCode",
               count(*)::int as households, coalesce(sum(persons), 0)::int as persons,
               count(*) filter (where has_measures)::int as "withMeasures",
               coalesce(sum(persons) filter (where has_measures), 0)::int as "withMeasuresPersons",
               count(*) filter (where has_responsible)::int as "withResponsible",
               coalesce(sum(persons) filter (where has_responsible), 0)::int as "withResponsiblePersons",
               count(*) filter (where has_backstop)::int as "withBackstop",
               coalesce(sum(persons) filter (where has_backstop), 0)::int as "withBackstopPersons"
        from h group by 1 order by 1
      `.execute(db);
      return r.rows;
    },

    /** Region names for the rate rows. */
    async names(codes: string[]) {
      if (codes.length === 0) return new Map<string, string>();
      const rows = await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute();
      return new Map(rows.map((r) => [r.code, r.name]));
    },
  };
};

export type GapsRepository = ReturnType<typeof gapsRepository>;
