import { Space, Tag, Tooltip } from 'antd';
import { type FeedDefinition, type FeedImport, feedsApi } from '../../api/feeds';
import type { Page } from '../../api/types';
import { RegionName } from '../../components/RegionName';
import { type ResponsiveColumns, ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../domain/format';
import { FEED_IMPORT_STATUS, label } from '../../domain/labels';
import { departmentName, recordKindName } from './use-feeds';

const STATUS_COLOUR: Record<string, string> = { loading: 'processing', loaded: 'success', failed: 'error' };

function columns(feeds: FeedDefinition[] | undefined): ResponsiveColumns<FeedImport> {
  return [
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
    { title: '区划', dataIndex: 'regionCode', width: 130, render: (v: string) => <RegionName code={v} /> },
    { title: '期别', mobile: true, dataIndex: 'period', width: 90 },
    { title: '文件', dataIndex: 'fileName', ellipsis: true },
    {
      title: '状态',
      mobile: true,
      dataIndex: 'status',
      width: 90,
      render: (v: string, i) => (
        <Tooltip title={i.error ?? undefined}>
          <Tag color={STATUS_COLOUR[v]}>{label(FEED_IMPORT_STATUS, v)}</Tag>
        </Tooltip>
      ),
    },
    { title: '有效行', dataIndex: 'rowsGood', width: 80, align: 'right' },
    {
      title: '错误行',
      dataIndex: 'rowsBad',
      width: 80,
      align: 'right',
      render: (v: number) => (v > 0 ? <span style={{ color: '#dc2626' }}>{v}</span> : v),
    },
    { title: '新增', dataIndex: 'rowsNew', width: 70, align: 'right' },
    { title: '命中', dataIndex: 'hits', width: 70, align: 'right' },
    { title: '线索', dataIndex: 'clues', width: 70, align: 'right' },
    { title: '导入人', dataIndex: 'importedBy', width: 100 },
    { title: '导入时间', mobile: true, dataIndex: 'startedAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '错误报告',
      key: 'errors',
      width: 120,
      fixed: 'right',
      render: (_, i) =>
        i.rowsBad > 0 ? (
          <Space size={4}>
            <a href={feedsApi.errorsUrl(i.id, 'xlsx')}>Excel</a>
            <a href={feedsApi.errorsUrl(i.id, 'csv')}>CSV</a>
          </Space>
        ) : (
          '—'
        ),
    },
  ];
}

/** One page of imports, newest first; paging is done by the server. */
export function ImportTable({
  data,
  loading,
  feeds,
  onPage,
}: {
  data: Page<FeedImport> | undefined;
  loading: boolean;
  feeds: FeedDefinition[] | undefined;
  onPage: (page: number, pageSize: number) => void;
}) {
  return (
    <ResponsiveTable<FeedImport>
      rowKey="id"
      size="middle"
      columns={columns(feeds)}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 1400 }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => `共 ${total} 次导入`,
        onChange: onPage,
      }}
    />
  );
}
