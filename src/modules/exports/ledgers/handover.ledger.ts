import { sql } from 'kysely';
import { type Static, Type } from 'typebox';
import { AuditActions } from '../../audit/audit-actions.ts';
import { type Actor, regionPrefix, requirePermission, requireScope, scopeFilter } from '../../auth/actor.ts';
import { defineLedger, defineSheet, idNumberFor, keysetPages, type LedgerDeps } from '../ledger.ts';
import {
  backstopName,
  categoryName,
  dateText,
  departmentName,
  educationName,
  healthName,
  householdStatusName,
  laborName,
  measureStatusName,
  measureTypeName,
  personStatusName,
  relationName,
  riskNames,
  sexName,
  yesNo,
} from './names.ts';

const filters = Type.Object(
  {
    region: Type.String({ pattern: '^[0-9]{2,12}$', description: '区划代码（县、乡镇或村）' }),
    period: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: '所属月份 YYYY-MM' }),
  },
  { additionalProperties: false },
);
type Filters = Static<typeof filters>;

/** First and last day of a YYYY-MM month. */
export function periodBounds(period: string): { start: string; end: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${period}-01`, end: `${period}-${String(last).padStart(2, '0')}` };
}

const LABOUR_SUMMARY: Record<string, string> = { has: '有劳动力', partial: '仅弱劳动力', none: '无劳动力' };

/**
 * The households handed over for a region and month (docs/handover.md): monitored households included on or before
 * the month's last day that were still monitored at the start of the month — monitored now, or eliminated on or
 * after its first day.
 */
const households = (deps: LedgerDeps, actor: Actor, f: Filters) => {
  const { start, end } = periodBounds(f.period);
  return deps.db
    .selectFrom('households as h')
    .where(scopeFilter(actor, 'h.region_code'))
    .where(regionPrefix('h.region_code', f.region))
    .where('h.included_on', 'is not', null)
    .where('h.included_on', '<=', end)
    .where((eb) =>
      eb.or([
        eb('h.monitoring_status', '=', 'monitored'),
        eb.and([eb('h.monitoring_status', '=', 'eliminated'), eb('h.eliminated_on', '>=', start)]),
      ]),
    );
};

const byCode = <R extends { code: string }>(fetch: (afterCode: string, size: number) => Promise<R[]>) =>
  keysetPages((after: R | undefined, size) => fetch(after?.code ?? '', size));

/**
 * 交接导出 (SPEC §1: results handed over in bulk for entry into the national monitoring information system): four
 * sheets — 户, 成员, 风险, 措施 — in the column layout of docs/handover.md, for one region and month.
 */
export const handoverLedger = defineLedger<Filters>({
  name: 'handover',
  title: '防返贫监测对象信息交接表',
  filters,
  revealable: true,
  audit: AuditActions.handoverExport,
  entity: 'household',
  authorize: (actor, f) => {
    requirePermission(actor, 'registry.read');
    // A region above the user's narrows to their scope (the scope filter); any other region must lie inside it.
    if (!actor.regionCode.startsWith(f.region)) requireScope(actor, f.region);
  },
  describe: (f) => [`区划 ${f.region}`, `所属月份 ${f.period}`],
  async estimate(deps, actor, f) {
    const r = await households(deps, actor, f)
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  sheets: (deps, actor, f, opts) => {
    const { end } = periodBounds(f.period);
    return [
      defineSheet({
        name: '户',
        title: '监测对象户信息',
        persons: (r) => r.memberCount,
        pages: byCode((afterCode, size) =>
          households(deps, actor, f)
            .leftJoin('persons as head', 'head.id', 'h.head_person_id')
            .innerJoin('regions as v', 'v.code', 'h.region_code')
            .leftJoin('regions as t', (j) => j.on(sql<boolean>`t.code = left(h.region_code, 9)`))
            .leftJoin('regions as c', (j) => j.on(sql<boolean>`c.code = left(h.region_code, 6)`))
            .select([
              'h.code',
              'h.region_code as regionCode',
              'c.name as county',
              't.name as township',
              'v.name as village',
              'head.name as headName',
              'head.id_number_masked as headIdMasked',
              'head.id_number_enc as headIdEnc',
              'h.lifted_out as liftedOut',
              'h.lifted_out_year as liftedOutYear',
              'h.category',
              'h.risk_types as riskTypes',
              'h.included_on as includedOn',
              'h.monitoring_status as status',
              'h.eliminated_on as eliminatedOn',
              'h.labor_summary as laborSummary',
              'h.backstop',
              'h.responsible_person as responsiblePerson',
              'h.responsible_phone as responsiblePhone',
              'h.address',
            ])
            .select((eb) =>
              eb
                .selectFrom('persons as m')
                .whereRef('m.household_id', '=', 'h.id')
                .where('m.status', '=', 'normal')
                .select((e) => e.fn.countAll<number>().as('n'))
                .as('memberCount'),
            )
            .where('h.code', '>', afterCode)
            .orderBy('h.code')
            .limit(size)
            .execute()
            .then((rows) => rows.map((r) => ({ ...r, memberCount: Number(r.memberCount) }))),
        ),
        columns: [
          { header: '户编号', width: 20, value: (r) => r.code },
          { header: '行政区划代码', width: 14, value: (r) => r.regionCode },
          { header: '县（市、区）', width: 12, value: (r) => r.county },
          { header: '乡（镇）', width: 12, value: (r) => r.township },
          { header: '村（社区）', width: 14, value: (r) => r.village },
          { header: '户主姓名', width: 10, value: (r) => r.headName },
          { header: '户主身份证号', width: 22, value: (r) => idNumberFor(deps, opts, r.headIdMasked, r.headIdEnc) },
          { header: '家庭人口数', width: 10, value: (r) => r.memberCount },
          { header: '是否脱贫户', width: 10, value: (r) => yesNo(r.liftedOut) },
          { header: '脱贫年度', width: 10, value: (r) => r.liftedOutYear ?? '' },
          { header: '监测对象类别', width: 16, value: (r) => categoryName(r.category) },
          { header: '风险类型', width: 18, value: (r) => riskNames(r.riskTypes) },
          { header: '识别纳入日期', width: 12, value: (r) => dateText(r.includedOn) },
          { header: '监测状态', width: 10, value: (r) => householdStatusName(r.status) },
          { header: '风险消除日期', width: 12, value: (r) => dateText(r.eliminatedOn) },
          { header: '劳动力状况', width: 12, value: (r) => (r.laborSummary ? LABOUR_SUMMARY[r.laborSummary] : '') },
          { header: '兜底保障', width: 10, value: (r) => backstopName(r.backstop) },
          { header: '帮扶责任人', width: 10, value: (r) => r.responsiblePerson },
          { header: '帮扶责任人电话', width: 14, value: (r) => r.responsiblePhone },
          { header: '住址', width: 28, value: (r) => r.address },
        ],
      }),
      defineSheet({
        name: '成员',
        title: '监测对象家庭成员信息',
        pages: keysetPages((after: { code: string; id: string } | undefined, size) =>
          households(deps, actor, f)
            .innerJoin('persons as p', 'p.household_id', 'h.id')
            .select([
              'h.code',
              'p.id',
              'p.name',
              'p.id_number_masked as idMasked',
              'p.id_number_enc as idEnc',
              'p.sex',
              'p.birth_year as birthYear',
              'p.relation',
              'p.status',
              'p.health',
              'p.disability_level as disabilityLevel',
              'p.labor',
              'p.education',
              'p.insured_medical as insuredMedical',
              'p.insured_pension as insuredPension',
            ])
            .$if(after !== undefined, (q) =>
              q.where(sql<boolean>`(h.code, p.id) > (${after?.code}, ${after?.id}::uuid)`),
            )
            .orderBy('h.code')
            .orderBy('p.id')
            .limit(size)
            .execute(),
        ),
        columns: [
          { header: '户编号', width: 20, value: (r) => r.code },
          { header: '姓名', width: 10, value: (r) => r.name },
          { header: '身份证号', width: 22, value: (r) => idNumberFor(deps, opts, r.idMasked, r.idEnc) },
          { header: '性别', width: 6, value: (r) => sexName(r.sex) },
          { header: '出生年份', width: 9, value: (r) => r.birthYear },
          { header: '与户主关系', width: 12, value: (r) => relationName(r.relation) },
          { header: '成员状态', width: 10, value: (r) => personStatusName(r.status) },
          { header: '健康状况', width: 10, value: (r) => healthName(r.health) },
          { header: '残疾等级', width: 9, value: (r) => (r.disabilityLevel ? `${r.disabilityLevel}级` : '') },
          { header: '劳动技能', width: 12, value: (r) => laborName(r.labor) },
          { header: '在校情况', width: 14, value: (r) => educationName(r.education) },
          { header: '参加城乡居民基本医疗保险', width: 12, value: (r) => yesNo(r.insuredMedical) },
          { header: '参加城乡居民基本养老保险', width: 12, value: (r) => yesNo(r.insuredPension) },
        ],
      }),
      defineSheet({
        name: '风险',
        title: '监测对象风险信息',
        pages: keysetPages(async (after: { code: string; risk: string } | undefined, size) => {
          const r = await sql<{ code: string; risk: string; status: string; includedOn: string | null }>`
            select h.code, t.risk, h.monitoring_status as status, h.included_on as "includedOn"
            from (${households(deps, actor, f).select(['h.code', 'h.risk_types', 'h.monitoring_status', 'h.included_on'])}) h
            cross join lateral unnest(h.risk_types) as t(risk)
            where (h.code, t.risk) > (${after?.code ?? ''}, ${after?.risk ?? ''})
            order by h.code, t.risk
            limit ${size}
          `.execute(deps.db);
          return r.rows;
        }),
        columns: [
          { header: '户编号', width: 20, value: (r) => r.code },
          { header: '风险类型', width: 14, value: (r) => riskNames([r.risk]) },
          { header: '识别纳入日期', width: 12, value: (r) => dateText(r.includedOn) },
          { header: '风险是否消除', width: 12, value: (r) => yesNo(r.status === 'eliminated') },
        ],
      }),
      defineSheet({
        name: '措施',
        title: '监测对象帮扶措施信息',
        pages: keysetPages((after: { code: string; id: string } | undefined, size) =>
          households(deps, actor, f)
            .innerJoin('measures as m', 'm.household_id', 'h.id')
            .where('m.status', '<>', 'cancelled')
            .where((eb) => eb.or([eb('m.start_on', 'is', null), eb('m.start_on', '<=', end)]))
            .select([
              'h.code',
              'm.id',
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
              'm.finished_on as finishedOn',
              'm.result',
            ])
            .$if(after !== undefined, (q) =>
              q.where(sql<boolean>`(h.code, m.id) > (${after?.code}, ${after?.id}::uuid)`),
            )
            .orderBy('h.code')
            .orderBy('m.id')
            .limit(size)
            .execute(),
        ),
        columns: [
          { header: '户编号', width: 20, value: (r) => r.code },
          { header: '帮扶措施类型', width: 16, value: (r) => measureTypeName(r.type) },
          { header: '措施名称', width: 18, value: (r) => r.name },
          { header: '措施内容', width: 36, value: (r) => r.content },
          { header: '针对风险类型', width: 14, value: (r) => riskNames(r.answersRisks) },
          { header: '责任部门', width: 16, value: (r) => departmentName(r.department) },
          { header: '责任人', width: 10, value: (r) => r.responsiblePerson },
          { header: '开始日期', width: 12, value: (r) => dateText(r.startOn) },
          { header: '计划完成日期', width: 12, value: (r) => dateText(r.plannedEndOn) },
          { header: '帮扶资金（元）', width: 12, value: (r) => (r.amount === null ? '' : Number(r.amount)) },
          { header: '资金来源', width: 14, value: (r) => r.fundSource },
          { header: '落实状态', width: 10, value: (r) => measureStatusName(r.status) },
          { header: '完成日期', width: 12, value: (r) => dateText(r.finishedOn) },
          { header: '落实结果', width: 30, value: (r) => r.result },
        ],
      }),
    ];
  },
});
