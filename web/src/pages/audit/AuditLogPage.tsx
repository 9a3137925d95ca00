import { Alert, Card, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type AuditQuery, auditApi } from '../../api/audit';
import { errorMessage } from '../../api/client';
import type { AuditItem, Page } from '../../api/types';
import { useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { RegionName } from '../../components/RegionName';
import { type ResponsiveColumns, ResponsiveTable } from '../../components/ResponsiveTable';
import { type AuditLabels, auditFields } from '../../domain/audit-fields';
import { formatDateTime } from '../../domain/format';
import { AUDIT_ACTION, AUDIT_ENTITY, label, ROLE } from '../../domain/labels';
import { can } from '../../domain/permissions';
import { Link } from '../../router/Link';
import { AuditAdminActions, AuditArchives } from './AuditAdminTools';
import { AuditFilters } from './AuditFilters';

const columns: ResponsiveColumns<AuditItem> = [
  { title: '时间', mobile: true, dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
  {
    title: '用户',
    mobile: true,
    dataIndex: 'username',
    width: 110,
    // The person's name (issue 14 point 5); changes the platform makes by itself are recorded as the system's.
    render: (v: string | null, i) => (!v || v === 'system' ? '系统' : (i.userName ?? v)),
  },
  { title: '角色', dataIndex: 'role', width: 110, render: (v: string) => label(ROLE, v) },
  { title: '操作', mobile: 'title', dataIndex: 'action', width: 150, render: (v: string) => label(AUDIT_ACTION, v) },
  { title: '区划', dataIndex: 'regionCode', width: 140, render: (v: string) => (v ? <RegionName code={v} /> : '—') },
  {
    title: '对象',
    mobile: true,
    key: 'entity',
    render: (_, i) => <AuditObject item={i} />,
  },
  { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
];

/** The pages an audited object can be opened on; other objects are named by their kind only (never an id). */
const OBJECT_PAGES: Record<string, string> = {
  case: '/cases/',
  campaign: '/campaigns/',
  problem: '/problems/',
  project: '/projects/',
  review: '/assistance/reviews/',
};

/** The username of an audited user account, as the change recorded it. */
function accountName(item: AuditItem): string | undefined {
  for (const side of [item.after, item.before]) {
    const name = side && typeof side === 'object' ? (side as Record<string, unknown>).username : undefined;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

function AuditObject({ item }: { item: AuditItem }) {
  const kind = label(AUDIT_ENTITY, item.entity);
  if (item.householdId)
    return <Link to={`/households/${item.householdId}`}>{kind === '农户' ? '农户档案' : `农户档案 · ${kind}`}</Link>;
  const page = OBJECT_PAGES[item.entity];
  if (page && item.entityId) return <Link to={`${page}${item.entityId}`}>{kind}</Link>;
  if (item.entity === 'user') {
    const name = accountName(item);
    return <>{name ? `用户 ${name}` : kind}</>;
  }
  return <>{item.labels?.object ? `${kind} · ${item.labels.object}` : kind}</>;
}

function Side({ title, value, own }: { title: string; value: unknown; own?: AuditLabels }) {
  const fields = auditFields(value, own);
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      {fields.length === 0 ? (
        <div>—</div>
      ) : (
        <dl className="sx-audit-fields" data-testid="audit-fields">
          {fields.map((f, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fields of one entry, never reordered
            <div key={n}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** Before and after, field by field in Chinese (issue 14 point 5: no raw JSON keys). */
function Details({ item }: { item: AuditItem }) {
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
      <Side title="变更前" value={item.before} own={item.labels} />
      <Side title="变更后" value={item.after} own={item.labels} />
    </div>
  );
}

/** 审计日志 (SPEC §17): append-only, read by admins and supervisors within their scope. */
export default function AuditLogPage() {
  const user = useUser();
  // the audit administrator's export, chain verification and archives (issue 11 point 4)
  const manages = can(user, 'audit.manage');
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 50 });
  const [data, setData] = useState<Page<AuditItem>>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    auditApi
      .list(query)
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(undefined);
      })
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query]);

  return (
    <>
      <PageHead title="审计日志" extra={manages ? <AuditAdminActions query={query} /> : undefined}>
        <Typography.Text type="secondary">
          记录每次查阅农户档案、查看完整身份证号和每项变更；日志只能追加，不能修改或删除。
        </Typography.Text>
      </PageHead>
      <Card>
        <AuditFilters onSearch={(q) => setQuery({ ...q, page: 1, pageSize: query.pageSize })} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ResponsiveTable<AuditItem>
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          expandable={{
            expandedRowRender: (item) => <Details item={item} />,
            rowExpandable: (i) => i.before != null || i.after != null,
          }}
          scroll={{ x: 1000 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
          }}
        />
      </Card>
      {manages && <AuditArchives />}
    </>
  );
}
