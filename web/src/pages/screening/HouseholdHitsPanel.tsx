import { Alert, Card, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type HouseholdHit, screeningApi } from '../../api/screening';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../domain/format';
import { label, SCREENING_SIGNAL } from '../../domain/labels';
import { navigate, useLocation } from '../../router/history';
import { Link } from '../../router/Link';
import { signalText } from './RulesPanel';

/**
 * What the rules found for one household, including exclusion signals (不纳入情形) that raise no clue but are
 * evidence for identification (SPEC §7, §10). The household is kept in the address (`?household=`).
 */
export function HouseholdHitsPanel() {
  const { search } = useLocation();
  const householdId = search.get('household') ?? undefined;
  const [hits, setHits] = useState<HouseholdHit[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!householdId) return setHits(undefined);
    let live = true;
    setError(undefined);
    setHits(undefined);
    screeningApi.householdHits(householdId).then(
      (h) => live && setHits(h),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [householdId]);

  const pick = (id: string | undefined) =>
    navigate(`/screening?tab=hits${id ? `&household=${id}` : ''}`, { replace: true });

  return (
    <Card title="农户筛查命中" extra={householdId && <Link to={`/households/${householdId}`}>打开农户档案</Link>}>
      <div style={{ maxWidth: 520, marginBottom: 16 }}>
        <HouseholdPicker value={householdId} onChange={pick} />
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {householdId && (
        <ResponsiveTable<HouseholdHit>
          rowKey="id"
          size="middle"
          loading={!hits && !error}
          dataSource={hits ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '该户没有命中任何筛查规则' }}
          columns={[
            {
              title: '规则',
              key: 'rule',
              width: 200,
              render: (_, h) => (
                <div>
                  <div>{h.ruleName}</div>
                  <small className="sx-muted">{h.ruleCode}</small>
                </div>
              ),
            },
            {
              title: '信号',
              key: 'signal',
              width: 180,
              render: (_, h) => (
                <span>
                  <Tag>{label(SCREENING_SIGNAL, h.signal)}</Tag>
                  {signalText(h)}
                </span>
              ),
            },
            { title: '发现情况', dataIndex: 'finding' },
            {
              title: '线索',
              dataIndex: 'clueKey',
              width: 110,
              render: (v: string | null) => (v ? <Tag color="orange">已生成线索</Tag> : <Tag>仅作识别依据</Tag>),
            },
            { title: '命中时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
    </Card>
  );
}
