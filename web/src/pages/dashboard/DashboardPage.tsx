import { Alert, Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { scopeName, useAuth, useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { can } from '../../domain/permissions';
import { Link } from '../../router/Link';
import { type Count, useHouseholdCounts } from './household-count';
import { LineCard } from './LineCard';

const StatusChart = lazy(() => import('./StatusChart'));

const QUERIES = {
  all: {},
  monitored: { status: 'monitored' },
  eliminated: { status: 'eliminated' },
  liftedOut: { liftedOut: true },
  unstable: { status: 'monitored', category: 'unstable' },
  marginal: { status: 'monitored', category: 'marginal' },
  sudden: { status: 'monitored', category: 'sudden' },
};

function CountCard({ title, count, to }: { title: string; count: Count | undefined; to: string }) {
  return (
    <Card>
      <Link to={to}>
        <Statistic
          title={title}
          loading={!count}
          value={count?.households ?? 0}
          suffix={
            <span>
              户
              <span className="sx-stat-persons">
                {count?.persons === null ? '（人数待统计）' : `${count?.persons ?? 0}人`}
              </span>
            </span>
          }
        />
      </Link>
    </Card>
  );
}

/** 工作台: households in the user's scope as "X户Y人" (SPEC §16), by monitoring status and category. */
export default function DashboardPage() {
  const user = useUser();
  const { scopePath } = useAuth();
  const canRead = can(user.role, 'registry.read');
  const { counts, error } = useHouseholdCounts(QUERIES, canRead);
  const slices = useMemo(
    () =>
      counts
        ? [
            { name: '脱贫不稳定户', value: counts.unstable.households, colour: '#dc2626' },
            { name: '边缘易致贫户', value: counts.marginal.households, colour: '#f59e0b' },
            { name: '突发严重困难户', value: counts.sudden.households, colour: '#7c3aed' },
          ]
        : [],
    [counts],
  );
  const statusSlices = useMemo(
    () =>
      counts
        ? [
            {
              name: '未纳入',
              value: counts.all.households - counts.monitored.households - counts.eliminated.households,
              colour: '#16a34a',
            },
            { name: '监测对象', value: counts.monitored.households, colour: '#f59e0b' },
            { name: '风险消除', value: counts.eliminated.households, colour: '#0891b2' },
          ]
        : [],
    [counts],
  );

  return (
    <>
      <PageHead title="工作台">
        <Typography.Text type="secondary">
          管辖范围：{scopeName(scopePath) || user.regionCode}（{user.roleLabel}）
        </Typography.Text>
      </PageHead>
      {!canRead && (
        <Alert
          type="info"
          showIcon
          title="行业部门用户"
          description="部门数据上传、比对预警和措施办理功能将在“部门筛查”模块中提供；行业部门用户不查阅农户档案。"
          style={{ marginBottom: 16 }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {canRead && (
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={12} xl={6}>
            <CountCard title="在册农户" count={counts?.all} to="/households" />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <CountCard title="监测对象" count={counts?.monitored} to="/households?status=monitored" />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <CountCard title="风险消除" count={counts?.eliminated} to="/households?status=eliminated" />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <CountCard title="脱贫户" count={counts?.liftedOut} to="/households?liftedOut=true" />
          </Col>
          <Col xs={24} lg={12}>
            <Card title="监测状态">
              <ChartOrEmpty slices={statusSlices} loading={!counts} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="监测对象类别">
              <ChartOrEmpty slices={slices} loading={!counts} />
            </Card>
          </Col>
        </Row>
      )}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <LineCard regionCode={user.regionCode} />
        </Col>
      </Row>
    </>
  );
}

function ChartOrEmpty({
  slices,
  loading,
}: {
  slices: { name: string; value: number; colour: string }[];
  loading: boolean;
}) {
  if (loading) return <Skeleton active />;
  if (slices.every((s) => s.value === 0)) return <Empty description="暂无数据" />;
  return (
    <Suspense fallback={<Skeleton active />}>
      <StatusChart slices={slices} />
    </Suspense>
  );
}
