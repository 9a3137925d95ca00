import { sql } from 'kysely';
import { type Static, Type } from 'typebox';
import { chinaToday } from '../../../domain/calendar/index.ts';
import { CHANNELS } from '../../../domain/reports/figures.ts';
import { AuditActions } from '../../audit/audit-actions.ts';
import { type Actor, regionPrefix, requirePermission, scopeFilter } from '../../auth/actor.ts';
import { defineLedger, defineSheet, keysetPages, type LedgerDeps } from '../ledger.ts';
import { channelName, clueResultName, clueStatusName, dateText, dateTimeText, REGION, riskNames } from './names.ts';

const filters = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('verifying'), Type.Literal('closed'), Type.Literal('unclosed')]),
    ),
    channel: Type.Optional(Type.Union(CHANNELS.map((c) => Type.Literal(c)))),
    region: REGION,
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
type Filters = Static<typeof filters>;

/** The same conditions as the ledger page (clues.repository list): scope, a department's own clues, the filters. */
const base = (deps: LedgerDeps, actor: Actor, f: Filters) => {
  let q = deps.db
    .selectFrom('clues as c')
    .leftJoin('households as h', 'h.id', 'c.household_id')
    .leftJoin('persons as head', 'head.id', 'h.head_person_id')
    .where(scopeFilter(actor, 'c.region_code'));
  if (actor.role === 'department') q = q.where('c.source_ref', 'like', `${actor.department}%`);
  if (f.status === 'unclosed') q = q.where('c.status', '<>', 'closed');
  else if (f.status) q = q.where('c.status', '=', f.status);
  if (f.channel) q = q.where('c.channel', '=', f.channel);
  if (f.region) q = q.where(regionPrefix('c.region_code', f.region));
  if (f.overdue) q = q.where('c.status', '<>', 'closed').where('c.due_on', '<', chinaToday(deps.now()));
  return q;
};

const pages = (deps: LedgerDeps, actor: Actor, f: Filters) =>
  keysetPages((after: { receivedOn: string; id: string } | undefined, size) =>
    base(deps, actor, f)
      .innerJoin('regions as v', 'v.code', 'c.region_code')
      .select([
        'c.id',
        sql<string>`to_char(c.received_on, 'YYYY-MM-DD')`.as('receivedOn'),
        'v.name as regionName',
        'c.channel',
        'c.source_kind as sourceKind',
        'h.code as householdCode',
        'head.name as headName',
        'c.finding',
        'c.risk_types as riskTypes',
        'c.due_on as dueOn',
        'c.assignee_name as assigneeName',
        'c.status',
        'c.result',
        'c.result_note as resultNote',
        'c.closed_by_name as closedBy',
        'c.closed_at as closedAt',
        'c.merged_count as mergedCount',
      ])
      .$if(after !== undefined, (q) =>
        q.where(sql<boolean>`(c.received_on, c.id) > (${after?.receivedOn}::date, ${after?.id}::uuid)`),
      )
      .orderBy('c.received_on')
      .orderBy('c.id')
      .limit(size)
      .execute(),
  );

/** 监测预警信息台账 (SPEC §6): every clue with channel, source, finding, dates, assignee, status and result. */
export const cluesLedger = defineLedger<Filters>({
  name: 'clues',
  title: '监测预警信息台账',
  filters,
  revealable: false,
  audit: AuditActions.ledgerExport,
  entity: 'clue',
  authorize: (actor) => {
    if (actor.role !== 'department') requirePermission(actor, 'registry.read');
  },
  describe: (f) =>
    [
      f.region && `区划 ${f.region}`,
      f.status && `状态 ${f.status === 'unclosed' ? '未销号' : clueStatusName(f.status)}`,
      f.channel && `渠道 ${channelName(f.channel)}`,
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
      name: '线索台账',
      title: '监测预警信息台账',
      pages: pages(deps, actor, f),
      columns: [
        { header: '接收日期', width: 12, value: (r) => r.receivedOn },
        { header: '所在地', width: 18, value: (r) => r.regionName },
        { header: '监测渠道', width: 14, value: (r) => channelName(r.channel) },
        { header: '户编号', width: 20, value: (r) => r.householdCode ?? '未匹配' },
        { header: '户主', width: 10, value: (r) => r.headName },
        { header: '发现的问题', width: 40, value: (r) => r.finding },
        { header: '风险类型', width: 16, value: (r) => riskNames(r.riskTypes) },
        { header: '办理时限', width: 12, value: (r) => dateText(r.dueOn) },
        { header: '核实人', width: 10, value: (r) => r.assigneeName },
        { header: '状态', width: 10, value: (r) => clueStatusName(r.status) },
        { header: '销号结果', width: 16, value: (r) => clueResultName(r.result) },
        { header: '结果说明', width: 30, value: (r) => r.resultNote },
        { header: '销号人', width: 10, value: (r) => r.closedBy },
        { header: '销号时间', width: 17, value: (r) => dateTimeText(r.closedAt) },
        { header: '重复报送（次）', width: 12, value: (r) => r.mergedCount },
      ],
    }),
  ],
});
