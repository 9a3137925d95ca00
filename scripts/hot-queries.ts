/**
 * The hot queries whose plans docs/sql/ records (issue 12 point 8, issue 18 point 3), compiled as the application
 * compiles them. Shared by `npm run sql:explain` (which EXPLAINs them on a generated county) and
 * test/hot-queries-drift.test.ts (which fails when the code compiles a query the documents do not show).
 */
import type { CompiledQuery, Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { type Actor, regionPrefix } from '../src/modules/auth/actor.ts';
import { registryRepository } from '../src/modules/registry/registry.repository.ts';
import { stockTotalsSql } from '../src/modules/reports/current-stock.ts';
import type { PiiCipher } from '../src/security/pii-cipher.ts';

/** Where the queries look: a village, its township and county, and household codes to page after. */
export interface HotQueryPlaces {
  county: string;
  township: string;
  village: string;
  /** A household code of the village (the village user's next page). */
  villageAfter: string;
  /** A household code of the county (the county user's next page). */
  countyAfter: string;
}

export interface HotQuery {
  title: string;
  shape: string;
  query: CompiledQuery;
}

const actor = (role: Actor['role'], regionCode: string): Actor => ({
  userId: null,
  username: role,
  role,
  regionCode,
  department: null,
});

/** The household list (docs/sql/household-list.md): page, figures and a member search's counts, per user level. */
export function householdListQueries(db: Kysely<DB>, cipher: PiiCipher, p: HotQueryPlaces): HotQuery[] {
  const cases: { title: string; actor: Actor; f: Record<string, unknown>; shapes: string[] }[] = [
    { title: '村级用户：第一页', actor: actor('village', p.village), f: {}, shapes: ['page', 'figures'] },
    {
      title: '村级用户：按户编号翻页（after）',
      actor: actor('village', p.village),
      f: { after: p.villageAfter },
      shapes: ['page'],
    },
    {
      title: '村级用户：监测对象筛选',
      actor: actor('village', p.village),
      f: { status: 'monitored' },
      shapes: ['page', 'figures'],
    },
    {
      title: '村级用户：按成员姓名查找（逐户清点）',
      actor: actor('village', p.village),
      f: { name: '张伟' },
      shapes: ['page', 'countHouseholds', 'countPersons'],
    },
    { title: '乡镇用户：第一页', actor: actor('township', p.township), f: {}, shapes: ['page', 'figures'] },
    {
      title: '县级用户：按户编号翻页（after）',
      actor: actor('county', p.county),
      f: { after: p.countyAfter },
      shapes: ['page', 'figures'],
    },
  ];
  const repo = registryRepository(db, cipher);
  return cases.flatMap((c) => {
    const compiled = repo.listQueries(c.actor, { page: 1, pageSize: 20, ...c.f } as never) as Record<
      string,
      CompiledQuery
    >;
    return c.shapes.map((shape) => ({ title: c.title, shape, query: compiled[shape] as CompiledQuery }));
  });
}

/** Today's stock figures from the maintained totals and other modules' region filters (figures-and-filters.md). */
export function figureQueries(db: Kysely<DB>, p: HotQueryPlaces): HotQuery[] {
  const out: HotQuery[] = [
    { title: '县级工作台：当前存量（县与各乡镇）', shape: '', query: stockTotalsSql(p.county, [6, 9]).compile(db) },
    {
      title: '省级工作台：当前存量（省与各市州）',
      shape: '',
      query: stockTotalsSql(p.county.slice(0, 2), [2, 4]).compile(db),
    },
  ];
  for (const table of ['clues', 'cases', 'measures', 'household_status_events'] as const) {
    out.push({
      title: `乡镇筛选：${table}`,
      shape: '',
      query: db.selectFrom(table).select('id').where(regionPrefix('region_code', p.township)).compile(),
    });
  }
  return out;
}

/** The SQL text as the documents print it: one line, single spaces. */
export const oneLine = (sqlText: string) => sqlText.replace(/\s+/g, ' ').trim();
