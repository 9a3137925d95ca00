import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Skeleton, Space, Tabs, Tag } from 'antd';
import { useUser } from '../../app/auth';
import type { PageProps } from '../../app/routes';
import { PageHead } from '../../components/PageHead';
import { formatDate } from '../../domain/format';
import { CATEGORY, label } from '../../domain/labels';
import { CASE_KIND, CASE_STATUS } from '../../domain/procedure-labels';
import { navigate } from '../../router/history';
import { Link } from '../../router/Link';
import { ActionsTable } from './ActionsTable';
import { CurrentStepPanel } from './CurrentStepPanel';
import { FilesTable } from './FilesTable';
import { NotificationsList } from './NotificationsList';
import { PublicityNoticeCard } from './PublicityNoticeCard';
import { StepTimeline } from './StepTimeline';
import { useCase } from './use-case';

const STATUS_COLOUR: Record<string, string> = {
  in_progress: 'processing',
  returned: 'warning',
  publicity: 'cyan',
  blocked_objection: 'orange',
  completed: 'success',
  rejected: 'error',
  closed: 'default',
};

/** 程序事项: one inclusion or elimination procedure — its steps, the current step's work, records and notices. */
export default function CaseDetailPage({ params }: PageProps) {
  const id = params.id ?? '';
  const user = useUser();
  const uc = useCase(id);
  const { detail: c, household: h } = uc;

  if (uc.error && !c) {
    return (
      <Result
        status="warning"
        title="无法打开程序事项"
        subTitle={uc.error}
        extra={<Button onClick={() => navigate('/cases')}>返回程序列表</Button>}
      />
    );
  }
  if (!c) return <Skeleton active paragraph={{ rows: 12 }} />;

  const head = h?.members.find((m) => m.id === h.headPersonId)?.name;
  const latestYear = h?.incomes.reduce((y, i) => Math.max(y, i.year), 0) || new Date().getFullYear() - 1;
  const back = () => (window.history.length > 1 ? window.history.back() : navigate('/cases'));
  return (
    <>
      <PageHead
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label="返回" />
            {`${label(CASE_KIND, c.kind)}程序`}
            <Tag color={STATUS_COLOUR[c.status]} data-testid="case-status">
              {label(CASE_STATUS, c.status)}
            </Tag>
            {c.overdue && <Tag color="red">当前步骤已逾期</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to={`/households/${c.householdId}`}>
              农户档案 {h?.code ?? ''} {head ?? ''}
            </Link>
            {c.clueId && <Link to="/clues?status=">线索台账</Link>}
          </Space>
        }
      >
        <span className="sx-muted">
          {h ? `${h.villageName} · ` : ''}程序模板 {c.state.template.name}（第{c.templateVersion}版）· 启动于
          {formatDate(c.startedOn)}
          {c.category ? ` · 类别：${label(CATEGORY, c.category)}` : ''}
          {c.categoryReason ? `（调整理由：${c.categoryReason}）` : ''}
        </span>
      </PageHead>
      {c.outcome && c.state.result && (
        <Alert
          type={c.outcome === 'completed' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={`${label(CASE_STATUS, c.outcome)}（${formatDate(c.finishedOn ?? c.state.result.on)}）${
            c.state.result.reason ? `：${c.state.result.reason}` : ''
          }`}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xxl={6}>
          <Card title="办理步骤" size="small">
            <StepTimeline c={c} />
          </Card>
        </Col>
        <Col xs={24} lg={16} xxl={18}>
          <CurrentStepPanel uc={uc} role={user.role} defaultYear={latestYear} />
          <Card style={{ marginTop: 16 }}>
            <Tabs
              items={[
                { key: 'actions', label: `办理记录（${c.actions.length}）`, children: <ActionsTable c={c} /> },
                {
                  key: 'notices',
                  label: `告知书（${c.notifications.length}）`,
                  children: <NotificationsList c={c} />,
                },
                { key: 'publicity', label: '公示公告', children: <PublicityNoticeCard c={c} /> },
                { key: 'files', label: `材料（${c.files.length}）`, children: <FilesTable c={c} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
