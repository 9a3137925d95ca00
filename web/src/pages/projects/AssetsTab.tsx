import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  type AssetChange,
  type AssetChangeKind,
  type AssetInput,
  type AssetOwnerKind,
  type IncomePurpose,
  type ProjectAsset,
  type ProjectDetail,
  projectsApi,
} from '../../api/projects';
import { FormError } from '../../components/FormError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { VillageSelect } from '../../components/VillageSelect';
import { formatDate } from '../../domain/format';
import {
  ASSET_CHANGE_KIND,
  ASSET_CHANGE_STATUS,
  ASSET_KIND,
  ASSET_OWNER_KIND,
  ASSET_STATUS,
  INCOME_PURPOSE,
  label,
  options,
} from '../../domain/project-labels';
import { applyServerError } from '../../forms/server-errors';
import { useLoad, wan } from './project-ui';

type Dialog =
  | { kind: 'add' }
  | { kind: 'income'; asset: ProjectAsset }
  | { kind: 'change'; asset: ProjectAsset }
  | { kind: 'decide'; asset: ProjectAsset; change: AssetChange };

/**
 * 项目资产 (SPEC §13 item 6): after acceptance the assets a project created, their yearly income and its
 * distribution, and changes of owner or write-offs that another officer approves.
 */
export function AssetsTab({ detail }: { detail: ProjectDetail }) {
  const p = detail.project;
  const { data: assets, error, reload } = useLoad(() => projectsApi.assets(p.id), [p.id]);
  const [dialog, setDialog] = useState<Dialog>();
  const accepted = ['accepted', 'operating'].includes(p.status);
  const done = () => {
    setDialog(undefined);
    reload();
  };
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text data-testid="asset-figures">
          {accepted
            ? `共${assets?.length ?? 0}项资产，原值${wan((assets ?? []).reduce((s, a) => s + a.valueYuan, 0))}`
            : '项目验收后登记其形成的资产'}
        </Typography.Text>
        {detail.canEdit && accepted && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })} data-testid="asset-add">
            登记资产
          </Button>
        )}
      </Space>
      <ResponsiveTable<ProjectAsset>
        rowKey="id"
        size="small"
        loading={!assets}
        dataSource={assets ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: '暂无资产' }}
        data-testid="asset-table"
        expandable={{ expandedRowRender: (a) => <AssetHistory asset={a} /> }}
        columns={[
          { title: '资产名称', dataIndex: 'name' },
          { title: '类别', render: (_, a) => label(ASSET_KIND, a.kind) },
          { title: '原值', render: (_, a) => wan(a.valueYuan) },
          { title: '所在地', render: (_, a) => `${a.regionName} ${a.location}` },
          { title: '所有权', render: (_, a) => `${label(ASSET_OWNER_KIND, a.ownerKind)} · ${a.ownerName}` },
          { title: '管护责任人', dataIndex: 'caretaker' },
          {
            title: '状态',
            render: (_, a) => (
              <Space wrap size={4}>
                <Tag color={a.status === 'in_use' ? 'green' : 'default'}>{label(ASSET_STATUS, a.status)}</Tag>
                {a.changes.some((c) => c.status === 'pending') && <Tag color="orange">变更待审批</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_, a) => {
              const pending = a.changes.find((c) => c.status === 'pending');
              if (!detail.canEdit || a.status !== 'in_use') return null;
              return (
                <Space wrap size={4}>
                  <Button size="small" onClick={() => setDialog({ kind: 'income', asset: a })}>
                    登记收益
                  </Button>
                  {pending ? (
                    pending.canDecide && (
                      <Button
                        size="small"
                        type="primary"
                        ghost
                        onClick={() => setDialog({ kind: 'decide', asset: a, change: pending })}
                      >
                        审批变更
                      </Button>
                    )
                  ) : (
                    <Button size="small" onClick={() => setDialog({ kind: 'change', asset: a })}>
                      变更或核销
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {dialog?.kind === 'add' && <AddAssetDialog detail={detail} onClose={() => setDialog(undefined)} onDone={done} />}
      {dialog?.kind === 'income' && (
        <IncomeDialog asset={dialog.asset} onClose={() => setDialog(undefined)} onDone={done} />
      )}
      {dialog?.kind === 'change' && (
        <ChangeDialog asset={dialog.asset} onClose={() => setDialog(undefined)} onDone={done} />
      )}
      {dialog?.kind === 'decide' && (
        <DecideDialog change={dialog.change} onClose={() => setDialog(undefined)} onDone={done} />
      )}
    </>
  );
}

/** Incomes by year and the requests of one asset, shown under its row. */
function AssetHistory({ asset }: { asset: ProjectAsset }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} title="年度收益及分配">
        {asset.incomes.length === 0 && <Descriptions.Item label="收益">暂无</Descriptions.Item>}
        {asset.incomes.map((i) => (
          <Descriptions.Item key={i.year} label={`${i.year}年`}>
            收益{wan(i.incomeYuan)}
            {i.distribution.length > 0 &&
              `：${i.distribution.map((d) => `${label(INCOME_PURPOSE, d.purpose)}${wan(d.amountYuan)}`).join('，')}`}
            {i.undistributedYuan > 0 && `；未分配${wan(i.undistributedYuan)}`}
            {i.note && `（${i.note}）`}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {asset.changes.length > 0 && (
        <Descriptions size="small" column={1} title="变更和核销">
          {asset.changes.map((c) => (
            <Descriptions.Item key={c.id} label={`${label(ASSET_CHANGE_KIND, c.kind)} · ${formatDate(c.requestedAt)}`}>
              {c.reason}
              {c.newOwnerName && `，移交给${label(ASSET_OWNER_KIND, c.newOwnerKind)} ${c.newOwnerName}`}
              {'；'}
              {label(ASSET_CHANGE_STATUS, c.status)}
              {c.decisionNote && `（${c.decisionNote}）`}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Space>
  );
}

/** A modal form that shows the server's error on its fields and closes when saved. */
function useSave<T>(onDone: () => void, success: string) {
  const { message } = App.useApp();
  const [form] = Form.useForm<T>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const save = async (send: (v: T) => Promise<unknown>) => {
    const v = await form.validateFields();
    setSaving(true);
    setFailure(undefined);
    try {
      await send(v);
      message.success(success);
      onDone();
    } catch (e) {
      setFailure(e);
      applyServerError(form, e);
    } finally {
      setSaving(false);
    }
  };
  return { form, saving, failure, save };
}

function AddAssetDialog({
  detail,
  onClose,
  onDone,
}: {
  detail: ProjectDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const p = detail.project;
  const { form, saving, failure, save } = useSave<Omit<AssetInput, 'registeredOn'> & { registeredOn?: Dayjs }>(
    onDone,
    '资产已登记',
  );
  const root = p.regionCode.length >= 12 ? p.regionCode.slice(0, 9) : p.regionCode;
  return (
    <Modal
      title="登记项目资产"
      open
      onCancel={onClose}
      okText="登记"
      confirmLoading={saving}
      destroyOnHidden
      onOk={() =>
        save((v) =>
          projectsApi.addAsset(p.id, {
            ...v,
            registeredOn: v.registeredOn ? v.registeredOn.format('YYYY-MM-DD') : undefined,
          }),
        )
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'operating',
          ownerKind: 'collective',
          regionCode: p.regionCode.length >= 12 ? p.regionCode : undefined,
          registeredOn: dayjs(),
        }}
      >
        <FormError error={failure} />
        <Form.Item
          name="name"
          label="资产名称"
          rules={[{ required: true, whitespace: true, message: '请填写资产名称' }]}
        >
          <Input maxLength={100} placeholder="如：当归初加工车间" />
        </Form.Item>
        <Form.Item name="kind" label="资产类别" rules={[{ required: true, message: '请选择' }]}>
          <Select options={options(ASSET_KIND)} />
        </Form.Item>
        <Form.Item name="valueYuan" label="资产原值" rules={[{ required: true, message: '请填写原值' }]}>
          <InputNumber min={0} precision={2} addonAfter="元" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="regionCode" label="所在村" rules={[{ required: true, message: '请选择所在村' }]}>
          <VillageSelect rootCode={root} />
        </Form.Item>
        <Form.Item
          name="location"
          label="具体位置"
          rules={[{ required: true, whitespace: true, message: '请填写位置' }]}
        >
          <Input maxLength={200} placeholder="如：村委会东侧200米" />
        </Form.Item>
        <Form.Item name="ownerKind" label="所有权" rules={[{ required: true, message: '请选择' }]}>
          <Select options={options(ASSET_OWNER_KIND)} />
        </Form.Item>
        <Form.Item
          name="ownerName"
          label="产权单位"
          rules={[{ required: true, whitespace: true, message: '请填写产权单位' }]}
        >
          <Input maxLength={100} placeholder="如：村股份经济合作社" />
        </Form.Item>
        <Form.Item
          name="caretaker"
          label="管护责任人"
          rules={[{ required: true, whitespace: true, message: '请填写管护责任人' }]}
        >
          <Input maxLength={100} placeholder="如：村委会主任 张建国" />
        </Form.Item>
        <Form.Item name="registeredOn" label="登记日期">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function IncomeDialog({ asset, onClose, onDone }: { asset: ProjectAsset; onClose: () => void; onDone: () => void }) {
  const { form, saving, failure, save } = useSave<{
    year: number;
    incomeYuan: number;
    distribution: { purpose: IncomePurpose; amountYuan: number }[];
    note?: string;
  }>(onDone, '收益已登记');
  const year = dayjs().year();
  return (
    <Modal
      title={`登记年度收益：${asset.name}`}
      open
      onCancel={onClose}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
      onOk={() => save((v) => projectsApi.recordAssetIncome(asset.id, { ...v, distribution: v.distribution ?? [] }))}
    >
      <Form form={form} layout="vertical" initialValues={{ year, distribution: [{ purpose: 'household_dividend' }] }}>
        <FormError error={failure} />
        <Form.Item name="year" label="收益年度" rules={[{ required: true, message: '请选择年度' }]}>
          <Select options={[year, year - 1, year - 2].map((y) => ({ value: y, label: `${y}年` }))} />
        </Form.Item>
        <Form.Item name="incomeYuan" label="当年收益" rules={[{ required: true, message: '请填写收益' }]}>
          <InputNumber min={0} precision={2} addonAfter="元" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="收益分配（合计不超过当年收益，余额为未分配）" name="distribution" noStyle>
          <Form.List name="distribution">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'purpose']} rules={[{ required: true, message: '请选择用途' }]}>
                      <Select options={options(INCOME_PURPOSE)} style={{ width: 200 }} placeholder="用途" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amountYuan']} rules={[{ required: true, message: '请填写金额' }]}>
                      <InputNumber min={0.01} precision={2} addonAfter="元" placeholder="金额" />
                    </Form.Item>
                    <MinusCircleOutlined aria-label="删除此项" onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} block>
                    添加分配用途
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input maxLength={500} placeholder="如：经村民代表大会通过，按比例分配" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ChangeDialog({ asset, onClose, onDone }: { asset: ProjectAsset; onClose: () => void; onDone: () => void }) {
  const { form, saving, failure, save } = useSave<{
    kind: AssetChangeKind;
    reason: string;
    newOwnerKind?: AssetOwnerKind;
    newOwnerName?: string;
    newCaretaker?: string;
  }>(onDone, '申请已提交，待其他经办人审批');
  const kind = Form.useWatch('kind', form);
  return (
    <Modal
      title={`资产变更或核销：${asset.name}`}
      open
      onCancel={onClose}
      okText="提交申请"
      confirmLoading={saving}
      destroyOnHidden
      onOk={() => save((v) => projectsApi.requestAssetChange(asset.id, v))}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'transfer' }}>
        <FormError error={failure} />
        <Form.Item name="kind" label="申请事项" rules={[{ required: true, message: '请选择' }]}>
          <Select options={options(ASSET_CHANGE_KIND)} />
        </Form.Item>
        {kind !== 'write_off' && (
          <>
            <Form.Item name="newOwnerKind" label="新的所有权" rules={[{ required: true, message: '请选择' }]}>
              <Select options={options(ASSET_OWNER_KIND)} />
            </Form.Item>
            <Form.Item
              name="newOwnerName"
              label="新的产权单位"
              rules={[{ required: true, whitespace: true, message: '请填写' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="newCaretaker" label="新的管护责任人（不变可不填）">
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Typography.Text type="secondary">申请须由本人以外的经办人审批后生效。</Typography.Text>
      </Form>
    </Modal>
  );
}

function DecideDialog({ change, onClose, onDone }: { change: AssetChange; onClose: () => void; onDone: () => void }) {
  const { form, saving, failure, save } = useSave<{ note?: string }>(onDone, '审批已完成');
  const decide = (approve: boolean) => save((v) => projectsApi.decideAssetChange(change.id, { approve, note: v.note }));
  return (
    <Modal
      title={`审批：${label(ASSET_CHANGE_KIND, change.kind)}`}
      open
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button onClick={onClose}>取消</Button>
          <Button danger loading={saving} onClick={() => decide(false)}>
            不批准
          </Button>
          <Button type="primary" loading={saving} onClick={() => decide(true)} data-testid="asset-approve">
            批准
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical">
        <FormError error={failure} />
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="申请人">{change.requestedBy}</Descriptions.Item>
          <Descriptions.Item label="理由">{change.reason}</Descriptions.Item>
          {change.newOwnerName && (
            <Descriptions.Item label="移交给">
              {label(ASSET_OWNER_KIND, change.newOwnerKind)} {change.newOwnerName}
              {change.newCaretaker && `，管护责任人 ${change.newCaretaker}`}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Form.Item name="note" label="审批意见（不批准时必填）">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
