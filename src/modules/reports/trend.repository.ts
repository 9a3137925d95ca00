import { sql } from 'kysely';
import type { HP } from '../../domain/reports/figures.ts';
import { regionPrefix } from '../auth/actor.ts';
import { analytic, type Q } from './figure-aggregate.ts';

export interface TrendPoint {
  month: string;
  /** 新纳入 (inclusions and returns) and 风险消除 of the month, persons at the event. */
  included: HP;
  eliminated: HP;
  /** 监测对象 at the month's end (or today for the running month), today's members. */
  monitored: HP;
  cluesReceived: number;
  cluesClosed: number;
}

/**
 * Month by month for trend lines (SPEC §12 "trends"; dashboard's 12 months): the flows of each month and the stock at
 * each month's end, from the status history in two passes, and clues received and closed per month. Same definitions
 * as the figures (figure-sets.ts): a household counts once per direction in a month; voided events do not count.
 */
export async function monthlyTrend(q: Q, region: string, months: string[], today: string): Promise<TrendPoint[]> {
  if (months.length === 0) return [];
  const first = `${months[0]}-01`;
  const last = `${months[months.length - 1]}-01`;
  const { rows } = await analytic(q, (trx) =>
    sql<{
      month: string;
      ih: number;
      ip: number;
      eh: number;
      ep: number;
      mh: number;
      mp: number;
      cr: number;
      cc: number;
    }>`
    WITH m AS (
      SELECT to_char(d, 'YYYY-MM') AS month, d::date AS m0,
        least((d + interval '1 month' - interval '1 day')::date, ${today}::date) AS m1
      FROM generate_series(${first}::date, ${last}::date, interval '1 month') d
    ),
    ev AS (
      SELECT e.id, e.household_id, e.kind, e.to_status, e.effective_on, e.persons,
        (SELECT count(*) FROM persons p WHERE p.household_id = e.household_id AND p.status = 'normal')::int AS live
      FROM household_status_events e
      WHERE ${regionPrefix('e.region_code', region)} AND e.voided_at IS NULL AND e.effective_on <= ${today}::date
    ),
    flows AS (
      SELECT month, count(*) FILTER (WHERE NOT out)::int AS ih, coalesce(sum(persons) FILTER (WHERE NOT out), 0)::int AS ip,
        count(*) FILTER (WHERE out)::int AS eh, coalesce(sum(persons) FILTER (WHERE out), 0)::int AS ep
      FROM (
        SELECT DISTINCT ON (m.month, ev.household_id, ev.kind = 'eliminated') m.month, ev.kind = 'eliminated' AS out, ev.persons
        FROM m JOIN ev ON ev.effective_on BETWEEN m.m0 AND m.m1
        ORDER BY m.month, ev.household_id, ev.kind = 'eliminated', ev.effective_on DESC, ev.id DESC
      ) f GROUP BY month
    ),
    stock AS (
      SELECT month, count(*)::int AS mh, coalesce(sum(s.live), 0)::int AS mp
      FROM (
        SELECT DISTINCT ON (m.month, ev.household_id) m.month, ev.household_id, ev.to_status, ev.live
        FROM m JOIN ev ON ev.effective_on <= m.m1
        ORDER BY m.month, ev.household_id, ev.effective_on DESC, ev.id DESC
      ) s
      WHERE s.to_status = 'monitored' GROUP BY month
    ),
    received AS (
      SELECT to_char(c.received_on, 'YYYY-MM') AS month, count(*)::int AS n FROM clues c
      WHERE ${regionPrefix('c.region_code', region)} AND c.received_on >= ${first}::date AND c.received_on <= ${today}::date
      GROUP BY 1
    ),
    closed AS (
      SELECT to_char((c.closed_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS month, count(*)::int AS n
      FROM clues c
      WHERE ${regionPrefix('c.region_code', region)} AND c.closed_at >= ${`${first}T00:00:00+08:00`}::timestamptz
      GROUP BY 1
    ),
    clue_months AS (
      SELECT m.month, coalesce(r.n, 0) AS cr, coalesce(x.n, 0) AS cc
      FROM m LEFT JOIN received r ON r.month = m.month LEFT JOIN closed x ON x.month = m.month
    )
    SELECT m.month, coalesce(f.ih, 0) AS ih, coalesce(f.ip, 0) AS ip, coalesce(f.eh, 0) AS eh, coalesce(f.ep, 0) AS ep,
      coalesce(s.mh, 0) AS mh, coalesce(s.mp, 0) AS mp, c.cr, c.cc
    FROM m LEFT JOIN flows f ON f.month = m.month LEFT JOIN stock s ON s.month = m.month
      JOIN clue_months c ON c.month = m.month
    ORDER BY m.month`.execute(trx),
  );
  return rows.map((r) => ({
    month: r.month,
    included: { households: r.ih, persons: r.ip },
    eliminated: { households: r.eh, persons: r.ep },
    monitored: { households: r.mh, persons: r.mp },
    cluesReceived: r.cr,
    cluesClosed: r.cc,
  }));
}

