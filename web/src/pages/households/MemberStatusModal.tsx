import { Alert, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { householdsApi } from '../../api/households';
import type { Member } from '../../api/types';
import { FormError } from '../../components/FormError';
import { options, PERSON_STATUS } from '../../domain/labels';

/**
 * 变更成员状态: death, imprisonment, missing, no longer sharing the household's income. Only members in the normal
 * status count in per-capita income (SPEC §7.2 item 9), so the change is explained before it is saved.
 */
export function MemberStatusModal({
  member,
  onClose,
  onSaved,
}: {
  member: Member | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<{ status: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!member) return;
    const { status } = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await householdsApi.updateMember(member.id, { status });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={member ? `变更成员状态：${member.name}` : '变更成员状态'}
      open={!!member}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="只有状态为“正常”的成员计入家庭人口和人均纯收入。户主须先在“修改农户信息”中更换。"
      />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ status: member?.status }}>
        <Form.Item name="status" label="成员状态" rules={[{ required: true, message: '请选择状态' }]}>
          <Select options={options(PERSON_STATUS)} />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
