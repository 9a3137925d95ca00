/** The application list and the detail drawer with its actions, shared by the inbox and the household file. */
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Image,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Timeline,
} from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type ReliefActionBody, type ReliefDetail, type ReliefRequest, reliefApi } from '../../api/relief';
import { useUser } from '../../app/auth';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../domain/format';
import { Link } from '../../router/Link';
import { DEPARTMENT } from '../assistance/assistance-labels';

const STATUS_COLOUR: Record<string, string> = { submitted: 'orange', accepted: 'blue', replied: 'green' };

export function RequestTable({
  rows,
  loading,
  onOpen,
  testId,
}: {
  rows: ReliefRequest[];
  loading: boolean;
  onOpen: (id: string) => void;
  testId: string;
}) {
  return (
    <ResponsiveTable<ReliefRequest>
      data-testid={testId}
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      columns={[
        {
          title: '查询码',
          mobile: 'title',
          dataIndex: 'trackingCode',
          render: (v: string, r) => (
            <Button type="link" size="small" onClick={() => onOpen(r.id)}>
              {v}
            </Button>
          ),
        },
        { title: '申请人', mobile: true, dataIndex: 'applicantName' },
        { title: '事项', mobile: true, dataIndex: 'itemName' },
        { title: '所在村', dataIndex: 'village' },
        { title: '办理部门', dataIndex: 'departmentName' },
        { title: '方式', dataIndex: 'channelName' },
        {
          title: '状态',
          mobile: true,
          dataIndex: 'statusName',
          render: (v: string, r) => (
            <Space size={4} wrap>
              <Tag color={STATUS_COLOUR[r.status]}>{v}</Tag>
              {r.overdue && <Tag color="red">{r.escalation === 'prefecture' ? '已上报' : '超期'}</Tag>}
              {r.urgedCount > 0 && <Tag color="volcano">督办{r.urgedCount}次</Tag>}
            </Space>
          ),
        },
        { title: '受理日期', dataIndex: 'receivedOn' },
        { title: '答复期限', dataIndex: 'dueOn', render: (v: string, r) => `${v}${r.dueEstimated ? '（估）' : ''}` },
      ]}
    />
  );
}

type Dialog = 'refer' | 'reply' | 'urge';

