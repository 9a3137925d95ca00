import { sql } from 'kysely';
import { type Static, Type } from 'typebox';
import { AuditActions } from '../../audit/audit-actions.ts';
import { type Actor, regionPrefix, requirePermission, scopeFilter } from '../../auth/actor.ts';
import { defineLedger, defineSheet, idNumberFor, keysetPages, type LedgerDeps } from '../ledger.ts';
import { backstopName, CATEGORY, categoryName, dateText, REGION, riskNames, yesNo } from './names.ts';

const RISK = Type.Union(
  ['income', 'education', 'medical', 'housing', 'water', 'industry_employment', 'other'].map((r) => Type.Literal(r)),
);
const filters = Type.Object(
  { region: REGION, category: CATEGORY, riskType: Type.Optional(RISK), liftedOut: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
type Filters = Static<typeof filters>;

const base = (deps: LedgerDeps, actor: Actor, f: Filters) => {
  let q = deps.db
    .selectFrom('households as h')
    .leftJoin('persons as head', 'head.id', 'h.head_person_id')
    .where('h.monitoring_status', '=', 'monitored')
    .where(scopeFilter(actor, 'h.region_code'));
  if (f.region) q = q.where(regionPrefix('h.region_code', f.region));
  if (f.category) q = q.where('h.category', '=', f.category);
  if (f.riskType) q = q.where(sql<boolean>`${f.riskType} = any(h.risk_types)`);
  if (f.liftedOut !== undefined) q = q.where('h.lifted_out', '=', f.liftedOut);
  return q;
};

const page = (deps: LedgerDeps, actor: Actor, f: Filters) =>
  keysetPages(async (after: { code: string } | undefined, size) => {
    const rows = await base(deps, actor, f)
      .innerJoin('regions as v', 'v.code', 'h.region_code')
      .select([
        'h.code',
        'v.name as village',
        'head.name as headName',
        'head.id_number_masked as headIdMasked',
        'head.id_number_enc as headIdEnc',
        'h.lifted_out as liftedOut',
        'h.category',
        'h.risk_types as riskTypes',
        'h.included_on as includedOn',
        'h.responsible_person as responsiblePerson',
        'h.responsible_phone as responsiblePhone',
        'h.backstop',
        'h.labor_summary as laborSummary',
      ])
      .select([
        (eb) =>
          eb
            .selectFrom('persons as m')
            .whereRef('m.household_id', '=', 'h.id')
            .where('m.status', '=', 'normal')
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('memberCount'),
        (eb) =>
          eb
            .selectFrom('measures as ms')
            .whereRef('ms.household_id', '=', 'h.id')
            .where('ms.status', '<>', 'cancelled')
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('measureCount'),
      ])
      .where('h.code', '>', after?.code ?? '')
      .orderBy('h.code')
      .limit(size)
      .execute();
    return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount), measureCount: Number(r.measureCount) }));
  });

/** 监测对象台账: monitored households with category, risks, measures and responsible person (SPEC §5, §9, §12). */
export const monitoredLedger = defineLedger<Filters>({
  name: 'monitored',
  title: '监测对象台账',
  filters,
  revealable: true,
  audit: AuditActions.ledgerExport,
  entity: 'household',
  authorize: (actor) => requirePermission(actor, 'registry.read'),
  describe: (f) =>
    [
      f.region && `区划 ${f.region}`,
      f.category && `类别 ${categoryName(f.category)}`,
      f.riskType && `风险类型 ${riskNames([f.riskType])}`,
      f.liftedOut !== undefined && (f.liftedOut ? '脱贫户' : '非脱贫户'),
    ].filter((x): x is string => typeof x === 'string'),
  estimate: async (deps, actor, f) =>
    Number(
      (
        await base(deps, actor, f)
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  sheets: (deps, actor, f, opts) => [
    defineSheet({
      name: '监测对象',
      title: '监测对象台账',
      persons: (r) => r.memberCount,
      pages: page(deps, actor, f),
      columns: [
        { header: '户编号', width: 20, value: (r) => r.code },
        { header: '所在村（社区）', width: 20, value: (r) => r.village },
        { header: '户主', width: 10, value: (r) => r.headName },
        { header: '户主身份证号', width: 22, value: (r) => idNumberFor(deps, opts, r.headIdMasked, r.headIdEnc) },
        { header: '家庭人口', width: 9, value: (r) => r.memberCount },
        { header: '脱贫户', width: 8, value: (r) => yesNo(r.liftedOut) },
        { header: '监测类别', width: 16, value: (r) => categoryName(r.category) },
        { header: '风险类型', width: 18, value: (r) => riskNames(r.riskTypes) },
        { header: '纳入日期', width: 12, value: (r) => dateText(r.includedOn) },
        { header: '帮扶措施（项）', width: 12, value: (r) => r.measureCount },
        { header: '兜底保障', width: 10, value: (r) => backstopName(r.backstop) },
        { header: '帮扶责任人', width: 12, value: (r) => r.responsiblePerson },
        { header: '责任人电话', width: 14, value: (r) => r.responsiblePhone },
      ],
    }),
  ],
});
