import { Tag } from 'antd';
import type { CaseRow } from '../../api/cases';
import type { Page } from '../../api/types';
import { type ResponsiveColumns, ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDate } from '../../domain/format';
import { CATEGORY, label } from '../../domain/labels';
import { CASE_KIND, CASE_STATUS, LEVEL } from '../../domain/procedure-labels';
import { chinaToday, levelColour } from '../../domain/procedure-levels';
import { Link } from '../../router/Link';

/** One page of procedures; paging by the server, ordered by the current step's due date. */
export function CaseTable({
  data,
  page,
  pageSize,
  loading,
  stepName,
  onPage,
}: {
  data: Pick<Page<CaseRow>, 'items' | 'total'> | undefined;
  page: number;
  pageSize: number;
  loading: boolean;
  stepName: (templateCode: string, stepCode: string | null) => string;
  onPage: (page: number, pageSize: number) => void;
}) {
  const today = chinaToday();
  const columns: ResponsiveColumns<CaseRow> = [
    {
      title: '农户',
      mobile: 'title',
      key: 'household',
      width: 190,
      render: (_, r) => (
        <div>
          <Link to={`/households/${r.householdId}`}>{r.householdCode}</Link>
          <div className="sx-muted">户主：{r.headName ?? '—'}</div>
        </div>
      ),
    },
    {
      title: '程序',
      dataIndex: 'kind',
      width: 100,
      render: (v: string) => <Tag color={v === 'inclusion' ? 'orange' : 'cyan'}>{label(CASE_KIND, v)}</Tag>,
    },
    {
      title: '当前步骤',
      mobile: true,
      key: 'step',
      render: (_, r) =>
        r.outcome ? (
          '—'
        ) : (
          <span>
            {r.currentLevel && <Tag color={levelColour[r.currentLevel]}>{label(LEVEL, r.currentLevel)}</Tag>}
            {stepName(r.templateCode, r.currentStep)}
          </span>
        ),
    },
    {
      title: '办理时限',
      mobile: true,
      dataIndex: 'currentDue',
      width: 150,
      render: (v: string | null, r) =>
        r.outcome || !v ? (
          '—'
        ) : (
          <span className={v < today ? 'sx-late' : undefined}>
            {formatDate(v)}
            {v < today && <Tag color="red">逾期</Tag>}
            {r.dueEstimated && <Tag color="warning">估算</Tag>}
          </span>
        ),
    },
    { title: '状态', mobile: true, dataIndex: 'status', width: 110, render: (v: string) => label(CASE_STATUS, v) },
    { title: '类别', dataIndex: 'category', width: 130, render: (v: string | null) => label(CATEGORY, v) },
    { title: '启动日期', dataIndex: 'startedOn', width: 110, render: (v: string) => formatDate(v) },
    {
      title: '操作',
      key: 'op',
      width: 80,
      fixed: 'right',
      render: (_, r) => <Link to={`/cases/${r.id}`}>{r.outcome ? '查看' : '办理'}</Link>,
    },
  ];
  return (
    <ResponsiveTable<CaseRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 1100 }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => `共 ${total} 件`,
        onChange: onPage,
      }}
    />
  );
}