function ActionModal({
  kind,
  detail,
  onClose,
  onDone,
}: {
  kind: Dialog | undefined;
  detail: ReliefDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ department?: string; text: string; outcome?: 'resolved' | 'not_eligible' }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const title = kind === 'refer' ? '转办' : kind === 'reply' ? '办结答复' : '督办';
  const submit = async () => {
    const v = await form.validateFields();
    const body: ReliefActionBody =
      kind === 'refer'
        ? { type: 'refer', department: v.department ?? '', reason: v.text }
        : kind === 'reply'
          ? { type: 'reply', outcome: v.outcome ?? 'resolved', note: v.text }
          : { type: 'urge', note: v.text };
    setBusy(true);
    setError(undefined);
    try {
      await reliefApi.act(detail.id, body);
      form.resetFields();
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={kind !== undefined}
      title={title}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText="确定"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ outcome: 'resolved' }}>
        {kind === 'refer' && (
          <Form.Item name="department" label="转至部门" rules={[{ required: true, message: '请选择部门' }]}>
            <Select
              options={Object.entries(DEPARTMENT)
                .filter(([code]) => code !== detail.department)
                .map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        )}
        {kind === 'reply' && (
          <Form.Item name="outcome" label="办理结果">
            <Radio.Group>
              <Radio value="resolved">已解决</Radio>
              <Radio value="not_eligible">经核实不符合条件</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={kind === 'refer' ? '转办理由' : kind === 'reply' ? '答复内容（申请人可见）' : '督办意见'}
          rules={[{ required: true, whitespace: true, message: '请填写' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

export function RequestDrawer({ id, onClose, onChanged }: { id?: string; onClose: () => void; onChanged: () => void }) {
  const user = useUser();
  const { message } = App.useApp();
  const [d, setD] = useState<ReliefDetail>();
  const [error, setError] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>();
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    setD(undefined);
    setError(undefined);
    void reload;
    if (id)
      reliefApi.detail(id).then(
        (r) => live && setD(r),
        (e) => live && setError(errorMessage(e)),
      );
    return () => {
      live = false;
    };
  }, [id, reload]);

  const changed = (text: string) => {
    setDialog(undefined);
    setReload((n) => n + 1);
    onChanged();
    message.success(text);
  };
  const accept = async () => {
    if (!d) return;
    try {
      await reliefApi.act(d.id, { type: 'accept' });
      changed('已受理');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const open = d && d.status !== 'replied';
  const mayUrge = user.role === 'county' || user.role === 'supervisor';

  return (
    <Drawer open={id !== undefined} onClose={onClose} title="救助申请" size="large" className="sx-drawer">
      {error && <Alert type="error" showIcon title={error} />}
      {d && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="relief-detail">
          {d.overdue && <Alert type="error" showIcon title={d.escalationName} />}
          <Space wrap>
            {open && d.mayHandle && d.status === 'submitted' && (
              <Button type="primary" onClick={accept} data-testid="relief-accept">
                受理
              </Button>
            )}
            {open && d.mayHandle && d.status === 'accepted' && (
              <Button type="primary" onClick={() => setDialog('reply')} data-testid="relief-reply">
                办结答复
              </Button>
            )}
            {open && d.mayHandle && <Button onClick={() => setDialog('refer')}>转办</Button>}
            {open && mayUrge && (
              <Button danger onClick={() => setDialog('urge')}>
                督办
              </Button>
            )}
          </Space>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'code', label: '查询码', children: d.trackingCode },
              { key: 'item', label: '申请事项', children: d.itemName },
              { key: 'status', label: '状态', children: d.statusName },
              { key: 'dept', label: '办理部门', children: d.departmentName },
              { key: 'channel', label: '申请方式', children: d.channelName },
              {
                key: 'who',
                label: '申请人',
                children: `${d.applicantName}（${d.idNumber}） ${d.phone}`,
              },
              ...(d.proxyName
                ? [
                    {
                      key: 'proxy',
                      label: '代为申请',
                      children: `${d.proxyName}（${d.proxyRelation ?? ''}）${d.confirmedAt ? '，本人已确认' : '，本人尚未确认'}`,
                    },
                  ]
                : []),
              {
                key: 'registry',
                label: '户籍比对',
                children: d.householdId ? (
                  <Link to={`/households/${d.householdId}`}>已在基础数据库中，查看农户档案</Link>
                ) : (
                  '未在基础数据库中找到，请核实'
                ),
              },
              { key: 'village', label: '所在村', children: d.village },
              { key: 'desc', label: '困难情况', children: d.description },
              ...(d.photos.length
                ? [
                    {
                      key: 'photos',
                      label: '照片',
                      children: (
                        <Image.PreviewGroup>
                          <Space wrap size={8} data-testid="relief-detail-photos">
                            {d.photos.map((p) => (
                              <Image
                                key={p.id}
                                width={88}
                                height={88}
                                style={{ objectFit: 'cover' }}
                                src={reliefApi.photoUrl(d.id, p.id)}
                                alt={`照片${p.seq}`}
                              />
                            ))}
                          </Space>
                        </Image.PreviewGroup>
                      ),
                    },
                  ]
                : []),
              { key: 'due', label: '答复期限', children: `${d.dueOn}${d.dueEstimated ? '（按估算工作日）' : ''}` },
              ...(d.outcomeName
                ? [{ key: 'result', label: '办理结果', children: `${d.outcomeName}：${d.resultNote ?? ''}` }]
                : []),
              ...(d.rating
                ? [{ key: 'rating', label: '申请人评价', children: `${d.rating}星 ${d.ratingNote ?? ''}` }]
                : []),
            ]}
          />
          <Timeline
            items={d.steps.map((s) => ({
              key: s.seq,
              content: (
                <>
                  <div>
                    {s.actorName} {s.actionName}
                    {s.toDepartmentName && s.action === 'refer' ? ` 至${s.toDepartmentName}` : ''}
                    {s.note ? `：${s.note}` : ''}
                  </div>
                  <div className="sx-muted">{formatDateTime(s.at)}</div>
                </>
              ),
            }))}
          />
          <ActionModal kind={dialog} detail={d} onClose={() => setDialog(undefined)} onDone={() => changed('已办理')} />
        </Space>
      )}
    </Drawer>
  );
}
