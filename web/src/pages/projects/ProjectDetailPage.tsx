import { Alert, Button, Card, Descriptions, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { type PlanMonth, type ProgressReport, type ProjectStatus, projectsApi } from '../../api/projects';
import type { PageProps } from '../../app/routes';
import { PageHead } from '../../components/PageHead';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDate, formatDateTime } from '../../domain/format';
import {
  FUND_LEVEL,
  fundSource,
  label,
  MILESTONE,
  PROJECT_STATUS,
  PROJECT_STATUS_ACTION,
} from '../../domain/project-labels';
import { AssetsTab } from './AssetsTab';
import { BeneficiariesTab } from './BeneficiariesTab';
import { FilingsTab } from './FilingsTab';
import { PlanDialog } from './PlanDialog';
import { ProgressDialog } from './ProgressDialog';
import { ColourTag, pct, StatusTag, useLoad, wan } from './project-ui';
import { StatusDialog } from './StatusDialog';

const milestones = (m: string[]) => (m.length ? m.map((k) => label(MILESTONE, k)).join('、') : '—');

/** One project (SPEC §13): its card and facts, monthly plan, progress reports, card history, beneficiaries, history. */
export default function ProjectDetailPage({ params }: PageProps) {
  const id = params.id as string;
  const { data: d, error, reload } = useLoad(() => projectsApi.get(id), [id]);
  const [moveTo, setMoveTo] = useState<ProjectStatus>();
  const [planOpen, setPlanOpen] = useState(false);
  const [progressOpen, setProgressOpen] = useState(false);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!d) return <Card loading />;
  const p = d.project;
  const reportable = d.canEdit && ['approved', 'implementing', 'accepted'].includes(p.status);
  const plannable = d.canEdit && ['proposed', 'reviewing', 'approved', 'implementing'].includes(p.status);
  const kr = p.keyResponsible;
  return (
    <>
      <PageHead
        title={p.name}
        extra={
          d.nextStatuses.length > 0 && (
            <Space wrap>
              {d.nextStatuses.map((s) => (
                <Button
                  key={s}
                  danger={s === 'withdrawn'}
                  type={s === 'withdrawn' ? 'default' : 'primary'}
                  ghost={s !== 'withdrawn'}
                  onClick={() => setMoveTo(s)}
                >
                  {label(PROJECT_STATUS_ACTION, s)}
                </Button>
              ))}
            </Space>
          )
        }
      >
        <Space wrap style={{ marginTop: 4 }}>
          <StatusTag status={p.status} />
          {p.keyProject && <Tag color="purple">重点帮包</Tag>}
          {p.warning && <ColourTag colour={p.warning.colour} testId="project-colour" />}
          {p.warning && <Typography.Text type="secondary">{p.warning.reason}</Typography.Text>}
        </Space>
      </PageHead>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="编号">{p.number}</Descriptions.Item>
          <Descriptions.Item label="建设地点">{p.regionName}</Descriptions.Item>
          <Descriptions.Item label="年度与类型">
            {p.year}年 · {p.type}
          </Descriptions.Item>
          <Descriptions.Item label="总投资">{wan(p.totalYuan)}</Descriptions.Item>
          <Descriptions.Item label={p.fundName}>{wan(p.linkageYuan)}</Descriptions.Item>
          <Descriptions.Item label="资金构成">
            {p.funds
              .map((f) => `${label(FUND_LEVEL, f.level)}${fundSource(f.source, p.fundName)}${wan(f.amountYuan)}`)
              .join('；')}
          </Descriptions.Item>
          <Descriptions.Item label="项目专班">{p.taskForce}</Descriptions.Item>
          <Descriptions.Item label="负责人">
            {p.manager}
            {p.managerPhone ? ` ${p.managerPhone}` : ''}
          </Descriptions.Item>
          {p.keyProject && (
            <Descriptions.Item label="帮包责任人">
              市级 {kr.city ?? '未明确'} · 区（县）级 {kr.district ?? '未明确'} · 镇（街）级 {kr.town ?? '未明确'}
            </Descriptions.Item>
          )}
          {p.publicityFrom && (
            <Descriptions.Item label="论证公示">
              {formatDate(p.publicityFrom)} 至 {formatDate(p.publicityTo)}
            </Descriptions.Item>
          )}
          {p.exitReason && <Descriptions.Item label="出库理由">{p.exitReason}</Descriptions.Item>}
          {p.description && <Descriptions.Item label="建设内容">{p.description}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Tabs
        items={[
          {
            key: 'plan',
            label: '月度计划',
            children: (
              <>
                {plannable && (
                  <Button style={{ marginBottom: 12 }} onClick={() => setPlanOpen(true)}>
                    {d.plan.length ? '修改月度计划' : '制定月度计划'}
                  </Button>
                )}
                <ResponsiveTable<PlanMonth>
                  rowKey="month"
                  size="small"
                  pagination={false}
                  dataSource={d.plan}
                  locale={{ emptyText: '尚未将建设任务分解到月' }}
                  columns={[
                    { title: '月份', dataIndex: 'month' },
                    { title: '到期节点', render: (_, r) => milestones(r.milestones) },
                    { title: '计划累计支付', render: (_, r) => pct(r.paymentShare) },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'progress',
            label: '月度进度',
            children: (
              <>
                {reportable && (
                  <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setProgressOpen(true)}>
                    填报进度
                  </Button>
                )}
                <ResponsiveTable<ProgressReport>
                  rowKey="month"
                  size="small"
                  pagination={false}
                  dataSource={d.progress}
                  scroll={{ x: 720 }}
                  locale={{ emptyText: '暂无进度填报' }}
                  data-testid="progress-table"
                  columns={[
                    { title: '月份', dataIndex: 'month' },
                    { title: '完成节点', render: (_, r) => milestones(r.milestones) },
                    { title: '累计工程量', render: (_, r) => pct(r.worksShare) },
                    { title: '累计拨付', render: (_, r) => wan(r.paidYuan) },
                    { title: '佐证材料', render: (_, r) => r.evidence.join('、') || '—' },
                    { title: '填报', render: (_, r) => `${r.reportedBy} ${formatDateTime(r.reportedAt)}` },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'warnings',
            label: '预警记录',
            children: (
              <ResponsiveTable
                rowKey="month"
                size="small"
                pagination={false}
                dataSource={[...d.history].reverse()}
                locale={{ emptyText: '入库实施后按月预警' }}
                columns={[
                  { title: '月份', dataIndex: 'month', width: 90 },
                  { title: '预警', width: 80, render: (_, r) => <ColourTag colour={r.colour} /> },
                  { title: '原因', dataIndex: 'reason' },
                ]}
              />
            ),
          },
          {
            key: 'beneficiaries',
            label: '联农带农',
            children: <BeneficiariesTab detail={d} onChanged={reload} />,
          },
          {
            key: 'assets',
            label: '资产',
            children: <AssetsTab detail={d} />,
          },
          {
            key: 'filings',
            label: '双报备',
            children: <FilingsTab projectId={p.id} canEdit={d.canEdit} />,
          },
          {
            key: 'events',
            label: '办理记录',
            children: (
              <Timeline
                items={d.events.map((e) => ({
                  children: (
                    <>
                      <div>
                        {formatDate(e.on)} {label(PROJECT_STATUS, e.toStatus)}（{e.by}）
                      </div>
                      {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
                    </>
                  ),
                }))}
              />
            ),
          },
        ]}
      />
      <StatusDialog
        project={p}
        to={moveTo}
        onClose={() => setMoveTo(undefined)}
        onDone={() => {
          setMoveTo(undefined);
          reload();
        }}
      />
      <PlanDialog
        projectId={p.id}
        plan={d.plan}
        open={planOpen}
        onClose={() => setPlanOpen(false)}
        onDone={() => {
          setPlanOpen(false);
          reload();
        }}
      />
      <ProgressDialog
        projectId={p.id}
        last={d.progress[d.progress.length - 1]}
        open={progressOpen}
        onClose={() => setProgressOpen(false)}
        onDone={() => {
          setProgressOpen(false);
          reload();
        }}
      />
    </>
  );
}
