import { Form, Modal } from 'antd';
import { useState } from 'react';
import { householdsApi } from '../../api/households';
import { FormError } from '../../components/FormError';
import { applyServerError } from '../../forms/server-errors';
import { PersonFields, toPersonInput } from './PersonFields';

/** 新增家庭成员. The server refuses an ID number already registered in another household (one person, one household). */
export function AddMemberModal({
  householdId,
  open,
  onClose,
  onSaved,
}: {
  householdId: string;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    setBusy(true);
    setError(undefined);
    try {
      await householdsApi.addMember(householdId, toPersonInput(v));
      onSaved();
    } catch (e) {
      setError(e);
      applyServerError(form, e, (f) => f.replace(/^member\./, ''));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="新增家庭成员"
      open={open}
      width={760}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ relation: 'child' }}>
        <PersonFields allowHead={false} />
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