export interface AnnualDynamics {
  /** 在册农户 today. */
  registered: HP;
  /** Households visited by cadres in the year (排查走访, visits recorded as cadre-screening clues, SPEC §6 ch. 2). */
  visited: HP;
  /** Households whose members changed in the year (added, moved, or their status changed: SPEC §4.2). */
  membersChanged: HP;
  /** Households whose incomes were recorded in the year (SPEC §4.3). */
  incomesUpdated: HP;
  /** Households judged at a yearly effectiveness review (帮扶成效评议, SPEC §9). */
  reviewed: HP;
}

/** 年动态 (SPEC §12): the annual full screening's work, per region prefix. */
export async function annualDynamics(
  q: Q,
  region: string,
  year: number,
  lengths: number[],
): Promise<Map<string, AnnualDynamics>> {
  const from = `${year}-01-01T00:00:00+08:00`;
  const to = `${year + 1}-01-01T00:00:00+08:00`;
  const lens = sql`ARRAY[${sql.join(lengths.map((l) => sql.lit(l)))}]::int[]`;
  const { rows } = await analytic(q, (trx) =>
    sql<Record<string, number | string>>`
    WITH hh AS (
      SELECT h.id, h.region_code,
        (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.status = 'normal')::int AS persons,
        EXISTS (SELECT 1 FROM clues c WHERE c.household_id = h.id AND c.channel = 'cadre_screening'
          AND c.received_on BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date) AS visited,
        EXISTS (SELECT 1 FROM audit_log a WHERE a.household_id = h.id AND a.at >= ${from}::timestamptz AND a.at < ${to}::timestamptz
          AND (a.action IN ('person.create', 'person.move')
            OR (a.action = 'person.update' AND (a.before ->> 'status') IS DISTINCT FROM (a.after ->> 'status')))) AS members_changed,
        EXISTS (SELECT 1 FROM household_incomes i WHERE i.household_id = h.id
          AND i.recorded_at >= ${from}::timestamptz AND i.recorded_at < ${to}::timestamptz) AS incomes_updated,
        EXISTS (SELECT 1 FROM effectiveness_review_households x JOIN effectiveness_reviews r ON r.id = x.review_id
          WHERE x.household_id = h.id AND r.year = ${year}) AS reviewed
      FROM households h WHERE ${regionPrefix('h.region_code', region)}
    )
    SELECT left(hh.region_code, lv.len) AS g,
      count(*)::int AS rh, coalesce(sum(persons), 0)::int AS rp,
      count(*) FILTER (WHERE visited)::int AS vh, coalesce(sum(persons) FILTER (WHERE visited), 0)::int AS vp,
      count(*) FILTER (WHERE members_changed)::int AS mh, coalesce(sum(persons) FILTER (WHERE members_changed), 0)::int AS mp,
      count(*) FILTER (WHERE incomes_updated)::int AS ih, coalesce(sum(persons) FILTER (WHERE incomes_updated), 0)::int AS ip,
      count(*) FILTER (WHERE reviewed)::int AS eh, coalesce(sum(persons) FILTER (WHERE reviewed), 0)::int AS ep
    FROM hh CROSS JOIN unnest(${lens}) AS lv(len) WHERE length(hh.region_code) >= lv.len
    GROUP BY lv.len, left(hh.region_code, lv.len)`.execute(trx),
  );
  const hp = (h: unknown, p: unknown): HP => ({ households: Number(h), persons: Number(p) });
  return new Map(
    rows.map((r) => [
      String(r.g),
      {
        registered: hp(r.rh, r.rp),
        visited: hp(r.vh, r.vp),
        membersChanged: hp(r.mh, r.mp),
        incomesUpdated: hp(r.ih, r.ip),
        reviewed: hp(r.eh, r.ep),
      },
    ]),
  );
}

export interface LateItemDetail {
  caseId: string;
  kind: string;
  householdCode: string;
  headName: string | null;
  villageName: string | null;
  townshipName: string | null;
}

/** Who each late item of the monthly round is about (SPEC §8.2: "the late items named"). */
export async function lateItemDetails(q: Q, caseIds: string[]): Promise<Map<string, LateItemDetail>> {
  if (caseIds.length === 0) return new Map();
  const { rows } = await sql<LateItemDetail>`
    SELECT k.id AS "caseId", k.kind, h.code AS "householdCode", head.name AS "headName", v.name AS "villageName",
      t.name AS "townshipName"
    FROM cases k JOIN households h ON h.id = k.household_id
    LEFT JOIN persons head ON head.id = h.head_person_id
    LEFT JOIN regions v ON v.code = h.region_code
    LEFT JOIN regions t ON t.code = v.parent_code
    WHERE k.id IN (${sql.join(caseIds.map((id) => sql`${id}::uuid`))})`.execute(q);
  return new Map(rows.map((r) => [r.caseId, r]));
}
