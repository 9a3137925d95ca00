import { Alert, Card, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type CleaningProblem, type CleaningProblemPage, cleaningApi, type ProblemQuery } from '../../api/cleaning';
import { errorMessage } from '../../api/client';
import { useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { RegionName } from '../../components/RegionName';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../domain/format';
import { CLEANING_RULE, label } from '../../domain/labels';
import { navigate, useLocation } from '../../router/history';
import { Link } from '../../router/Link';
import { doesCountyWork } from '../feeds/feed-access';
import { RegionSelect } from '../feeds/RegionSelect';
import { describeRecord } from './describe-record';
import { problemListUrl, readProblemQuery } from './problem-query';
import { RunCleaningCard } from './RunCleaningCard';

/**
 * 数据清洗 (SPEC §17; 会泽 step 8): rules over the registry list the problems to fix, each with the record and the
 * reason. The county runs it; everyone who reads the registry sees the problems in their scope and fixes them.
 */
export default function CleaningPage() {
  const user = useUser();
  const { search } = useLocation();
  const searchKey = search.toString();
  const query = readProblemQuery(new URLSearchParams(searchKey));
  const [data, setData] = useState<CleaningProblemPage>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    void changes;
    cleaningApi
      .problems(readProblemQuery(new URLSearchParams(searchKey)))
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [searchKey, changes]);

  const go = (q: ProblemQuery) => navigate(problemListUrl(q));
  const last = data?.lastRun;

  return (
    <>
      <PageHead title="数据清洗">
        <Typography.Text type="secondary">
          {last ? (
            <>
              最近一次：
              <RegionName code={last.regionCode} /> {last.year}年度，{formatDateTime(last.finishedAt)} 由{' '}
              {last.startedBy} 运行，发现问题 {last.problems} 条
            </>
          ) : (
            '本区划尚未运行过数据清洗'
          )}
        </Typography.Text>
      </PageHead>
      {doesCountyWork(user) && (
        <RunCleaningCard
          rootCode={user.regionCode}
          onDone={(r) => {
            setChanges((c) => c + 1);
            go({ region: r.region === user.regionCode ? undefined : r.region });
          }}
        />
      )}
      <Card title="问题清单">
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          <span>
            区划：
            <RegionSelect
              rootCode={user.regionCode}
              allowClear
              placeholder="全部区划"
              value={query.region}
              onChange={(region) => go({ ...query, region, page: 1 })}
            />
          </span>
        </Space>
        <div style={{ marginBottom: 16 }}>
          <Radio.Group
            optionType="button"
            value={query.rule ?? ''}
            onChange={(e) => go({ ...query, rule: e.target.value || undefined, page: 1 })}
            options={[
              { value: '', label: `全部（${(data?.byRule ?? []).reduce((a, r) => a + r.count, 0)}）` },
              ...(data?.byRule ?? []).map((r) => ({ value: r.ruleCode, label: `${r.name}（${r.count}）` })),
              ...(query.rule && !data?.byRule.some((r) => r.ruleCode === query.rule)
                ? [{ value: query.rule, label: `${label(CLEANING_RULE, query.rule)}（0）` }]
                : []),
            ]}
            data-testid="cleaning-rules"
          />
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ResponsiveTable<CleaningProblem>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 1200 }}
          data-testid="cleaning-problems"
          locale={{ emptyText: last ? '没有发现问题' : '尚未运行数据清洗' }}
          pagination={{
            current: data?.page ?? 1,
            pageSize: data?.pageSize ?? 50,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [50, 100, 200, 500],
            showTotal: (total) => `共 ${total} 条问题`,
            onChange: (page, pageSize) => go({ ...query, page, pageSize }),
          }}
          columns={[
            { title: '问题类型', dataIndex: 'ruleCode', width: 200, render: (v: string) => label(CLEANING_RULE, v) },
            { title: '区划', dataIndex: 'regionCode', width: 130, render: (v: string) => <RegionName code={v} /> },
            {
              title: '农户',
              key: 'household',
              width: 160,
              render: (_, p) =>
                p.householdId ? <Link to={`/households/${p.householdId}`}>{p.householdCode ?? '查看'}</Link> : '—',
            },
            {
              title: '记录',
              dataIndex: 'details',
              width: 320,
              render: (v: Record<string, unknown>) => describeRecord(v ?? {}),
            },
            { title: '原因', dataIndex: 'reason' },
            { title: '发现时间', dataIndex: 'foundAt', width: 170, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
    </>
  );
}
