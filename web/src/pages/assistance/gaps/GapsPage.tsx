import { Alert, Card, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { assistanceApi, type Gaps, type Rates } from '../../../api/assistance';
import { errorMessage, toQueryString } from '../../../api/client';
import { useUser } from '../../../app/auth';
import { ExportButton } from '../../../components/ExportButton';
import { PageHead } from '../../../components/PageHead';
import { RegionTree } from '../../../components/RegionTree';
import { navigate, useLocation } from '../../../router/history';
import { UnansweredRisksTable, WithoutResponsibleTable } from './GapTables';
import { RatesTable } from './RatesTable';

/**
 * 帮扶缺口 (SPEC §9, §16 red): per region, the monitored households past the deadline without a 帮扶责任人 and those
 * with a risk no measure answers, and the shares with measures, a responsible person and a backstop one level down
 * (SPEC §12: 户 and 人).
 */
export default function GapsPage() {
  const user = useUser();
  const { search } = useLocation();
  const region = search.get('region') || undefined;
  const [gaps, setGaps] = useState<Gaps>();
  const [rates, setRates] = useState<Rates>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    Promise.all([assistanceApi.gaps(region), assistanceApi.rates(region)])
      .then(([g, r]) => {
        if (!live) return;
        setGaps(g);
        setRates(r);
      })
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [region]);

  const go = (r: string | undefined) => navigate(`/assistance/gaps${toQueryString({ region: r })}`);
  return (
    <>
      <PageHead title="帮扶缺口" extra={<ExportButton ledger="gaps" filters={{ region }} testId="gaps-export" />}>
        <span className="sx-muted">
          逾期未指定帮扶责任人、风险未落实帮扶措施的监测户，以及各地措施落实率、责任人指定率和兜底保障率
        </span>
      </PageHead>
      <div className="sx-split">
        <Card className="sx-split-side" title="行政区划" size="small">
          <RegionTree rootCode={user.regionCode} selected={region} onSelect={go} />
        </Card>
        <div className="sx-split-main">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Card size="small" title="帮扶覆盖率" style={{ marginBottom: 16 }}>
            <RatesTable rates={rates} loading={loading} onDrill={go} />
          </Card>
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'unanswered',
                  label: `风险未落实措施（${gaps?.unansweredRisks.count ?? '…'}）`,
                  children: <UnansweredRisksTable gaps={gaps} loading={loading} />,
                },
                {
                  key: 'responsible',
                  label: `逾期未指定帮扶责任人（${gaps?.withoutResponsible.count ?? '…'}）`,
                  children: <WithoutResponsibleTable gaps={gaps} loading={loading} />,
                },
              ]}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
