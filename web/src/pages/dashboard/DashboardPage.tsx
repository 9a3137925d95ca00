import { Alert, Button, Card, Col, DatePicker, Empty, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type Dashboard, type HP, type MapShape, type RankingRow, reportsApi } from '../../api/reports';
import { scopeName, useAuth, useUser } from '../../app/auth';
import { CalendarAlert } from '../../components/CalendarAlert';
import { PageHead } from '../../components/PageHead';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { can, isProjectOfficer, isSeparatedAdmin } from '../../domain/permissions';
import { navigate, useLocation } from '../../router/history';
import { Link } from '../../router/Link';
import { FigureHouseholdsDrawer, type FigureRef } from '../reports/FigureHouseholds';
import { LineCard } from './LineCard';
import type { MapMetric } from './RegionMap';

const StatusChart = lazy(() => import('./StatusChart'));
const TrendChart = lazy(() => import('./TrendChart'));
const RiskBarChart = lazy(() => import('./RiskBarChart'));
const RegionMap = lazy(() => import('./RegionMap'));

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

const METRICS: MapMetric[] = [
  {
    key: 'monitored',
    label: '监测对象户数',
    value: (r) => r.monitored.households,
    format: (v) => `${v}户`,
    higherIsWorse: true,
  },
  { key: 'overdue', label: '逾期事项', value: (r) => r.overdue, format: (v) => `${v}项`, higherIsWorse: true },
  {
    key: 'measures',
    label: '措施覆盖率',
    value: (r) => r.measuresCoverage,
    format: (v) => pct(v),
    higherIsWorse: false,
  },
  {
    key: 'responsible',
    label: '责任人覆盖率',
    value: (r) => r.responsibleCoverage,
    format: (v) => pct(v),
    higherIsWorse: false,
  },
];

function HPCard({
  title,
  value,
  onOpen,
  extra,
}: {
  title: string;
  value: HP | undefined;
  onOpen?: () => void;
  extra?: string;
}) {
  return (
    <Card size="small" className={onOpen ? 'sx-figure-link' : undefined} onClick={onOpen} data-testid={`card-${title}`}>
      <Statistic
        title={title}
        loading={!value}
        value={value?.households ?? 0}
        suffix={
          <span>
            户<span className="sx-stat-persons">{value?.persons ?? 0}人</span>
          </span>
        }
      />
      {extra && <Typography.Text type="secondary">{extra}</Typography.Text>}
    </Card>
  );
}

const LANDINGS = {
  audit: [
    '审计管理员',
    '查阅、检索本辖区的审计日志：谁在何时查阅了哪些农户档案、查看了完整身份证号、做了哪些变更和登录。审计管理员不管理用户，也不查阅农户数据。',
    '/audit',
    '打开审计日志',
  ],
  security: [
    '安全管理员',
    '管理本辖区的用户账户：新增、停用、解锁、重置密码、变更角色和区划。安全管理员不查阅审计日志，也不查阅农户数据。',
    '/users',
    '打开用户管理',
  ],
  project: [
    '项目管理员',
    '管理本县衔接资金项目库：项目申报、论证、审批入库、月度计划和进度、联农带农受益户、资产登记和变更审批、双报备。项目管理员不办理监测对象的识别和帮扶，也不查阅农户档案。',
    '/projects',
    '打开项目库',
  ],
} as const;

/**
 * The 工作台 of the security and the audit administrator (三员分立, docs/decisions/0030) and of the county project
 * officer (docs/decisions/0036): no monitoring figures, the way to their own pages.
 */
function AdminLanding({ kind }: { kind: keyof typeof LANDINGS }) {
  const [title, text, to, open] = LANDINGS[kind];
  return (
    <Card data-testid="admin-landing">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>{text}</Typography.Paragraph>
        <Button type="primary" onClick={() => navigate(to)}>
          {open}
        </Button>
      </Space>
    </Card>
  );
}

/**
 * 工作台 (issue #13): the month's "X户Y人" (SPEC §16) from the aggregated figures in one call, 12 months of trend,
 * categories and risk types, subordinate regions ranked by overdue items and coverage and coloured on a map; every
 * figure opens the households behind it, every region drills down one level.
 */
