import { Alert, Card, Select, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type QualityItem, type QualityQuery, screeningApi } from '../../api/screening';
import type { Page } from '../../api/types';
import { useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { RegionName } from '../../components/RegionName';
import { formatDateTime } from '../../domain/format';
import { navigate, useLocation } from '../../router/history';
import { RegionSelect } from '../feeds/RegionSelect';
import { departmentName, departmentOptions, recordKindName, useFeeds } from '../feeds/use-feeds';
import { qualityListUrl, readQualityQuery, toApiQuery } from './quality-query';

/**
 * 数据质量问题 (SPEC §10): department records that hit a screening rule on a person the registry does not hold (by
 * ID number). They are not lost: each waits here until the person is registered or the department corrects its
 * data; the next screening run then resolves it. A department officer sees only their own department's items.
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

  useEffect(() => {
    let live = true;
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
  }, [searchKey]);

  const go = (q: QualityQuery) => navigate(qualityListUrl(q));

  return (
    <>
      <PageHead title="数据质量问题">
        <span className="sx-muted">
          部门数据命中筛查规则，但按身份证号在基础数据库中找不到此人：请核实后补录人员或请部门更正数据
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
        <Table<QualityItem>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 1300 }}
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
          columns={[
            {
              title: '部门 / 数据类型',
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
            { title: '文件行号', dataIndex: 'rowNumber', width: 90, align: 'right' },
            { title: '姓名', dataIndex: 'name', width: 100, render: (v: string | null) => v ?? '—' },
            {
              title: '身份证号',
              dataIndex: 'idNumberMasked',
              width: 190,
              render: (v: string | null) => <span className="sx-id-number">{v ?? '—'}</span>,
            },
            { title: '区划', dataIndex: 'regionCode', width: 130, render: (v: string) => <RegionName code={v} /> },
            { title: '原因', dataIndex: 'reason' },
            {
              title: '状态',
              dataIndex: 'resolvedAt',
              width: 90,
              render: (v: string | null) => (v ? <Tag color="green">已解决</Tag> : <Tag color="orange">未解决</Tag>),
            },
            { title: '发现时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
    </>
  );
}
