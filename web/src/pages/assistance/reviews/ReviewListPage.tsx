import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, InputNumber, Space } from 'antd';
import { useEffect, useState } from 'react';
import { assistanceApi, type ReviewRound } from '../../../api/assistance';
import { errorMessage, toQueryString } from '../../../api/client';
import { useUser } from '../../../app/auth';
import { PageHead } from '../../../components/PageHead';
import { RegionName } from '../../../components/RegionName';
import { RegionTree } from '../../../components/RegionTree';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { can } from '../../../domain/permissions';
import { useOpenKey } from '../../../forms/use-open-key';
import { navigate, useLocation } from '../../../router/history';
import { Link } from '../../../router/Link';
import { NewReviewModal } from './NewReviewModal';

/**
 * 帮扶成效评议 (SPEC §9): at least once a year each village reviews every monitored household at a meeting; the
 * outcome of each feeds risk elimination (SPEC §8.3). The rounds of the user's region, by village and year.
 */
export default function ReviewListPage() {
  const user = useUser();
  const { search } = useLocation();
  // `village` filters by any region: a township's rounds are those of its villages.
  const village = search.get('village') || undefined;
  const year = Number(search.get('year')) || undefined;
  const [items, setItems] = useState<ReviewRound[]>();
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const dialogKey = useOpenKey(starting);

  useEffect(() => {
    let live = true;
    setItems(undefined);
    setError(undefined);
    assistanceApi
      .reviews({ village, year })
      .then((r) => live && setItems(r.items))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [village, year]);

  const go = (q: { village?: string; year?: number }) => navigate(`/assistance/reviews${toQueryString(q)}`);
  return (
    <>
      <PageHead
        title="帮扶成效评议"
        extra={
          can(user, 'registry.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)}>
              开展评议
            </Button>
          )
        }
      >
        <span className="sx-muted">
          每年至少一次，以村为单位召开评议会，逐户评议帮扶措施是否精准有效、风险点是否消除、收入是否稳定
        </span>
      </PageHead>
      <div className="sx-split">
        <Card className="sx-split-side" title="行政区划" size="small">
          <RegionTree rootCode={user.regionCode} selected={village} onSelect={(v) => go({ village: v, year })} />
        </Card>
        <Card className="sx-split-main">
          <Space wrap size="large" style={{ marginBottom: 16 }}>
            <span>
              年度：
              <InputNumber
                min={2020}
                max={2100}
                precision={0}
                value={year}
                placeholder="全部"
                onChange={(y) => go({ village, year: y ?? undefined })}
              />
            </span>
          </Space>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <ResponsiveTable<ReviewRound>
            size="middle"
            rowKey="id"
            loading={!items && !error}
            dataSource={items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '尚未开展成效评议' }}
            data-testid="review-rounds"
            columns={[
              { title: '年度', mobile: true, dataIndex: 'year', width: 80 },
              {
                title: '村',
                mobile: 'title',
                dataIndex: 'villageCode',
                render: (v: string) => <RegionName code={v} />,
              },
              { title: '评议会日期', mobile: true, dataIndex: 'meetingDate', width: 120 },
              { title: '参会人数', dataIndex: 'attendees', width: 90, render: (v: string[]) => `${v.length}人` },
              {
                title: '已评议',
                mobile: true,
                dataIndex: 'householdCount',
                width: 90,
                render: (v: number | undefined) => `${v ?? 0}户`,
              },
              { title: '记录人', dataIndex: 'createdBy', width: 100 },
              {
                title: '操作',
                key: 'op',
                width: 90,
                render: (_, r) => <Link to={`/assistance/reviews/${r.id}`}>逐户评议</Link>,
              },
            ]}
          />
        </Card>
      </div>
      <NewReviewModal
        key={`new-${dialogKey}`}
        open={starting}
        rootCode={user.regionCode}
        onClose={() => setStarting(false)}
        onStarted={(id) => {
          setStarting(false);
          navigate(`/assistance/reviews/${id}`);
        }}
      />
    </>
  );
}
