import { Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { assistanceApi, type BackstopKind } from '../../api/assistance';
import { FormError } from '../../components/FormError';
import { applyServerError } from '../../forms/server-errors';
import { BACKSTOP_KIND } from './assistance-labels';

interface Values {
  kind: BackstopKind;
  reason: string;
}

/**
 * 提请兜底保障 (SPEC §9; 两项机制衔接): a monitored household without labour or stable income is referred to civil
 * affairs for 低保 or 特困, who decide under their own rules.
 */
export function BackstopProposalModal({
  householdId,
  preset,
  open,
  onClose,
  onSaved,
}: {
  householdId: string;
  preset?: { kind: BackstopKind; reason: string };
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await assistanceApi.propose(householdId, { kind: v.kind, reason: v.reason.trim() });
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
      title="提请民政部门认定兜底保障"
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="提请"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: preset?.kind ?? 'dibao', reason: preset?.reason }}
      >
        <Form.Item name="kind" label="提请纳入" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group options={Object.entries(BACKSTOP_KIND).map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="提请理由"
          rules={[
            { required: true, whitespace: true, message: '请写明提请兜底保障的理由' },
            { max: 2000, message: '最多2000字' },
          ]}
        >
          <Input.TextArea rows={4} placeholder="如：家庭成员均无劳动能力，无稳定收入来源" />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
