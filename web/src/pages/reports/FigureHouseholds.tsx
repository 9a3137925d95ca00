import { Alert, Drawer, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type FigureHousehold, reportsApi } from '../../api/reports';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { CATEGORY, label, MONITORING_STATUS, RISK_TYPE } from '../../domain/labels';
import { Link } from '../../router/Link';

export interface FigureRef {
  figure: string;
  title: string;
  period: string;
  region?: string;
}

/** The households behind a figure (SPEC §12 drill-down), a page at a time; each opens its household file. */
export function FigureHouseholdsDrawer({ target, onClose }: { target: FigureRef | undefined; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: FigureHousehold[]; total: number; persons: number }>();
  const [error, setError] = useState<string>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: another figure starts at its first page
  useEffect(() => setPage(1), [target]);
  useEffect(() => {
    if (!target) return;
    let live = true;
    setData(undefined);
    setError(undefined);
    reportsApi
      .households({ region: target.region, period: target.period, figure: target.figure, page, pageSize: 20 })
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [target, page]);
  return (
    <Drawer open={Boolean(target)} onClose={onClose} title={target?.title} size={720} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <Typography.Paragraph data-testid="figure-households-total">
          共{data.total}户{data.persons}人
        </Typography.Paragraph>
      )}
      <ResponsiveTable<FigureHousehold>
        rowKey="id"
        size="small"
        loading={!data && !error}
        dataSource={data?.items}
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '户编号', dataIndex: 'code', render: (v: string, h) => <Link to={`/households/${h.id}`}>{v}</Link> },
          { title: '户主', dataIndex: 'headName' },
          { title: '村', dataIndex: 'villageName' },
          { title: '人数', dataIndex: 'persons' },
          { title: '状态', dataIndex: 'monitoringStatus', render: (v: string) => label(MONITORING_STATUS, v) },
          { title: '类别', dataIndex: 'category', render: (v: string | null) => label(CATEGORY, v) },
          {
            title: '风险类型',
            dataIndex: 'riskTypes',
            render: (v: string[]) => v.map((r) => <Tag key={r}>{label(RISK_TYPE, r)}</Tag>),
          },
        ]}
      />
    </Drawer>
  );
}