export default function DashboardPage() {
  const user = useUser();
  const { scopePath } = useAuth();
  // monitoring figures: not for the project officer, who reads the registry only to pick beneficiaries
  const canRead = can(user, 'registry.read') && !isProjectOfficer(user.role);
  const { search } = useLocation();
  const month = /^\d{4}-\d{2}$/.test(search.get('month') ?? '') ? (search.get('month') as string) : undefined;
  const region = search.get('region') || undefined;
  const [data, setData] = useState<Dashboard>();
  const [shape, setShape] = useState<MapShape>();
  const [error, setError] = useState<string>();
  const [metric, setMetric] = useState<MapMetric>(METRICS[1] as MapMetric);
  const [drawer, setDrawer] = useState<FigureRef>();

  useEffect(() => {
    if (!canRead) return;
    let live = true;
    setData(undefined);
    setError(undefined);
    reportsApi
      .dashboard(region, month)
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorMessage(e)));
    reportsApi
      .map(region)
      .then((m) => live && setShape(m))
      .catch(() => live && setShape({ kind: 'grid', reason: '', region: { code: '', name: '', level: 0 } }));
    return () => {
      live = false;
    };
  }, [region, month, canRead]);

  const go = (r: string | undefined, m: string | undefined) => {
    const q = new URLSearchParams();
    if (r) q.set('region', r);
    if (m) q.set('month', m);
    navigate(`/${q.toString() ? `?${q}` : ''}`);
  };
  const period = data?.period.key ?? month ?? dayjs().format('YYYY-MM');
  const open = (figure: string, title: string) =>
    setDrawer({ figure, title, period, region: data?.region.code || undefined });
  const f = data?.figures;
  const slices = useMemo(
    () =>
      f
        ? [
            { name: '脱贫不稳定户', value: f.monitored.unstable.households, colour: '#dc2626' },
            { name: '边缘易致贫户', value: f.monitored.marginal.households, colour: '#f59e0b' },
            { name: '突发严重困难户', value: f.monitored.sudden.households, colour: '#7c3aed' },
          ]
        : [],
    [f],
  );

  return (
    <>
      <PageHead
        title="工作台"
        extra={
          canRead && (
            <Space wrap className="sx-no-print">
              {data && data.region.code !== user.regionCode && (
                <Link to={month ? `/?month=${month}` : '/'}>返回本级</Link>
              )}
              <DatePicker
                picker="month"
                allowClear={false}
                value={dayjs(`${period}-01`)}
                disabledDate={(d) => d.isAfter(dayjs(), 'month')}
                onChange={(d) => d && go(region, d.format('YYYY-MM'))}
              />
              <Link to={`/reports?kind=monthly&period=${period}${region ? `&region=${region}` : ''}`}>月调度表</Link>
            </Space>
          )
        }
      >
        <Typography.Text type="secondary">
          {data ? `${data.region.name} · ${data.period.label}` : scopeName(scopePath) || user.regionCode}（
          {user.roleLabel}）
        </Typography.Text>
      </PageHead>
      {isSeparatedAdmin(user.role) && <AdminLanding kind={can(user, 'audit.read') ? 'audit' : 'security'} />}
      {isProjectOfficer(user.role) && <AdminLanding kind="project" />}
      {!canRead && !isSeparatedAdmin(user.role) && !isProjectOfficer(user.role) && (
        <Alert
          type="info"
          showIcon
          title="行业部门用户"
          description="请在“部门数据”中上传本部门数据、查看比对预警，在“部门帮扶措施”中办理措施；行业部门用户不查阅农户档案和汇总指标。"
          style={{ marginBottom: 16 }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {canRead && <CalendarAlert />}
      {canRead && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={8} xl={6}>
              <HPCard title="监测对象" value={f?.monitored.total} onOpen={() => open('monitored.total', '监测对象')} />
            </Col>
            <Col xs={12} md={8} xl={6}>
              <HPCard
                title="本月新纳入"
                value={f?.included.total}
                onOpen={() => open('included.total', '本月新纳入')}
                extra={f?.returned.total.households ? `其中返贫${f.returned.total.households}户` : undefined}
              />
            </Col>
            <Col xs={12} md={8} xl={6}>
              <HPCard
                title="本月风险消除"
                value={f?.eliminated.total}
                onOpen={() => open('eliminated.total', '本月风险消除')}
              />
            </Col>
            <Col xs={12} md={8} xl={6}>
              <HPCard
                title="已标注风险消除"
                value={f?.eliminatedStock.total}
                onOpen={() => open('eliminatedStock.total', '已标注风险消除')}
                extra={f ? `占累计纳入人数${pct(f.eliminationShare.persons)}` : undefined}
              />
            </Col>
            <Col xs={12} md={8} xl={6}>
              <HPCard
                title="累计纳入"
                value={f?.everIncluded.total}
                onOpen={() => open('everIncluded.total', '累计纳入')}
              />
            </Col>
            <Col xs={12} md={8} xl={6}>
              <HPCard
                title="兜底保障"
                value={f?.backstop.total}
                onOpen={() => open('backstop.total', '纳入兜底保障的监测对象')}
                extra={f ? `低保${f.backstop.dibao.households}户、特困${f.backstop.tekun.households}户` : undefined}
              />
            </Col>
            <Col xs={12} md={8} xl={6}>
              <HPCard
                title="未落实帮扶措施"
                value={
                  f
                    ? {
                        households: f.monitored.total.households - f.measuresCoverage.households,
                        persons: f.monitored.total.persons - f.measuresCoverage.persons,
                      }
                    : undefined
                }
                onOpen={() => open('coverage.noMeasures', '未落实帮扶措施的监测对象')}
                extra={
                  f
                    ? `措施覆盖率${pct(f.measuresCoverage.share)}，责任人覆盖率${pct(f.responsibleCoverage.share)}`
                    : undefined
                }
              />
            </Col>
            <Col xs={12} md={8} xl={6}>
              <Card
                size="small"
                className="sx-figure-link"
                onClick={() => open('clues.overdue.total', '有逾期线索的农户')}
                data-testid="card-逾期线索"
              >
                <Statistic title="逾期未销号线索" loading={!f} value={f?.clues.overdue.total.count ?? 0} suffix="条" />
                {f && (
                  <Typography.Text type="secondary">
                    在办{f.clues.open.total.count}条，程序逾期{f.cases.overdue ?? 0}件
                  </Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          {data && (
            <Card size="small" style={{ marginTop: 12 }}>
              <Typography.Paragraph style={{ margin: 0 }} data-testid="dashboard-text">
                {data.text.monitored}。{data.text.included}。{data.text.everIncluded}。
              </Typography.Paragraph>
            </Card>
          )}
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} xl={14}>
              <Card title="近12个月趋势" size="small">
                {data ? (
                  <Suspense fallback={<Skeleton active />}>
                    <TrendChart trend={data.trend} />
                  </Suspense>
                ) : (
                  <Skeleton active />
                )}
              </Card>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Card title="监测对象类别" size="small">
                {!f ? (
                  <Skeleton active />
                ) : slices.every((s) => s.value === 0) ? (
                  <Empty description="暂无监测对象" />
                ) : (
                  <Suspense fallback={<Skeleton active />}>
                    <StatusChart slices={slices} height={260} />
                  </Suspense>
                )}
              </Card>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Card title="风险类型" size="small">
                {f ? (
                  <Suspense fallback={<Skeleton active />}>
                    <RiskBarChart
                      riskTypes={f.riskTypes}
                      onPick={(t) => open(`riskTypes.${t}`, '该风险类型的监测对象')}
                    />
                  </Suspense>
                ) : (
                  <Skeleton active />
                )}
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} xl={12}>
              <Card title="下级区划地图" size="small">
                <Select<string>
                  size="small"
                  className="sx-no-print"
                  style={{ width: 150, marginBottom: 8 }}
                  aria-label="地图着色指标"
                  options={METRICS.map((m) => ({ label: m.label, value: m.key }))}
                  value={metric.key}
                  onChange={(k) => setMetric(METRICS.find((m) => m.key === k) as MapMetric)}
                />
                {data && shape ? (
                  data.ranking.length ? (
                    <Suspense fallback={<Skeleton active />}>
                      <RegionMap shape={shape} rows={data.ranking} metric={metric} onPick={(code) => go(code, month)} />
                    </Suspense>
                  ) : (
                    <Empty description="没有下级区划" />
                  )
                ) : (
                  <Skeleton active />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="下级区划排名（逾期事项多、覆盖率低的在前）" size="small">
                <ResponsiveTable<RankingRow>
                  size="small"
                  rowKey="code"
                  loading={!data}
                  dataSource={data?.ranking}
                  scroll={{ x: true }}
                  pagination={{ pageSize: 10, showSizeChanger: false }}
                  columns={[
                    {
                      title: '区划',
                      dataIndex: 'name',
                      render: (v: string, r) => (
                        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => go(r.code, month)}>
                          {v}
                        </Button>
                      ),
                    },
                    {
                      title: '监测对象',
                      render: (_: unknown, r) => `${r.monitored.households}户${r.monitored.persons}人`,
                    },
                    { title: '逾期', dataIndex: 'overdue', sorter: (a, b) => a.overdue - b.overdue },
                    { title: '措施覆盖', dataIndex: 'measuresCoverage', render: pct },
                    { title: '责任人覆盖', dataIndex: 'responsibleCoverage', render: pct },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <LineCard regionCode={user.regionCode} />
        </Col>
      </Row>
      <FigureHouseholdsDrawer target={drawer} onClose={() => setDrawer(undefined)} />
    </>
  );
}
