import { Button, Tag } from 'antd';
import type { Clue, CluePage } from '../../api/clues';
import { RegionName } from '../../components/RegionName';
import { type ResponsiveColumns, ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDate } from '../../domain/format';
import { label, RISK_TYPE } from '../../domain/labels';
import { CLUE_CHANNEL, CLUE_RESULT, CLUE_SOURCE_KIND } from '../../domain/procedure-labels';
import { Link } from '../../router/Link';
import { ClueColourTag, ClueStatusTag } from './ClueTags';

function columns(today: string, canOpenHousehold: boolean, onOpen: (c: Clue) => void): ResponsiveColumns<Clue> {
  return [
    { title: '三色', key: 'colour', width: 70, render: (_, c) => <ClueColourTag clue={c} today={today} /> },
    {
      title: '状态',
      mobile: true,
      key: 'status',
      width: 150,
      render: (_, c) => <ClueStatusTag clue={c} today={today} />,
    },
    {
      title: '渠道 / 来源',
      key: 'channel',
      width: 150,
      render: (_, c) => (
        <div>
          <div>{label(CLUE_CHANNEL, c.channel)}</div>
          <small className="sx-muted">{label(CLUE_SOURCE_KIND, c.sourceKind)}</small>
        </div>
      ),
    },
    {
      title: '农户',
      mobile: 'title',
      key: 'household',
      width: 160,
      render: (_, c) =>
        c.householdId && c.householdCode ? (
          canOpenHousehold ? (
            <Link to={`/households/${c.householdId}`}>{c.householdCode}</Link>
          ) : (
            c.householdCode
          )
        ) : (
          <Tag>未关联农户</Tag>
        ),
    },
    { title: '区划', dataIndex: 'regionCode', width: 150, render: (v: string) => <RegionName code={v} /> },
    { title: '发现情况', mobile: true, dataIndex: 'finding', ellipsis: true },
    {
      title: '风险类型',
      dataIndex: 'riskTypes',
      width: 120,
      render: (v: string[]) => (v.length ? v.map((r) => label(RISK_TYPE, r)).join('、') : '—'),
    },
    { title: '收到日期', dataIndex: 'receivedOn', width: 110, render: (v: string) => formatDate(v) },
    { title: '办结时限', mobile: true, dataIndex: 'dueOn', width: 110, render: (v: string) => formatDate(v) },
    {
      title: '核实人 / 结果',
      key: 'assignee',
      width: 150,
      render: (_, c) => (c.result ? label(CLUE_RESULT, c.result) : (c.assigneeName ?? '未分派')),
    },
    {
      title: '操作',
      key: 'op',
      width: 80,
      fixed: 'right',
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => onOpen(c)}>
          {c.status === 'closed' ? '查看' : '办理'}
        </Button>
      ),
    },
  ];
}

/** One page of the ledger; paging is done by the server (ordered by due date). */
export function ClueTable({
  data,
  loading,
  canOpenHousehold,
  onOpen,
  onPage,
}: {
  data: CluePage | undefined;
  loading: boolean;
  canOpenHousehold: boolean;
  onOpen: (c: Clue) => void;
  onPage: (page: number, pageSize: number) => void;
}) {
  const today = data?.today ?? '';
  return (
    <ResponsiveTable<Clue>
      rowKey="id"
      size="middle"
      columns={columns(today, canOpenHousehold, onOpen)}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 1400 }}
      onRow={(c) => ({ onDoubleClick: () => onOpen(c) })}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => `共 ${total} 条线索`,
        onChange: onPage,
      }}
    />
  );
}
