import {
  ArrowLeftOutlined,
  EditOutlined,
  MoneyCollectOutlined,
  RadarChartOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Skeleton, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import type { Member } from '../../api/types';
import { useUser } from '../../app/auth';
import { allowed, type PageProps, ROUTES } from '../../app/routes';
import { PageHead } from '../../components/PageHead';
import { can } from '../../domain/permissions';
import { useOpenKey } from '../../forms/use-open-key';
import { navigate, useLocation } from '../../router/history';
import { AddMemberModal } from './AddMemberModal';
import { AssistanceTab } from './AssistanceTab';
import { EditHouseholdModal } from './EditHouseholdModal';
import { HistoryTab } from './HistoryTab';
import { HouseholdSummary } from './HouseholdSummary';
import { HouseholdWorkButtons } from './HouseholdWorkButtons';
import { IncomeModal } from './IncomeModal';
import { IncomesTable } from './IncomesTable';
import { MemberStatusModal } from './MemberStatusModal';
import { MembersTable } from './MembersTable';
import { ProceduresTab } from './ProceduresTab';
import { ProjectBenefitsTab } from './ProjectBenefitsTab';
import { ReliefTab } from './ReliefTab';
import { RevealIdsButton } from './RevealIdsButton';
import { useHousehold } from './use-household';

type Dialog = 'edit' | 'member' | 'income' | undefined;

/** 一户一档: the household file with members, incomes and history (SPEC §4). Every opening is audited by the server. */
export default function HouseholdFilePage({ params }: PageProps) {
  const id = params.id ?? '';
  const user = useUser();
  const { message } = App.useApp();
  const { file, error, missing, revealed, reload, reveal, hide } = useHousehold(id);
  // `?tab=assistance` opens a tab directly (the gap lists link to the 帮扶 tab).
  const { search } = useLocation();
  const [tab, setTab] = useState(search.get('tab') ?? 'members');
  const [dialog, setDialog] = useState<Dialog>();
  const [statusOf, setStatusOf] = useState<Member>();
  const dialogKey = useOpenKey(dialog !== undefined || statusOf !== undefined);
  const [changes, setChanges] = useState(0);
  const writable = can(user, 'registry.write');
  // The screening page's 农户命中 tab: for the roles that may open that page and read the registry (ScreeningPage).
  const screening = ROUTES.find((r) => r.path === '/screening');
  const seesHits = screening !== undefined && allowed(screening, user) && can(user, 'registry.read');
  // 联农带农: for the roles that may open the project library.
  const projects = ROUTES.find((r) => r.path === '/projects');
  const seesProjects = projects !== undefined && allowed(projects, user);

  const saved = (text: string) => () => {
    setDialog(undefined);
    setStatusOf(undefined);
    setChanges((c) => c + 1);
    message.success(text);
    void reload().catch(() => undefined);
  };

  if (error && !file) {
    // A 明白卡's QR code opens this page: scanned by someone outside the household's region, it says so plainly.
    return (
      <Result
        status="warning"
        title="无法打开农户档案"
        data-testid="household-unavailable"
        subTitle={
          missing
            ? '没有找到这户的档案，或这户不在您的管辖范围内：扫码查看农户档案仅限本辖区的工作人员。如需查看，请联系该户所在村、乡镇或县级工作人员。'
            : error
        }
        extra={<Button onClick={() => navigate('/households')}>返回农户列表</Button>}
      />
    );
  }
  if (!file) return <Skeleton active paragraph={{ rows: 10 }} />;

  const back = () => (window.history.length > 1 ? window.history.back() : navigate('/households'));
  return (
    <>
      <PageHead
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label="返回" />
            农户档案 {file.code}
            <Tag>{file.villageName}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {seesHits && (
              <Button
                icon={<RadarChartOutlined />}
                href={`/screening?tab=hits&household=${file.id}`}
                onClick={(e) => {
                  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                  e.preventDefault();
                  navigate(`/screening?tab=hits&household=${file.id}`);
                }}
              >
                筛查命中
              </Button>
            )}
            {can(user, 'pii.reveal') && <RevealIdsButton revealed={revealed} onReveal={reveal} onHide={hide} />}
            {writable && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                  修改信息
                </Button>
                <Button icon={<UserAddOutlined />} onClick={() => setDialog('member')}>
                  新增成员
                </Button>
                <Button type="primary" icon={<MoneyCollectOutlined />} onClick={() => setDialog('income')}>
                  录入收支
                </Button>
              </>
            )}
          </Space>
        }
      />
      {revealed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="正在显示完整身份证号：本次查看已以您的账号记入审计日志。请勿截屏、抄录或外传。"
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <HouseholdSummary file={file} />
        <div style={{ marginTop: 16 }}>
          <HouseholdWorkButtons
            file={file}
            writable={writable}
            onChanged={() => {
              setChanges((c) => c + 1);
              void reload().catch(() => undefined);
            }}
          />
        </div>
      </Card>
      <Card>
        <Tabs
          activeKey={tab === 'assistance' && file.monitoringStatus === 'none' ? 'members' : tab}
          onChange={setTab}
          items={[
            {
              key: 'members',
              label: `家庭成员（${file.members.length}）`,
              children: <MembersTable members={file.members} onChangeStatus={writable ? setStatusOf : undefined} />,
            },
            {
              key: 'incomes',
              label: `收支情况（${file.incomes.length}）`,
              children: <IncomesTable incomes={file.incomes} regionCode={file.regionCode} />,
            },
            ...(file.monitoringStatus === 'none'
              ? []
              : [
                  {
                    key: 'assistance',
                    label: '帮扶',
                    children: (
                      <AssistanceTab
                        householdId={file.id}
                        regionCode={file.regionCode}
                        writable={writable}
                        onChanged={() => {
                          setChanges((c) => c + 1);
                          void reload().catch(() => undefined);
                        }}
                      />
                    ),
                  },
                ]),
            {
              key: 'procedures',
              label: '线索与程序',
              children: <ProceduresTab householdId={file.id} refreshKey={changes} />,
            },
            ...(seesProjects
              ? [
                  {
                    key: 'benefits',
                    label: '项目带农',
                    children: <ProjectBenefitsTab householdId={file.id} />,
                  },
                ]
              : []),
            {
              key: 'relief',
              label: '救助申请',
              children: (
                <ReliefTab
                  householdId={file.id}
                  regionCode={file.regionCode}
                  members={file.members}
                  writable={writable}
                />
              ),
            },
            { key: 'history', label: '变更历史', children: <HistoryTab householdId={file.id} refreshKey={changes} /> },
          ]}
        />
      </Card>
      <EditHouseholdModal
        key={`edit-${dialogKey}`}
        file={file}
        open={dialog === 'edit'}
        onClose={() => setDialog(undefined)}
        onSaved={saved('农户信息已保存')}
      />
      <AddMemberModal
        key={`member-${dialogKey}`}
        householdId={file.id}
        open={dialog === 'member'}
        onClose={() => setDialog(undefined)}
        onSaved={saved('成员已添加')}
      />
      <IncomeModal
        key={`income-${dialogKey}`}
        householdId={file.id}
        memberCount={file.memberCount}
        open={dialog === 'income'}
        onClose={() => setDialog(undefined)}
        onSaved={saved('收支已保存')}
      />
      <MemberStatusModal
        key={`status-${dialogKey}`}
        member={statusOf}
        onClose={() => setStatusOf(undefined)}
        onSaved={saved('成员状态已更新')}
      />
    </>
  );
}
