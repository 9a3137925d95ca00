import { sql } from 'kysely';
import { type Static, Type } from 'typebox';
import { isDepartment } from '../../assistance/assistance.policy.ts';
import { AuditActions } from '../../audit/audit-actions.ts';
import { type Actor, regionPrefix, requirePermission, scopeFilter } from '../../auth/actor.ts';
import { defineLedger, defineSheet, keysetPages, type LedgerDeps } from '../ledger.ts';
import { dateText, departmentName, measureStatusName, measureTypeName, REGION, riskNames } from './names.ts';

const filters = Type.Object(
  {
    department: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
    status: Type.Optional(
      Type.Union([
        Type.Literal('planned'),
        Type.Literal('in_progress'),
        Type.Literal('completed'),
        Type.Literal('cancelled'),
      ]),
    ),
    region: REGION,
  },
  { additionalProperties: false },
);
type Filters = Static<typeof filters>;

/** A department user exports only the measures its department delivers (SPEC §1, assistance.policy). */
const departmentOf = (actor: Actor, f: Filters) => (isDepartment(actor) ? (actor.department ?? '') : f.department);

const base = (deps: LedgerDeps, actor: Actor, f: Filters) => {
  let q = deps.db
    .selectFrom('measures as m')
    .innerJoin('households as h', 'h.id', 'm.household_id')
    .leftJoin('persons as head', 'head.id', 'h.head_person_id')
    .where(scopeFilter(actor, 'm.region_code'));
  const department = departmentOf(actor, f);
  if (department !== undefined) q = q.where('m.department', '=', department);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.region) q = q.where(regionPrefix('m.region_code', f.region));
  return q;
};

const pages = (deps: LedgerDeps, actor: Actor, f: Filters) =>
  keysetPages((after: { householdCode: string; id: string } | undefined, size) =>
    base(deps, actor, f)
      .select([
        'm.id',
        'h.code as householdCode',
        'head.name as headName',
        'm.type',
        'm.name',
        'm.content',
        'm.answers_risks as answersRisks',
        'm.department',
        'm.responsible_person as responsiblePerson',
        'm.start_on as startOn',
        'm.planned_end_on as plannedEndOn',
        sql<string | null>`m.amount::text`.as('amount'),
        'm.fund_source as fundSource',
        'm.status',
        'm.result',
        'm.finished_on as finishedOn',
      ])
      .$if(after !== undefined, (q) =>
        q.where(sql<boolean>`(h.code, m.id) > (${after?.householdCode}, ${after?.id}::uuid)`),
      )
      .orderBy('h.code')
      .orderBy('m.id')
      .limit(size)
      .execute(),
  );

/** 帮扶措施台账 (SPEC §9): each measure with type, content, department and person, dates, money, status, result. */
export const measuresLedger = defineLedger<Filters>({
  name: 'measures',
  title: '帮扶措施台账',
  filters,
  revealable: false,
  audit: AuditActions.ledgerExport,
  entity: 'measure',
  authorize: (actor) => {
    if (!isDepartment(actor)) requirePermission(actor, 'registry.read');
  },
  describe: (f) =>
    [
      f.region && `区划 ${f.region}`,
      f.department && `责任部门 ${departmentName(f.department)}`,
      f.status && `状态 ${measureStatusName(f.status)}`,
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
      name: '帮扶措施',
      title: '帮扶措施台账',
      pages: pages(deps, actor, f),
      columns: [
        { header: '户编号', width: 20, value: (r) => r.householdCode },
        { header: '户主', width: 10, value: (r) => r.headName },
        { header: '措施类型', width: 16, value: (r) => measureTypeName(r.type) },
        { header: '措施名称', width: 18, value: (r) => r.name },
        { header: '措施内容', width: 36, value: (r) => r.content },
        { header: '针对风险', width: 14, value: (r) => riskNames(r.answersRisks) },
        { header: '责任部门', width: 16, value: (r) => departmentName(r.department) },
        { header: '责任人', width: 10, value: (r) => r.responsiblePerson },
        { header: '开始日期', width: 12, value: (r) => dateText(r.startOn) },
        { header: '计划完成', width: 12, value: (r) => dateText(r.plannedEndOn) },
        { header: '金额（元）', width: 12, value: (r) => (r.amount === null ? '' : Number(r.amount)) },
        { header: '资金来源', width: 14, value: (r) => r.fundSource },
        { header: '状态', width: 10, value: (r) => measureStatusName(r.status) },
        { header: '完成日期', width: 12, value: (r) => dateText(r.finishedOn) },
        { header: '落实结果', width: 30, value: (r) => r.result },
      ],
    }),
  ],
});
