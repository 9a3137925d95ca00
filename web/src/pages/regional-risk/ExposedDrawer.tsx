import { Alert, Drawer } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type ExposedHousehold, type RegionalEvent, regionalRiskApi } from '../../api/regional-risk';
import type { Page } from '../../api/types';
import { MonitoringStatusTag } from '../../components/HouseholdTags';
import { RegionName } from '../../components/RegionName';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { Link } from '../../router/Link';

/** The households found exposed to one event, with why (SPEC §11); each got a clue in the ledger. */
export function ExposedDrawer({ event, onClose }: { event: RegionalEvent | undefined; onClose: () => void }) {
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [data, setData] = useState<Page<ExposedHousehold>>();
  const [error, setError] = useState<string>();
  const id = event?.id;

  useEffect(() => {
    if (!id) return;
    let live = true;
    setData(undefined);
    setError(undefined);
    regionalRiskApi.households(id, page.page, page.pageSize).then(
      (d) => live && setData(d),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [id, page]);

  return (
    <Drawer
      title={event ? `受影响农户：${event.title}` : ''}
      open={event !== undefined}
      onClose={() => {
        setPage({ page: 1, pageSize: 50 });
        onClose();
      }}
      size={900}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <ResponsiveTable<ExposedHousehold>
        rowKey="id"
        size="small"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        data-testid="exposed-households"
        pagination={{
          current: data?.page ?? page.page,
          pageSize: data?.pageSize ?? page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [50, 100, 200],
          showTotal: (total) => `共 ${total} 户`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          {
            title: '户编号',
            dataIndex: 'code',
            width: 160,
            render: (v: string, h) => <Link to={`/households/${h.id}`}>{v}</Link>,
          },
          { title: '村', dataIndex: 'regionCode', width: 130, render: (v: string) => <RegionName code={v} /> },
          { title: '住址', dataIndex: 'address', width: 160, ellipsis: true },
          {
            title: '监测状态',
            dataIndex: 'monitoringStatus',
            width: 110,
            render: (v: string) => <MonitoringStatusTag status={v} />,
          },
          { title: '纳入原因', dataIndex: 'reason' },
        ]}
      />
    </Drawer>
  );
}
