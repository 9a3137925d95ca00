import { Form, Modal } from 'antd';
import { useState } from 'react';
import { assistanceApi, type Measure } from '../../api/assistance';
import { FormError } from '../../components/FormError';
import { applyServerError } from '../../forms/server-errors';
import { MeasureFormFields, type MeasureFormValues, measureFormValues, toMeasureFields } from './MeasureFormFields';

/**
 * 修改帮扶措施: content, department and person, dates, money. The version read is sent back, so a change made by
 * someone else meanwhile is refused rather than overwritten; status and result change through 记录进展.
 */
export function EditMeasureModal({
  measure,
  onClose,
  onSaved,
}: {
  measure: Measure | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<MeasureFormValues>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!measure) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await assistanceApi.updateMeasure(measure.id, { ...toMeasureFields(v), version: measure.version });
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
      title={measure ? `修改措施：${measure.name}` : '修改措施'}
      open={measure !== undefined}
      width={720}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form<MeasureFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={measure ? measureFormValues(measure) : {}}
      >
        <MeasureFormFields />
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
