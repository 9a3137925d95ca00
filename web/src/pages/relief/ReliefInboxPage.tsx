import { Alert, App, Button, Card, Input, Radio, Space, Statistic, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type ReliefFigures, type ReliefRequest, reliefApi } from '../../api/relief';
import { useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { can } from '../../domain/permissions';
import { chinaToday } from '../../domain/procedure-levels';
import { GovernmentFilingModal } from './GovernmentFilingModal';
import { RequestDrawer, RequestTable } from './RequestViews';

function FiguresTab({ region }: { region: string }) {
  const [month, setMonth] = useState(chinaToday().slice(0, 7));
  const [f, setF] = useState<ReliefFigures>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    setError(undefined);
    reliefApi.figures(region, month).then(
      (r) => live && setF(r),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [region, month]);
  const share = (a: number, b: number) => (b ? `${Math.round((a / b) * 1000) / 10}%` : '—');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input type="month" value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 180 }} />
      {error && <Alert type="error" showIcon title={error} />}
      {f && (
        <>
          <Space wrap size="large" data-testid="relief-figures">
            <Statistic title="收到申请" value={f.totals.received} suffix="件" />
            <Statistic title="已办结" value={f.totals.replied} suffix="件" />
            <Statistic title="按时办结率" value={share(f.totals.inTime, f.totals.replied)} />
            <Statistic title="超期未办结" value={f.totals.overdue} suffix="件" />
            <Statistic title="满意率" value={share(f.totals.satisfied, f.totals.rated)} />
          </Space>
          <ResponsiveTable
            size="small"
            rowKey="itemCode"
            dataSource={f.items}
            pagination={false}
            scroll={{ x: 700 }}
            columns={[
              { title: '事项', dataIndex: 'itemName' },
              { title: '办理部门', dataIndex: 'departmentName' },
              { title: '收到', dataIndex: 'received' },
              { title: '办结', dataIndex: 'replied' },
              { title: '按时办结', dataIndex: 'inTime' },
              { title: '超期', dataIndex: 'overdue' },
              { title: '评价', dataIndex: 'rated' },
              { title: '满意', dataIndex: 'satisfied' },
            ]}
          />
        </>
      )}
    </Space>
  );
}

/**
 * 政府救助平台 for staff (SPEC §14): a department's inbox of applications to accept, refer and answer within the
 * time limit; the county's and supervisors' overdue list with 督办; figures by item and department.
 */
export default function ReliefInboxPage() {
  const user = useUser();
  const [status, setStatus] = useState('open');
  const [rows, setRows] = useState<ReliefRequest[]>([]);
  const [overdue, setOverdue] = useState<ReliefRequest[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [openId, setOpenId] = useState<string>();
  const [changes, setChanges] = useState(0);
  const [filing, setFiling] = useState(false);
  const { message } = App.useApp();
  // 政府托举 is filed by the village, township and county staff who write the registry.
  const mayFile = can(user, 'registry.write');

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    void changes;
    Promise.all([reliefApi.list({ status: status || undefined, pageSize: 200 }), reliefApi.overdue()])
      .then(([list, late]) => {
        if (!live) return;
        setRows(list.items);
        setOverdue(late.items);
      })
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [status, changes]);

  return (
    <>
      <PageHead
        title="救助申请"
        extra={
          mayFile && (
            <Button type="primary" onClick={() => setFiling(true)} data-testid="relief-file">
              代为申请（政府托举）
            </Button>
          )
        }
      >
        <div className="sx-muted">
          线上受理、县级办理、省州监管：群众在手机上提交的救助申请，由主管部门按时限办理答复。
        </div>
      </PageHead>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card>
        <Tabs
          items={[
            {
              key: 'inbox',
              label: user.role === 'department' ? '本部门收件箱' : '申请列表',
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Radio.Group value={status} onChange={(e) => setStatus(e.target.value)} optionType="button">
                    <Radio value="open">未办结</Radio>
                    <Radio value="submitted">待受理</Radio>
                    <Radio value="accepted">办理中</Radio>
                    <Radio value="replied">已办结</Radio>
                    <Radio value="">全部</Radio>
                  </Radio.Group>
                  <RequestTable rows={rows} loading={loading} onOpen={setOpenId} testId="relief-inbox" />
                </Space>
              ),
            },
            {
              key: 'overdue',
              label: `超期督办（${overdue.length}）`,
              children: <RequestTable rows={overdue} loading={loading} onOpen={setOpenId} testId="relief-overdue" />,
            },
            ...(user.role === 'department'
              ? []
              : [{ key: 'figures', label: '统计', children: <FiguresTab region={user.regionCode} /> }]),
          ]}
        />
      </Card>
      <GovernmentFilingModal
        open={filing}
        pickerRoot={user.regionCode}
        onClose={() => setFiling(false)}
        onFiled={(done) => {
          setFiling(false);
          setChanges((n) => n + 1);
          message.success(`已提交，查询码 ${done.trackingCode}，由${done.departmentName}办理`);
        }}
      />
      <RequestDrawer id={openId} onClose={() => setOpenId(undefined)} onChanged={() => setChanges((n) => n + 1)} />
    </>
  );
}
