import { Alert, Card, Table, type TableProps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type AuditQuery, auditApi } from '../../api/audit';
import { errorMessage } from '../../api/client';
import type { AuditItem, Page } from '../../api/types';
import { PageHead } from '../../components/PageHead';
import { RegionName } from '../../components/RegionName';
import { formatDateTime } from '../../domain/format';
import { AUDIT_ACTION, AUDIT_ENTITY, label, ROLE } from '../../domain/labels';
import { Link } from '../../router/Link';
import { AuditFilters } from './AuditFilters';

const columns: TableProps<AuditItem>['columns'] = [
  { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
  { title: '用户', dataIndex: 'username', width: 100 },
  { title: '角色', dataIndex: 'role', width: 110, render: (v: string) => label(ROLE, v) },
  { title: '操作', dataIndex: 'action', width: 150, render: (v: string) => label(AUDIT_ACTION, v) },
  { title: '区划', dataIndex: 'regionCode', width: 140, render: (v: string) => (v ? <RegionName code={v} /> : '—') },
  {
    title: '对象',
    key: 'entity',
    render: (_, i) =>
      i.householdId ? (
        <Link to={`/households/${i.householdId}`}>农户档案</Link>
      ) : (
        `${label(AUDIT_ENTITY, i.entity)}${i.entityId ? ` ${i.entityId}` : ''}`
      ),
  },
  { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
];

function Details({ item }: { item: AuditItem }) {
  const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));
  return (
    <div style={{ display: 'flex', gap: 16 }}>
      <div style={{ flex: 1 }}>
        <Typography.Text type="secondary">变更前</Typography.Text>
        <pre className="sx-json">{json(item.before)}</pre>
      </div>
      <div style={{ flex: 1 }}>
        <Typography.Text type="secondary">变更后</Typography.Text>
        <pre className="sx-json">{json(item.after)}</pre>
      </div>
    </div>
  );
}

/** 审计日志 (SPEC §17): append-only, read by admins and supervisors within their scope. */
export default function AuditLogPage() {
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
      <PageHead title="审计日志">
        <Typography.Text type="secondary">
          记录每次查阅农户档案、查看完整身份证号和每项变更；日志只能追加，不能修改或删除。
        </Typography.Text>
      </PageHead>
      <Card>
        <AuditFilters onSearch={(q) => setQuery({ ...q, page: 1, pageSize: query.pageSize })} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<AuditItem>
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
    </>
  );
}
