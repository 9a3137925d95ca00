import { sql } from 'kysely';
import { type Static, Type } from 'typebox';
import { chinaToday } from '../../../domain/calendar/index.ts';
import { AuditActions } from '../../audit/audit-actions.ts';
import { type Actor, regionPrefix, requirePermission, scopeFilter } from '../../auth/actor.ts';
import { defineLedger, defineSheet, keysetPages, type LedgerDeps } from '../ledger.ts';
import { caseKindName, caseOutcomeName, categoryName, dateText, levelName, REGION, riskNames } from './names.ts';

const filters = Type.Object(
  {
    kind: Type.Optional(Type.Union([Type.Literal('inclusion'), Type.Literal('elimination')])),
    open: Type.Optional(Type.Boolean()),
    region: REGION,
    level: Type.Optional(
      Type.Union([
        Type.Literal('village'),
        Type.Literal('township'),
        Type.Literal('county'),
        Type.Literal('department'),
      ]),
    ),
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
type Filters = Static<typeof filters>;

/** The conditions of the case list (cases.repository list). */
const base = (deps: LedgerDeps, actor: Actor, f: Filters) => {
  let q = deps.db
    .selectFrom('cases as c')
    .innerJoin('households as h', 'h.id', 'c.household_id')
    .leftJoin('persons as head', 'head.id', 'h.head_person_id')
    .where(scopeFilter(actor, 'c.region_code'));
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.open !== undefined) q = q.where('c.outcome', f.open ? 'is' : 'is not', null);
  if (f.region) q = q.where(regionPrefix('c.region_code', f.region));
  if (f.level) q = q.where('c.current_level', '=', f.level);
  if (f.overdue) q = q.where('c.outcome', 'is', null).where('c.current_due', '<', chinaToday(deps.now()));
  return q;
};

const pages = (deps: LedgerDeps, actor: Actor, f: Filters) =>
  keysetPages((after: { startedOn: string; id: string } | undefined, size) =>
    base(deps, actor, f)
      .innerJoin('regions as v', 'v.code', 'c.region_code')
      .select([
        'c.id',
        'c.started_on as startedOn',
        'c.kind',
        'v.name as regionName',
        'h.code as householdCode',
        'head.name as headName',
        'c.template_code as templateCode',
        sql<
          string | null
        >`(select s->>'name' from jsonb_array_elements(c.state->'template'->'steps') s where s->>'code' = c.current_step limit 1)`.as(
          'currentStepName',
        ),
        'c.current_level as currentLevel',
        'c.current_due as currentDue',
        'c.finished_on as finishedOn',
        'c.outcome',
        'c.category',
        'c.risk_types as riskTypes',
      ])
      .$if(after !== undefined, (q) =>
        q.where(sql<boolean>`(c.started_on, c.id) > (${after?.startedOn}::date, ${after?.id}::uuid)`),
      )
      .orderBy('c.started_on')
      .orderBy('c.id')
      .limit(size)
      .execute(),
  );

/** 程序办理台账 (SPEC §8): identification and elimination cases with their current step, level and deadline. */
export const casesLedger = defineLedger<Filters>({
  name: 'cases',
  title: '识别纳入和风险消除程序台账',
  filters,
  revealable: false,
  audit: AuditActions.ledgerExport,
  entity: 'case',
  authorize: (actor) => requirePermission(actor, 'registry.read'),
  describe: (f) =>
    [
      f.region && `区划 ${f.region}`,
      f.kind && `程序 ${caseKindName(f.kind)}`,
      f.open !== undefined && (f.open ? '办理中' : '已办结'),
      f.level && `当前层级 ${levelName(f.level)}`,
      f.overdue && '仅逾期',
    ].filter((x): x is string => typeof x === 'string'),
  estimate: async (deps, actor, f) =>
    Number(
      (
        await base(deps, actor, f)
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  sheets: (deps, actor, f) => [
    defineSheet({
      name: '程序事项',
      title: '识别纳入和风险消除程序台账',
      pages: pages(deps, actor, f),
      columns: [
        { header: '启动日期', width: 12, value: (r) => dateText(r.startedOn) },
        { header: '程序', width: 10, value: (r) => caseKindName(r.kind) },
        { header: '所在地', width: 18, value: (r) => r.regionName },
        { header: '户编号', width: 20, value: (r) => r.householdCode },
        { header: '户主', width: 10, value: (r) => r.headName },
        { header: '当前步骤', width: 18, value: (r) => (r.outcome ? '' : (r.currentStepName ?? '')) },
        { header: '当前层级', width: 10, value: (r) => (r.outcome ? '' : levelName(r.currentLevel)) },
        { header: '步骤时限', width: 12, value: (r) => (r.outcome ? '' : dateText(r.currentDue)) },
        { header: '办理结果', width: 10, value: (r) => (r.outcome ? caseOutcomeName(r.outcome) : '办理中') },
        { header: '办结日期', width: 12, value: (r) => dateText(r.finishedOn) },
        { header: '监测类别', width: 16, value: (r) => categoryName(r.category) },
        { header: '风险类型', width: 16, value: (r) => riskNames(r.riskTypes) },
      ],
    }),
  ],
});
