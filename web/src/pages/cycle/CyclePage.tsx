import { Alert, Card, DatePicker, Skeleton, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type CycleReport, proceduresApi } from '../../api/procedures';
import { useUser } from '../../app/auth';
import { CalendarAlert } from '../../components/CalendarAlert';
import { PageHead } from '../../components/PageHead';
import { RegionName } from '../../components/RegionName';
import { RegionTree } from '../../components/RegionTree';
import { navigate, useLocation } from '../../router/history';
import { CycleSteps } from './CycleSteps';
import { LateItems } from './LateItems';

const thisMonth = () => dayjs().format('YYYY-MM');

/**
 * 月度调度 (SPEC §8.2): the month's routine round — eight deadlines from the template in force, or why the month is
 * skipped (a concentrated screening) — and what is late at each level.
 */
export default function CyclePage() {
  const user = useUser();
  const { search } = useLocation();
  const month = /^\d{4}-\d{2}$/.test(search.get('month') ?? '') ? (search.get('month') as string) : thisMonth();
  const region = search.get('region') || undefined;
  const [report, setReport] = useState<CycleReport>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setReport(undefined);
    setError(undefined);
    proceduresApi
      .cycle(month, region)
      .then((r) => live && setReport(r))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [month, region]);

  const go = (m: string, r: string | undefined) => navigate(`/cycle?month=${m}${r ? `&region=${r}` : ''}`);
  const cycle = report?.cycle;
  return (
    <>
      <PageHead
        title="月度调度"
        extra={
          <Space>
            月份：
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(d) => d && go(d.format('YYYY-MM'), region)}
            />
          </Space>
        }
      >
        <span className="sx-muted">
          常态化监测每月一轮：
          <RegionName code={region ?? user.regionCode} /> {month} 各步骤时间节点与逾期事项
        </span>
      </PageHead>
      <div className="sx-split">
        {user.regionCode.length < 12 && (
          <Card className="sx-split-side" title="行政区划" size="small">
            <RegionTree rootCode={user.regionCode} selected={region} onSelect={(r) => go(month, r)} />
          </Card>
        )}
        <div className="sx-split-main">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          {!report && !error && <Skeleton active />}
          {report?.calendarAlert && <CalendarAlert alert={report.calendarAlert} />}
          {cycle?.skipped && (
            <Alert
              type="info"
              showIcon
              title="本月不开展常态化监测"
              description={cycle.message}
              data-testid="cycle-skipped"
            />
          )}
          {cycle && !cycle.skipped && (
            <>
              <Card
                title="本月时间节点"
                size="small"
                style={{ marginBottom: 16 }}
                extra={<Tag data-template={cycle.templateCode}>{`程序模板第${cycle.templateVersion}版`}</Tag>}
                data-testid="cycle-steps"
              >
                {cycle.uncertain && (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={`尚未导入${cycle.missingYears.join('、')}年节假日安排，部分日期为估算`}
                  />
                )}
                <CycleSteps steps={cycle.steps} />
              </Card>
              <Card title={`逾期事项（${report?.late.length ?? 0}）`} size="small">
                <LateItems items={report?.late ?? []} mine={report?.visibleToYou ?? []} />
              </Card>
            </>
          )}
        </div>
      </div>
    </>
  );
}
