import { type Static, Type } from 'typebox';
// The Chinese names the audit page shows (one list for the screen and the file; both files are plain data).
import { type AuditLabels, auditFields } from '../../../../web/src/domain/audit-fields.ts';
import { AUDIT_ACTION, AUDIT_ENTITY, label } from '../../../../web/src/domain/labels.ts';
import { AuditActions } from '../../audit/audit-actions.ts';
import { auditLabels } from '../../audit/audit-labels.ts';
import { type Actor, ROLE_LABELS, requirePermission, scopeFilter } from '../../auth/actor.ts';
import { defineLedger, defineSheet, keysetPages, type LedgerDeps } from '../ledger.ts';
import { dateTimeText } from './names.ts';

const filters = Type.Object(
  {
    action: Type.Optional(Type.String({ maxLength: 60 })),
    entity: Type.Optional(Type.String({ maxLength: 60 })),
    username: Type.Optional(Type.String({ maxLength: 60 })),
    householdId: Type.Optional(Type.String({ format: 'uuid' })),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
type Filters = Static<typeof filters>;

/** The conditions of the audit page (audit.repository list), within the actor's region. */
const base = (deps: LedgerDeps, actor: Actor, f: Filters) => {
  let q = deps.db.selectFrom('audit_log as a').where(scopeFilter(actor, 'a.region_code'));
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.entity) q = q.where('a.entity', '=', f.entity);
  if (f.username) q = q.where('a.username', '=', f.username);
  if (f.householdId) q = q.where('a.household_id', '=', f.householdId);
  if (f.from) q = q.where('a.at', '>=', new Date(f.from));
  if (f.to) q = q.where('a.at', '<', new Date(f.to));
  return q;
};

const pages = (deps: LedgerDeps, actor: Actor, f: Filters) =>
  keysetPages((after: { id: number | string } | undefined, size) =>
    base(deps, actor, f)
      .leftJoin('regions as r', 'r.code', 'a.region_code')
      .leftJoin('households as h', 'h.id', 'a.household_id')
      .leftJoin('audit_chain as c', 'c.audit_id', 'a.id')
      .select([
        'a.id',
        'a.at',
        'a.username',
        'a.role',
        'a.action',
        'a.entity',
        'a.entity_id as entityId',
        'a.before',
        'a.after',
        'a.ip',
        'r.name as regionName',
        'h.code as householdCode',
        'c.seq',
      ])
      .select((eb) =>
        eb
          .selectFrom('users as u')
          .select('u.display_name')
          .whereRef('u.username', '=', 'a.username')
          .limit(1)
          .as('userName'),
      )
      .$if(after !== undefined, (q) => q.where('a.id', '<', Number(after?.id)))
      .orderBy('a.id', 'desc')
      .limit(size)
      .execute(),
  );

const fieldsText = (side: unknown, own: AuditLabels | undefined) =>
  auditFields(side, own)
    .map((x) => `${x.label}：${x.value}`)
    .join('；');

/** The object's kind, and for a setting its name (配置 · 公示层级). */
const objectText = (r: { entity: string; entityId: string | null }) => {
  const own = auditLabels(r)?.object;
  return own ? `${label(AUDIT_ENTITY, r.entity)} · ${own}` : label(AUDIT_ENTITY, r.entity);
};

/**
 * 审计日志 (SPEC §17; issue 11 point 4): the log as the audit page shows it, for the audit administrator only —
 * people by name, actions, objects and changes in Chinese, never an id. Exporting it is itself audited.
 */
export const auditLedger = defineLedger<Filters>({
  name: 'audit',
  title: '审计日志',
  filters,
  revealable: false,
  audit: AuditActions.auditExport,
  entity: 'audit_log',
  authorize: (actor) => requirePermission(actor, 'audit.manage'),
  describe: (f) =>
    [
      f.action && `操作 ${label(AUDIT_ACTION, f.action)}`,
      f.entity && `对象 ${label(AUDIT_ENTITY, f.entity)}`,
      f.username && `用户 ${f.username}`,
      f.householdId && '指定农户',
      f.from && `自 ${f.from}`,
      f.to && `至 ${f.to}（不含）`,
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
      name: '审计日志',
      title: '审计日志',
      pages: pages(deps, actor, f),
      columns: [
        { header: '时间', width: 17, value: (r) => dateTimeText(r.at) },
        {
          header: '用户',
          width: 10,
          value: (r) => (!r.username || r.username === 'system' ? '系统' : (r.userName ?? r.username)),
        },
        { header: '登录名', width: 12, value: (r) => r.username },
        { header: '角色', width: 12, value: (r) => ROLE_LABELS[r.role as keyof typeof ROLE_LABELS] ?? '其他' },
        { header: '操作', width: 18, value: (r) => label(AUDIT_ACTION, r.action) },
        { header: '对象', width: 12, value: (r) => objectText(r) },
        { header: '户编号', width: 20, value: (r) => r.householdCode ?? '' },
        { header: '区划', width: 16, value: (r) => r.regionName ?? '' },
        { header: '变更前', width: 40, value: (r) => fieldsText(r.before, auditLabels(r)) },
        { header: '变更后', width: 40, value: (r) => fieldsText(r.after, auditLabels(r)) },
        { header: 'IP地址', width: 15, value: (r) => r.ip ?? '' },
        { header: '链序号', width: 10, value: (r) => (r.seq == null ? '' : Number(r.seq)) },
      ],
    }),
  ],
});
