import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Radio, Result, Skeleton, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { assistanceApi, type ReviewOutcome, type ReviewResult, type ReviewRoundDetail } from '../../../api/assistance';
import { errorMessage } from '../../../api/client';
import { householdsApi } from '../../../api/households';
import type { HouseholdRow } from '../../../api/types';
import { useUser } from '../../../app/auth';
import type { PageProps } from '../../../app/routes';
import { PageHead } from '../../../components/PageHead';
import { RegionName } from '../../../components/RegionName';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { formatDateTime } from '../../../domain/format';
import { label, RISK_TYPE } from '../../../domain/labels';
import { can } from '../../../domain/permissions';
import { useOpenKey } from '../../../forms/use-open-key';
import { navigate } from '../../../router/history';
import { Link } from '../../../router/Link';
import { OutcomeTag } from '../AssistanceTags';
import { REVIEW_OUTCOME } from '../assistance-labels';
import { type JudgedHousehold, JudgeModal } from './JudgeModal';

/** One row: a monitored household of the village, with its result in this round once judged. */
interface Row extends JudgedHousehold {
  monitored: boolean;
  result?: ReviewResult;
}

type Filter = ReviewOutcome | 'pending' | 'all';

/** Every monitored household of the village (the list pages through the registry, 200 at a time). */
async function monitoredIn(village: string): Promise<HouseholdRow[]> {
  const out: HouseholdRow[] = [];
  for (let page = 1; ; page++) {
    const r = await householdsApi.list({ region: village, status: 'monitored', page, pageSize: 200 });
    out.push(...r.items);
    if (out.length >= r.total || r.items.length === 0) return out;
  }
}

/**
 * One 帮扶成效评议 round (SPEC §9): the meeting record and each monitored household of the village with its outcome —
 * which households start the elimination procedure (SPEC §8.3, with a link to it), which keep being assisted and why,
 * and which are tracked long-term. Households not yet judged are judged here.
 */
