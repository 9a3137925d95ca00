import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type RegionalEvent, regionalRiskApi } from '../../api/regional-risk';
import { useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDate, formatDateTime } from '../../domain/format';
import { label, REGIONAL_EVENT_TYPE, RISK_TYPE } from '../../domain/labels';
import { useOpenKey } from '../../forms/use-open-key';
import { doesCountyWork } from '../feeds/feed-access';
import { AnomaliesCard } from './AnomaliesCard';
import { ExposedDrawer } from './ExposedDrawer';
import { RecordEventModal } from './RecordEventModal';

/**
 * 区域性、规模性返贫风险 (SPEC §11): events the county records for a region (disasters, epidemics, price falls,
 * unemployment, failed projects, relocation sites), the households exposed to each, and the regions whose clue or
 * inclusion figures rise above their usual level.
 */
export default function RegionalRiskPage() {
  const user = useUser();
  const { message } = App.useApp();
  const [events, setEvents] = useState<RegionalEvent[]>();
  const [error, setError] = useState<string>();
  const [changes, setChanges] = useState(0);
  const [adding, setAdding] = useState(false);
  const dialogKey = useOpenKey(adding);
  const [viewing, setViewing] = useState<RegionalEvent>();

  useEffect(() => {
    let live = true;
    void changes;
    regionalRiskApi.list().then(
      (e) => live && setEvents(e),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [changes]);

  return (
    <>
      <PageHead
        title="区域性风险"
        extra={
          doesCountyWork(user) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              登记风险事件
            </Button>
          )
        }
      >
        <Typography.Text type="secondary">
          登记自然灾害、疫情、农产品价格大幅下跌、失业增加、产业项目失败、安置点风险等区域性事件，自动找出受影响农户并生成线索。
        </Typography.Text>
      </PageHead>
      <Card title="风险事件">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ResponsiveTable<RegionalEvent>
          rowKey="id"
          size="middle"
          loading={!events && !error}
          dataSource={events ?? []}
          scroll={{ x: 1300 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '尚未登记区域性风险事件' }}
          data-testid="regional-events"
          columns={[
            { title: '登记时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
            { title: '区划', key: 'region', width: 120, render: (_, e) => e.regionName ?? e.regionCode },
            { title: '类型', dataIndex: 'eventType', width: 150, render: (v: string) => label(REGIONAL_EVENT_TYPE, v) },
            { title: '事件', dataIndex: 'title', ellipsis: true },
            {
              title: '农产品 / 产业',
              key: 'product',
              width: 140,
              render: (_, e) => [e.product, e.industry].filter(Boolean).join(' / ') || '—',
            },
            {
              title: '起止日期',
              key: 'dates',
              width: 200,
              render: (_, e) => `${formatDate(e.startedOn)} 至 ${e.endedOn ? formatDate(e.endedOn) : '今'}`,
            },
            {
              title: '风险类型',
              dataIndex: 'riskTypes',
              width: 120,
              render: (v: string[]) => v.map((r) => label(RISK_TYPE, r)).join('、') || '—',
            },
            { title: '受影响农户', dataIndex: 'householdsExposed', width: 100, align: 'right' },
            {
              title: '线索（新 / 并入）',
              key: 'clues',
              width: 130,
              align: 'right',
              render: (_, e) => `${e.cluesCreated} / ${e.cluesMerged}`,
            },
            { title: '登记人', dataIndex: 'recordedBy', width: 90 },
            {
              title: '操作',
              key: 'op',
              width: 110,
              fixed: 'right',
              render: (_, e) => (
                <Button type="link" size="small" onClick={() => setViewing(e)}>
                  受影响农户
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <AnomaliesCard />
      <ExposedDrawer event={viewing} onClose={() => setViewing(undefined)} />
      <RecordEventModal
        key={`record-${dialogKey}`}
        open={adding}
        rootCode={user.regionCode}
        onClose={() => setAdding(false)}
        onSaved={(r) => {
          setAdding(false);
          setChanges((c) => c + 1);
          message.success(`已登记：受影响农户 ${r.householdsExposed} 户，新生成线索 ${r.cluesCreated} 条`);
        }}
      />
    </>
  );
}
