import { Alert, Button, Card, Select, Space, Switch, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type QualityItem, type QualityQuery, screeningApi } from '../../api/screening';
import type { Page } from '../../api/types';
import { useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { RegionName } from '../../components/RegionName';
import { type ResponsiveColumns, ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../domain/format';
import { can } from '../../domain/permissions';
import { useOpenKey } from '../../forms/use-open-key';
import { navigate, useLocation } from '../../router/history';
import { RegionSelect } from '../feeds/RegionSelect';
import { departmentName, departmentOptions, recordKindName, useFeeds } from '../feeds/use-feeds';
import { qualityListUrl, readQualityQuery, toApiQuery } from './quality-query';
import { ResolveQualityModal } from './ResolveQualityModal';

/**
 * 数据质量问题 (SPEC §10): department records that hit a screening rule on a person the registry does not hold (by
 * ID number). They are not lost: each waits here until the person is registered (the next screening run then
 * resolves it) or someone records what was done (处理). A department officer sees and handles only their own
 * department's items; a registry keeper (registry.write) handles those of their region — as the server decides.
 */
export default function DataQualityPage() {
  const user = useUser();
  const { search } = useLocation();
  const searchKey = search.toString();
  const query = readQualityQuery(new URLSearchParams(searchKey));
  const { feeds } = useFeeds();
  const [data, setData] = useState<Page<QualityItem>>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [changes, setChanges] = useState(0);
  const [resolving, setResolving] = useState<QualityItem>();
  const dialogKey = useOpenKey(resolving !== undefined);
  const mayResolve = (i: QualityItem) =>
    !i.resolvedAt && (user.role === 'department' ? i.department === user.department : can(user, 'registry.write'));
  const resolver = user.role === 'department' || can(user, 'registry.write');

  useEffect(() => {
    let live = true;
    void changes;
    setLoading(true);
    setError(undefined);
    screeningApi
      .quality(toApiQuery(readQualityQuery(new URLSearchParams(searchKey))))
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [searchKey, changes]);

  const go = (q: QualityQuery) => navigate(qualityListUrl(q));

  const columns: ResponsiveColumns<QualityItem> = [
    {
      title: '部门 / 数据类型',
      mobile: 'title',
      key: 'department',
      width: 180,
      render: (_, i) => (
        <div>
          <div>{departmentName(feeds, i.department)}</div>
          <small className="sx-muted">{recordKindName(feeds, i.department, i.recordKind)}</small>
        </div>
      ),
    },
    { title: '期别', dataIndex: 'period', width: 90 },
    {
      title: '文件行号',
      dataIndex: 'rowNumber',
      width: 110,
      align: 'right',
      render: (v: number, i) => (i.sheetName ? `${i.sheetName} 第${v}行` : v),
    },
    { title: '姓名', mobile: true, dataIndex: 'name', width: 100, render: (v: string | null) => v ?? '—' },
    {
      title: '身份证号',
      dataIndex: 'idNumberMasked',
      width: 190,
      render: (v: string | null) => <span className="sx-id-number">{v ?? '—'}</span>,
    },
    { title: '区划', dataIndex: 'regionCode', width: 130, render: (v: string) => <RegionName code={v} /> },
    { title: '原因', mobile: true, dataIndex: 'reason', width: 260, ellipsis: true },
    { title: '发现时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '状态',
      mobile: true,
      dataIndex: 'resolvedAt',
      key: 'status',
      width: 90,
      render: (v: string | null) => (v ? <Tag color="green">已解决</Tag> : <Tag color="orange">未解决</Tag>),
    },
    ...(query.open
      ? []
      : [
          {
            title: '处理时间',
            dataIndex: 'resolvedAt',
            key: 'resolvedAt',
            width: 170,
            render: (v: string | null) => (v ? formatDateTime(v) : '—'),
          },
          { title: '处理人', dataIndex: 'resolvedBy', width: 130, render: (v: string | null) => v ?? '—' },
          { title: '处理情况', dataIndex: 'resolution', width: 240, render: (v: string | null) => v ?? '—' },
        ]),
    ...(resolver
      ? [
          {
            title: '操作',
            key: 'op',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, i: QualityItem) =>
              mayResolve(i) ? (
                <Button type="link" size="small" onClick={() => setResolving(i)}>
                  处理
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHead title="数据质量问题">
        <span className="sx-muted">
          部门数据命中筛查规则，但按身份证号在基础数据库中找不到此人：请核实后补录人员或请部门更正数据，处理后登记处理情况
        </span>
      </PageHead>
      <Card>
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          <span>
            区划：
            <RegionSelect
              rootCode={user.regionCode}
              allowClear
              placeholder="全部区划"
              value={query.region}
              onChange={(region) => go({ ...query, region, page: 1 })}
            />
          </span>
          {user.role !== 'department' && (
            <span>
              部门：
              <Select
                allowClear
                placeholder="全部部门"
                style={{ width: 200 }}
                value={query.department}
                options={departmentOptions(feeds)}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(department) => go({ ...query, department, page: 1 })}
              />
            </span>
          )}
          <span>
            <Switch
              checked={query.open === true}
              onChange={(open) => go({ ...query, open, page: 1 })}
              aria-label="只看未解决"
            />{' '}
            只看未解决
          </span>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ResponsiveTable<QualityItem>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: query.open ? 1400 : 1900 }}
          data-testid="quality-items"
          pagination={{
            current: data?.page ?? 1,
            pageSize: data?.pageSize ?? 20,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => `共 ${total} 条`,
            onChange: (page, pageSize) => go({ ...query, page, pageSize }),
          }}
          columns={columns}
        />
      </Card>
      <ResolveQualityModal
        key={`resolve-${dialogKey}`}
        item={resolving}
        onClose={() => setResolving(undefined)}
        onResolved={() => {
          setResolving(undefined);
          setChanges((c) => c + 1);
        }}
      />
    </>
  );
}
