import { Alert, Tag } from 'antd';
import type { Gaps } from '../../../api/assistance';
import { RegionName } from '../../../components/RegionName';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { label, RISK_TYPE } from '../../../domain/labels';
import { Link } from '../../../router/Link';

type Unanswered = Gaps['unansweredRisks']['items'][number];
type WithoutResponsible = Gaps['withoutResponsible']['items'][number];

/** The columns every gap list starts with: the household (linking to its 帮扶 tab), its head and its village. */
function householdColumns<T extends { householdId: string }>() {
  return [
    {
      title: '户编号',
      dataIndex: 'householdCode',
      width: 170,
      render: (v: string, h: T) => <Link to={`/households/${h.householdId}?tab=assistance`}>{v}</Link>,
    },
    { title: '户主', dataIndex: 'headName', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '所属村', dataIndex: 'regionCode', render: (v: string) => <RegionName code={v} /> },
  ];
}

const truncatedNote = (n: number) => (
  <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`只列出前 ${n} 户，请选择下级区划查看其余农户`} />
);

/** Monitored households with a risk type no planned, running or completed measure answers (SPEC §16 red). */
export function UnansweredRisksTable({ gaps, loading }: { gaps: Gaps | undefined; loading: boolean }) {
  return (
    <>
      {gaps?.unansweredRisks.truncated && truncatedNote(gaps.unansweredRisks.count)}
      <ResponsiveTable<Unanswered>
        size="small"
        rowKey="householdId"
        loading={loading}
        dataSource={gaps?.unansweredRisks.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 户` }}
        locale={{ emptyText: '所有监测户的风险均已落实帮扶措施' }}
        data-testid="gap-unanswered-risks"
        columns={[
          ...householdColumns<Unanswered>(),
          {
            title: '风险类型',
            dataIndex: 'riskTypes',
            width: 180,
            render: (v: string[]) => v.map((r) => label(RISK_TYPE, r)).join('、'),
          },
          {
            title: '未落实措施的风险',
            dataIndex: 'gaps',
            width: 200,
            render: (v: string[]) =>
              v.map((r) => (
                <Tag key={r} color="red">
                  {label(RISK_TYPE, r)}
                </Tag>
              )),
          },
        ]}
      />
    </>
  );
}

/** Monitored households past their deadline without a 帮扶责任人 (SPEC §9: assigned promptly). */
export function WithoutResponsibleTable({ gaps, loading }: { gaps: Gaps | undefined; loading: boolean }) {
  return (
    <>
      {gaps?.withoutResponsible.truncated && truncatedNote(gaps.withoutResponsible.count)}
      <ResponsiveTable<WithoutResponsible>
        size="small"
        rowKey="householdId"
        loading={loading}
        dataSource={gaps?.withoutResponsible.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 户` }}
        locale={{ emptyText: '没有逾期未指定帮扶责任人的监测户' }}
        data-testid="gap-without-responsible"
        columns={[
          ...householdColumns<WithoutResponsible>(),
          { title: '纳入日期', dataIndex: 'includedOn', width: 110 },
          { title: '应指定日期', dataIndex: 'dueOn', width: 110 },
          {
            title: '逾期',
            dataIndex: 'daysOverdue',
            width: 90,
            align: 'right',
            render: (v: number) => <Tag color="red">{v} 天</Tag>,
          },
        ]}
      />
    </>
  );
}
