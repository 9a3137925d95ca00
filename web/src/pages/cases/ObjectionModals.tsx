import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseActionInput, Objection } from '../../api/cases';

/** 登记举报（异议）received during publicity (SPEC §8.1). */
export function RecordObjectionModal({
  open,
  busy,
  onClose,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (body: CaseActionInput) => void;
}) {
  const [form] = Form.useForm<{ receivedOn: Dayjs; from?: string; note: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    onSubmit({
      type: 'record_objection',
      receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      ...(v.from?.trim() ? { from: v.from.trim() } : {}),
      note: v.note.trim(),
    });
  };
  return (
    <Modal
      title="登记举报（异议）"
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="登记"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ receivedOn: dayjs() }}>
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="from" label="反映人（可匿名）">
          <Input maxLength={100} placeholder="如：村民（匿名）" />
        </Form.Item>
        <Form.Item
          name="note"
          label="举报（异议）内容"
          rules={[{ required: true, whitespace: true, message: '请填写举报（异议）内容' }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 答复异议: the investigation's finding (属实 / 不属实) and how it was handled. */
export function AnswerObjectionModal({
  objection,
  busy,
  onClose,
  onSubmit,
}: {
  objection: Objection | undefined;
  busy: boolean;
  onClose: () => void;
  onSubmit: (body: CaseActionInput) => void;
}) {
  const [form] = Form.useForm<{ decision: 'upheld' | 'dismissed'; note: string }>();
  const submit = async () => {
    if (!objection) return;
    const v = await form.validateFields();
    onSubmit({ type: 'answer_objection', objectionSeq: objection.seq, decision: v.decision, note: v.note.trim() });
  };
  return (
    <Modal
      title="答复举报（异议）"
      open={objection !== undefined}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="提交答复"
      confirmLoading={busy}
      destroyOnHidden
    >
      <p className="sx-muted">异议内容：{objection?.note}</p>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="decision" label="调查核实结论" rules={[{ required: true, message: '请选择核实结论' }]}>
          <Radio.Group
            options={[
              { value: 'dismissed', label: '不属实（可继续办理）' },
              { value: 'upheld', label: '属实（事项自动退回程序模板规定的步骤重新办理）' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label="调查核实情况和处理意见"
          rules={[{ required: true, whitespace: true, message: '请填写调查核实情况和处理意见' }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
