import { Alert, App, Divider, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { OfflineMember, OfflineValue } from '../../api/households';
import { EMPLOYMENT, HEALTH, LABOR, label, options, RELATION } from '../../domain/labels';
import { EDIT_FIELD_NAMES } from '../../offline/edit-fields';
import { type OfflineHousehold, type QueuedChange, queueEdit } from '../../offline/visit-queue';

const MEMBER_FIELDS = ['phone', 'health', 'disabilityLevel', 'labor', 'employment', 'employmentMonths'] as const;
type MemberValues = Pick<OfflineMember, (typeof MEMBER_FIELDS)[number]>;

interface Values {
  address: string;
  m: Record<string, MemberValues>;
}

const norm = (v: unknown): OfflineValue => (v === undefined || v === '' ? null : (v as OfflineValue));

/**
 * 修改农户信息 on the phone (ADR 0042): the facts that change between visits — the address and each member's phone,
 * health, labour and work. Saved on the phone as 待同步 with the values and version it had; the server applies what
 * nobody changed meanwhile and returns the rest as conflicts.
 */
export function OfflineEditModal({ household, onClose }: { household: OfflineHousehold; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const members = (household.members ?? []).filter((m) => m.status === 'normal');
  const health = Form.useWatch('m', form);

  const submit = async () => {
    const v = await form.validateFields();
    const changes: QueuedChange[] = [];
    const address = (v.address ?? '').trim();
    if (address !== household.address)
      changes.push({ field: 'address', base: household.address, value: address, name: EDIT_FIELD_NAMES.address ?? '' });
    for (const m of members) {
      const now = v.m?.[m.id];
      if (!now) continue;
      for (const field of MEMBER_FIELDS) {
        let value = norm(now[field]);
        if (field === 'phone' && typeof value === 'string') value = value.trim() || null;
        if (field === 'disabilityLevel' && now.health !== 'disabled') value = null;
        const base = norm(m[field]);
        if (value === base) continue;
        changes.push({ personId: m.id, field, base, value, name: `${m.name} · ${EDIT_FIELD_NAMES[field]}` });
      }
    }
    if (changes.length === 0) {
      message.info('没有修改');
      return;
    }
    setBusy(true);
    try {
      await queueEdit(household, `${household.headName ?? ''}（${household.code}）`, changes);
      message.success(navigator.onLine ? '修改已保存，正在同步' : '修改已保存在本机（待同步），恢复网络后自动同步');
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`修改农户信息：${household.headName ?? ''}`}
      open
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="修改先保存在本机，有网络时同步。若同一项在服务器上已被他人修改，将提示您选择保留哪一个，不会直接覆盖。"
      />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          address: household.address,
          m: Object.fromEntries(
            members.map((m) => [m.id, Object.fromEntries(MEMBER_FIELDS.map((f) => [f, m[f] ?? undefined]))]),
          ),
        }}
      >
        <Form.Item name="address" label="住址" rules={[{ max: 200, message: '住址最多200个字' }]}>
          <Input data-testid="edit-address" />
        </Form.Item>
        {members.map((m) => (
          <div key={m.id} data-testid="edit-member">
            <Divider titlePlacement="start" style={{ margin: '8px 0' }}>
              {m.name}（{label(RELATION, m.relation)}）
            </Divider>
            <Form.Item
              name={['m', m.id, 'phone']}
              label="联系电话"
              rules={[{ pattern: /^[0-9+\- ]{0,20}$/, message: '请填写电话号码（最多20位）' }]}
            >
              <Input inputMode="tel" data-testid="edit-phone" />
            </Form.Item>
            <Form.Item name={['m', m.id, 'health']} label="健康状况">
              <Select options={options(HEALTH)} />
            </Form.Item>
            {health?.[m.id]?.health === 'disabled' && (
              <Form.Item
                name={['m', m.id, 'disabilityLevel']}
                label="残疾等级"
                rules={[{ required: true, message: '残疾人须填写残疾等级' }]}
              >
                <Select options={[1, 2, 3, 4].map((n) => ({ value: n, label: `${n}级` }))} />
              </Form.Item>
            )}
            <Form.Item name={['m', m.id, 'labor']} label="劳动能力">
              <Select options={options(LABOR)} />
            </Form.Item>
            <Form.Item name={['m', m.id, 'employment']} label="务工就业">
              <Select allowClear placeholder="未填" options={options(EMPLOYMENT)} />
            </Form.Item>
            <Form.Item name={['m', m.id, 'employmentMonths']} label="务工月数">
              <InputNumber min={0} max={12} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </div>
        ))}
        {members.length === 0 && (
          <Typography.Text type="secondary">本机名单中没有该户成员信息，请更新农户名单</Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
