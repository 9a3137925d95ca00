import { Form, Input, Modal, Select } from 'antd';
import type { CaseActionInput, CaseDetail } from '../../api/cases';

export type NoteAction = 'return' | 'reject' | 'close' | 'reverse';

const TEXT: Record<NoteAction, { title: string; note: string; ok: string; success: string }> = {
  return: { title: '退回', note: '退回理由', ok: '确认退回', success: '已退回' },
  reject: {
    title: '不予通过',
    note: '不予通过的理由（记入办理记录，不写入告知书）',
    ok: '确认不予通过',
    success: '已作出不予通过决定',
  },
  close: { title: '关闭事项', note: '关闭原因', ok: '确认关闭', success: '事项已关闭' },
  reverse: {
    title: '撤销上一步骤',
    note: '撤销原因（撤销作为新记录保存，原记录不改）',
    ok: '确认撤销',
    success: '已撤销上一步骤',
  },
};

/** An inclusion refused is 不予认定, the rules' word (issue 10); the notice names the step and body, not this note. */
const REJECT_INCLUSION = {
  title: '不予认定',
  note: '不予认定的理由（记入办理记录；告知书按规定用语写明环节和决定单位，不写入此处文字）',
  ok: '确认不予认定',
  success: '已作出不予认定决定',
};

export const noteActionSuccess = (a: NoteAction) => TEXT[a].success;

/** 退回 / 不予通过 / 关闭 / 撤销: each needs its reason; a return may name the village step to go back to. */
export function NoteActionModal({
  c,
  action,
  busy,
  onClose,
  onSubmit,
}: {
  c: CaseDetail;
  action: NoteAction | undefined;
  busy: boolean;
  onClose: () => void;
  onSubmit: (body: CaseActionInput) => void;
}) {
  const [form] = Form.useForm<{ note: string; toStepCode?: string }>();
  const text = action === 'reject' && c.kind === 'inclusion' ? REJECT_INCLUSION : action ? TEXT[action] : undefined;
  const villageSteps = c.state.template.steps
    .map((s, i) => ({ s, i }))
    .filter(({ s, i }) => s.level === 'village' && i <= c.state.current.stepIndex);

  const submit = async () => {
    if (!action) return;
    const v = await form.validateFields();
    onSubmit({
      type: action,
      note: v.note.trim(),
      ...(action === 'return' && v.toStepCode ? { toStepCode: v.toStepCode } : {}),
    });
  };

  return (
    <Modal
      title={text?.title}
      open={action !== undefined}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={text?.ok}
      okButtonProps={{ danger: action !== 'return' }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        {action === 'return' && (
          <Form.Item name="toStepCode" label="退回到" extra="不选则退回到此前最近的村级公示步骤">
            <Select
              allowClear
              placeholder="默认"
              options={villageSteps.map(({ s }) => ({ value: s.code, label: s.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={text?.note}
          rules={[{ required: true, whitespace: true, message: `请填写${text?.note ?? '理由'}` }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
