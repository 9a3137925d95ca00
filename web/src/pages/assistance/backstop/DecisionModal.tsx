import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { assistanceApi, type BackstopKind, type BackstopProposal } from '../../../api/assistance';
import { FormError } from '../../../components/FormError';
import { label, options } from '../../../domain/labels';
import { applyServerError } from '../../../forms/server-errors';
import { BACKSTOP_KIND } from '../assistance-labels';

interface Values {
  decision: 'approved' | 'rejected';
  grantedKind: BackstopKind;
  decidedOn: Dayjs;
  note?: string;
}

/** 民政部门认定: approve (possibly a different kind, e.g. 低保 instead of 特困) or reject with the reason. */
export function DecisionModal({
  proposal,
  onClose,
  onSaved,
}: {
  proposal: BackstopProposal | undefined;
  onClose: () => void;
  onSaved: (approved: boolean) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const decision = Form.useWatch('decision', form);

  const submit = async () => {
    if (!proposal) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await assistanceApi.decide(proposal.id, {
        decision: v.decision,
        ...(v.decision === 'approved' ? { grantedKind: v.grantedKind } : {}),
        decidedOn: v.decidedOn.format('YYYY-MM-DD'),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      onSaved(v.decision === 'approved');
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={proposal ? `兜底保障认定：${proposal.headName ?? ''}户（${proposal.householdCode}）` : '兜底保障认定'}
      open={proposal !== undefined}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存认定结果"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      {proposal && (
        <p>
          提请纳入{label(BACKSTOP_KIND, proposal.kind)}：{proposal.reason}
        </p>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ decision: 'approved', grantedKind: proposal?.kind, decidedOn: dayjs() }}
      >
        <Form.Item name="decision" label="认定结果">
          <Radio.Group
            options={[
              { value: 'approved', label: '认定纳入' },
              { value: 'rejected', label: '不予认定' },
            ]}
          />
        </Form.Item>
        {decision !== 'rejected' && (
          <Form.Item name="grantedKind" label="纳入" rules={[{ required: true, message: '请选择' }]}>
            <Select options={options(BACKSTOP_KIND)} />
          </Form.Item>
        )}
        <Form.Item name="decidedOn" label="认定日期" rules={[{ required: true, message: '请选择认定日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="note"
          label={decision === 'rejected' ? '不予认定的理由' : '说明'}
          rules={[
            { required: decision === 'rejected', whitespace: true, message: '不予认定须写明理由' },
            { max: 2000, message: '最多2000字' },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
