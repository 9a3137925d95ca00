import { Tag } from 'antd';
import type { HouseholdPage, HouseholdRow } from '../../api/types';
import { MonitoringStatusTag, RiskColourTag } from '../../components/HouseholdTags';
import { type ResponsiveColumns, ResponsiveTable } from '../../components/ResponsiveTable';
import { useRiskColours } from '../../components/use-risk-colours';
import { householdsAndPersons } from '../../domain/format';
import { label, RISK_TYPE } from '../../domain/labels';
import type { RiskColourInfo } from '../../domain/risk-colour';
import { Link } from '../../router/Link';

const columns = (colours: Record<string, RiskColourInfo> | undefined): ResponsiveColumns<HouseholdRow> => [
  { title: '三色', mobile: true, key: 'colour', width: 72, render: (_, h) => <RiskColourTag info={colours?.[h.id]} /> },
  {
    title: '户编号',
    mobile: 'title',
    dataIndex: 'code',
    width: 150,
    render: (code: string, h) => <Link to={`/households/${h.id}`}>{code}</Link>,
  },
  { title: '户主', mobile: true, dataIndex: 'headName', width: 90, render: (v: string | null) => v ?? '—' },
  {
    title: '户主身份证号',
    dataIndex: 'headIdNumber',
    width: 190,
    render: (v: string | null) => <span className="sx-id-number">{v ?? '—'}</span>,
  },
  { title: '人数', dataIndex: 'memberCount', width: 64, align: 'right' },
  { title: '住址', dataIndex: 'address', width: 180, ellipsis: true },
  {
    title: '脱贫户',
    dataIndex: 'liftedOut',
    width: 72,
    render: (v: boolean) => (v ? <Tag color="blue">是</Tag> : '否'),
  },
  {
    title: '监测状态',
    mobile: true,
    key: 'status',
    width: 200,
    render: (_, h) => <MonitoringStatusTag status={h.monitoringStatus} category={h.category} />,
  },
  {
    title: '风险类型',
    dataIndex: 'riskTypes',
    width: 140,
    render: (v: string[]) => (v.length ? v.map((r) => label(RISK_TYPE, r)).join('、') : '—'),
  },
  {
    title: '操作',
    key: 'op',
    width: 72,
    fixed: 'right',
    render: (_, h) => <Link to={`/households/${h.id}`}>查看档案</Link>,
  },
];

/** Persons over the whole filtered set: from the server, or exact from the rows when they all fit on this page. */
function personsOf(data: HouseholdPage | undefined): number | undefined {
  if (!data) return undefined;
  if (typeof data.persons === 'number') return data.persons;
  return data.total <= data.items.length ? data.items.reduce((s, h) => s + h.memberCount, 0) : undefined;
}

/** One page of households; paging is done by the server. */
export function HouseholdTable({
  data,
  loading,
  onPage,
}: {
  data: HouseholdPage | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}) {
  const colours = useRiskColours((data?.items ?? []).map((h) => h.id));
  return (
    <ResponsiveTable<HouseholdRow>
      rowKey="id"
      size="middle"
      columns={columns(colours)}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 1300 }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => `共 ${householdsAndPersons(total, personsOf(data))}`,
        onChange: onPage,
      }}
    />
  );
}
