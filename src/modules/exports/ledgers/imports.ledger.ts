import { sql } from 'kysely';
import { type Static, Type } from 'typebox';
import { AuditActions } from '../../audit/audit-actions.ts';
import { type Actor, regionPrefix, scopeFilter } from '../../auth/actor.ts';
import { defineLedger, defineSheet, keysetPages, type LedgerDeps } from '../ledger.ts';
import { dateTimeText, departmentName, importStatusName, REGION } from './names.ts';

const filters = Type.Object(
  { department: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })), region: REGION },
  { additionalProperties: false },
);
type Filters = Static<typeof filters>;

/** The conditions of the import history page (feeds.repository list): a department sees its own files only. */
const base = (deps: LedgerDeps, actor: Actor, f: Filters) => {
  let q = deps.db.selectFrom('feed_imports as i').where(scopeFilter(actor, 'i.region_code'));
  if (actor.role === 'department') q = q.where('i.department', '=', actor.department ?? '');
  if (f.department) q = q.where('i.department', '=', f.department);
  if (f.region) q = q.where(regionPrefix('i.region_code', f.region));
  return q;
};

const pages = (deps: LedgerDeps, actor: Actor, f: Filters) =>
  keysetPages((after: { startedKey: string; id: string } | undefined, size) =>
    base(deps, actor, f)
      .innerJoin('regions as r', 'r.code', 'i.region_code')
      .select([
        'i.id',
        'i.started_at as startedAt',
        'i.finished_at as finishedAt',
        'i.department',
        'i.record_kind as recordKind',
        'r.name as regionName',
        'i.period',
        'i.file_name as fileName',
        'i.status',
        'i.rows_good as rowsGood',
        'i.rows_bad as rowsBad',
        'i.rows_new as rowsNew',
        'i.hits',
        'i.clues',
        'i.imported_by as importedBy',
        // the key as text: a JS Date keeps milliseconds, the column microseconds (a page boundary must be exact)
        sql<string>`i.started_at::text`.as('startedKey'),
      ])
      .$if(after !== undefined, (q) =>
        q.where(sql<boolean>`(i.started_at, i.id) < (${after?.startedKey}::timestamptz, ${after?.id}::uuid)`),
      )
      .orderBy('i.started_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(size)
      .execute(),
  );

/** 部门数据导入记录 (SPEC §10): each imported file with its rows, warnings and clues, newest first. */
export const importsLedger = defineLedger<Filters>({
  name: 'imports',
  title: '部门数据导入记录',
  filters,
  revealable: false,
  audit: AuditActions.ledgerExport,
  entity: 'feed_import',
  authorize: () => {},
  describe: (f) =>
    [f.region && `区划 ${f.region}`, f.department && `部门 ${departmentName(f.department)}`].filter(
      (x): x is string => typeof x === 'string',
    ),
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
      name: '导入记录',
      title: '部门数据导入记录',
      pages: pages(deps, actor, f),
      columns: [
        { header: '导入时间', width: 17, value: (r) => dateTimeText(r.startedAt) },
        { header: '部门', width: 16, value: (r) => departmentName(r.department) },
        { header: '数据所属区划', width: 16, value: (r) => r.regionName },
        { header: '数据期间', width: 10, value: (r) => r.period },
        { header: '文件名', width: 30, value: (r) => r.fileName },
        { header: '状态', width: 8, value: (r) => importStatusName(r.status) },
        { header: '有效行数', width: 10, value: (r) => Number(r.rowsGood) },
        { header: '错误行数', width: 10, value: (r) => Number(r.rowsBad) },
        { header: '新增行数', width: 10, value: (r) => Number(r.rowsNew) },
        { header: '预警', width: 8, value: (r) => Number(r.hits) },
        { header: '生成线索', width: 10, value: (r) => Number(r.clues) },
        { header: '导入人', width: 10, value: (r) => r.importedBy },
        { header: '完成时间', width: 17, value: (r) => dateTimeText(r.finishedAt) },
      ],
    }),
  ],
});
