import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type Clue, cluesApi } from '../../api/clues';
import { FormError } from '../../components/FormError';
import { applyServerError } from '../../forms/server-errors';

/** 分派核实人: the clue moves to 核实中. */
export function AssignClueModal({
  clue,
  onClose,
  onDone,
}: {
  clue: Clue | undefined;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ assigneeName: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!clue) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await cluesApi.assign(clue.id, v.assigneeName.trim());
      onDone();
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="分派核实人"
      open={clue !== undefined}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="分派"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ assigneeName: clue?.assigneeName ?? '' }}>
        <Form.Item
          name="assigneeName"
          label="核实人"
          rules={[
            { required: true, whitespace: true, message: '请填写核实人姓名' },
            { max: 50, message: '最多50字' },
          ]}
        >
          <Input placeholder="如：村监测信息员王某" autoFocus />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
