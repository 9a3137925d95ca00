import { Button, Progress, type TableProps } from 'antd';
import type { RateRow, Rates } from '../../../api/assistance';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { householdsAndPersons } from '../../../domain/format';

/** `n户m人` and the share of monitored households, as a bar. */
function Share({ n, persons, rate }: { n: number; persons: number; rate: number | null }) {
  return (
    <div style={{ minWidth: 140 }}>
      <div>{householdsAndPersons(n, persons)}</div>
      {rate !== null && <Progress percent={rate} size="small" format={(p) => `${p}%`} />}
    </div>
  );
}

/**
 * Shares of monitored households with a measure, a responsible person and a backstop, per region one level down with
 * the total (SPEC §9, §12). A region's name opens the same view for it.
 */
export function RatesTable({
  rates,
  loading,
  onDrill,
}: {
  rates: Rates | undefined;
  loading: boolean;
  onDrill: (region: string) => void;
}) {
  const leaf = rates ? rates.region.length >= 12 : true;
  const columns: TableProps<RateRow>['columns'] = [
    {
      title: '区划',
      key: 'region',
      width: 160,
      render: (_, r) =>
        r.regionCode === rates?.region ? (
          <strong>合计</strong>
        ) : leaf ? (
          (r.regionName ?? r.regionCode)
        ) : (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(r.regionCode)}>
            {r.regionName ?? r.regionCode}
          </Button>
        ),
    },
    {
      title: '监测户',
      key: 'households',
      width: 120,
      render: (_, r) => householdsAndPersons(r.households, r.persons),
    },
    {
      title: '已落实帮扶措施',
      key: 'measures',
      render: (_, r) => <Share n={r.withMeasures} persons={r.withMeasuresPersons} rate={r.measuresRate} />,
    },
    {
      title: '无帮扶措施',
      key: 'noMeasures',
      width: 110,
      render: (_, r) => `${r.households - r.withMeasures}户`,
    },
    {
      title: '已指定帮扶责任人',
      key: 'responsible',
      render: (_, r) => <Share n={r.withResponsible} persons={r.withResponsiblePersons} rate={r.responsibleRate} />,
    },
    {
      title: '未指定责任人',
      key: 'noResponsible',
      width: 110,
      render: (_, r) => `${r.households - r.withResponsible}户`,
    },
    {
      title: '兜底保障',
      key: 'backstop',
      render: (_, r) => <Share n={r.withBackstop} persons={r.withBackstopPersons} rate={r.backstopRate} />,
    },
  ];
  // A village has no level below it: its one row is the total.
  const rows = rates ? [...(leaf ? [] : rates.regions), rates.total] : [];
  return (
    <ResponsiveTable<RateRow>
      size="small"
      rowKey="regionCode"
      loading={loading}
      dataSource={rates && rates.total.households > 0 ? rows : []}
      columns={columns}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: '本区划暂无监测户' }}
      data-testid="assistance-rates"
    />
  );
}
