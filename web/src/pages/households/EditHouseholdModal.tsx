import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { householdsApi } from '../../api/households';
import type { HouseholdFile } from '../../api/types';
import { FormError } from '../../components/FormError';
import { label, RELATION } from '../../domain/labels';
import { applyServerError } from '../../forms/server-errors';

interface Values {
  address: string;
  liftedOut: boolean;
  liftedOutYear: number | null;
  headPersonId: string;
}

/**
 * 修改农户信息: address, 脱贫户, head. Sends the version read, so a concurrent edit is refused. The responsible person
 * is assigned in the household's 帮扶 tab (PUT /api/households/:id/responsible), which keeps its history and deadline.
 */
export function EditHouseholdModal({
  file,
  open,
  onClose,
  onSaved,
}: {
  file: HouseholdFile;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const liftedOut = Form.useWatch('liftedOut', form);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await householdsApi.update(file.id, {
        address: v.address.trim(),
        liftedOut: v.liftedOut,
        liftedOutYear: v.liftedOut ? (v.liftedOutYear ?? null) : null,
        ...(v.headPersonId && v.headPersonId !== file.headPersonId ? { headPersonId: v.headPersonId } : {}),
        version: file.version,
      });
      onSaved();
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="修改农户信息"
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          address: file.address,
          liftedOut: file.liftedOut,
          liftedOutYear: file.liftedOutYear,
          headPersonId: file.headPersonId ?? undefined,
        }}
      >
        <Form.Item name="address" label="住址" rules={[{ max: 200, message: '住址最多200个字' }]}>
          <Input placeholder="如：某某村一组12号" />
        </Form.Item>
        <Form.Item name="liftedOut" label="脱贫户" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        {liftedOut && (
          <Form.Item
            name="liftedOutYear"
            label="脱贫年度"
            rules={[{ type: 'number', min: 2013, max: 2020, message: '脱贫年度应在2013至2020年之间' }]}
          >
            <InputNumber precision={0} style={{ width: 160 }} placeholder="2013–2020" />
          </Form.Item>
        )}
        <Form.Item name="headPersonId" label="户主">
          <Select
            options={file.members
              .filter((m) => m.status === 'normal')
              .map((m) => ({ value: m.id, label: `${m.name}（${label(RELATION, m.relation)}）` }))}
          />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