export default function ReviewDetailPage({ params }: PageProps) {
  const id = params.id ?? '';
  const user = useUser();
  const { message } = App.useApp();
  const [round, setRound] = useState<ReviewRoundDetail>();
  const [households, setHouseholds] = useState<HouseholdRow[]>();
  const [error, setError] = useState<string>();
  const [changes, setChanges] = useState(0);
  const [judging, setJudging] = useState<JudgedHousehold>();
  const dialogKey = useOpenKey(judging !== undefined);
  const [filter, setFilter] = useState<Filter>('all');
  const writable = can(user, 'registry.write');

  useEffect(() => {
    let live = true;
    void changes;
    assistanceApi
      .review(id)
      .then(async (r) => {
        const hs = await monitoredIn(r.villageCode);
        if (!live) return;
        setRound(r);
        setHouseholds(hs);
      })
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [id, changes]);

  if (error && !round) {
    return (
      <Result
        status="warning"
        title="无法打开成效评议"
        subTitle={error}
        extra={<Button onClick={() => navigate('/assistance/reviews')}>返回评议列表</Button>}
      />
    );
  }
  if (!round || !households) return <Skeleton active paragraph={{ rows: 8 }} />;

  const results = new Map(round.households.map((r) => [r.householdId, r]));
  const rows: Row[] = [
    ...households.map((h) => ({
      id: h.id,
      code: h.code,
      headName: h.headName,
      riskTypes: h.riskTypes,
      monitored: true,
      result: results.get(h.id),
    })),
    // Judged households no longer monitored (eliminated since) stay in the record.
    ...round.households
      .filter((r) => !households.some((h) => h.id === r.householdId))
      .map((r) => ({
        id: r.householdId,
        code: r.householdCode,
        headName: r.headName,
        riskTypes: [],
        monitored: false,
        result: r,
      })),
  ];
  const count = (f: Filter) =>
    f === 'all' ? rows.length : rows.filter((r) => (f === 'pending' ? !r.result : r.result?.outcome === f)).length;
  const shown = rows.filter((r) =>
    filter === 'all' ? true : filter === 'pending' ? !r.result : r.result?.outcome === filter,
  );

  return (
    <>
      <PageHead
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label="返回"
              onClick={() => navigate('/assistance/reviews')}
            />
            {round.year}年度帮扶成效评议
            <Tag>
              <RegionName code={round.villageCode} />
            </Tag>
          </Space>
        }
      />
      <Card size="small" title="评议会议" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'date', label: '会议日期', children: round.meetingDate },
            { key: 'by', label: '记录人', children: `${round.createdBy}（${formatDateTime(round.createdAt)}）` },
            { key: 'n', label: '参会人数', children: `${round.attendees.length}人` },
            { key: 'who', label: '参会人员', span: 3, children: round.attendees.join('、') },
            {
              key: 'minutes',
              label: '会议记录',
              span: 3,
              children: <div style={{ whiteSpace: 'pre-wrap' }}>{round.minutes}</div>,
            },
          ]}
        />
      </Card>
      <Card size="small" title="逐户评议">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Radio.Group
          style={{ marginBottom: 12 }}
          optionType="button"
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
          options={(['all', 'pending', 'start_elimination', 'continue_assistance', 'keep_monitoring'] as const).map(
            (f) => ({
              value: f,
              label: `${f === 'all' ? '全部' : f === 'pending' ? '待评议' : REVIEW_OUTCOME[f]}（${count(f)}户）`,
            }),
          )}
          data-testid="review-filter"
        />
        <ResponsiveTable<Row>
          size="small"
          rowKey="id"
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: '没有符合条件的农户' }}
          data-testid="review-households"
          scroll={{ x: 1100 }}
          columns={[
            {
              title: '户编号',
              dataIndex: 'code',
              width: 170,
              render: (v: string, r) => <Link to={`/households/${r.id}?tab=assistance`}>{v}</Link>,
            },
            { title: '户主', dataIndex: 'headName', width: 90, render: (v: string | null) => v ?? '—' },
            {
              title: '风险类型',
              dataIndex: 'riskTypes',
              width: 120,
              render: (v: string[]) => (v.length ? v.map((x) => label(RISK_TYPE, x)).join('、') : '—'),
            },
            {
              title: '评议结论',
              key: 'outcome',
              width: 130,
              render: (_, r) => (r.result ? <OutcomeTag outcome={r.result.outcome} /> : <Tag>待评议</Tag>),
            },
            {
              title: '理由',
              key: 'reasons',
              render: (_, r) =>
                r.result ? (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {r.result.reasons.map((x) => (
                      <li key={x.rule}>{x.text}</li>
                    ))}
                  </ul>
                ) : null,
            },
            {
              title: '后续帮扶',
              key: 'followUps',
              width: 220,
              render: (_, r) => r.result?.followUps.join('；') || null,
            },
            {
              title: '风险消除程序',
              key: 'case',
              width: 120,
              render: (_, r) => (r.result?.caseId ? <Link to={`/cases/${r.result.caseId}`}>查看程序</Link> : null),
            },
            {
              title: '操作',
              key: 'op',
              width: 80,
              fixed: 'right',
              render: (_, r) =>
                !r.result && writable && r.monitored ? (
                  <Button type="link" size="small" onClick={() => setJudging(r)}>
                    评议
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <JudgeModal
        key={dialogKey}
        reviewId={round.id}
        year={round.year}
        household={judging}
        onClose={() => setJudging(undefined)}
        onJudged={(outcome, caseStarted) => {
          setJudging(undefined);
          setChanges((c) => c + 1);
          message.success(
            caseStarted ? '评议结论：启动风险消除，风险消除程序已启动' : `评议结论：${REVIEW_OUTCOME[outcome]}`,
          );
        }}
      />
    </>
  );
}
