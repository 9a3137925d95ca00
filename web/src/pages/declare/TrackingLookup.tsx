import { Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { FormError } from '../../components/FormError';
import { normalizePhone } from './applicant-fields';

/**
 * The citizen's "查询进度" form: tracking code and the phone given when applying (declarations and relief
 * applications alike). `onLookup` gets both normalised; its error is shown under the form.
 */
export function TrackingLookup({
  code,
  phoneLabel,
  codePlaceholder,
  onLookup,
}: {
  code: string;
  phoneLabel: string;
  codePlaceholder: string;
  onLookup: (code: string, phone: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ code: string; phone: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ code });
  }, [form, code]);

  const submit = async (v: { code: string; phone: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await onLookup(v.code.trim().toUpperCase(), normalizePhone(v.phone));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={submit}>
      <Form.Item name="code" label="查询码" rules={[{ required: true, whitespace: true, message: '请填写查询码' }]}>
        <Input maxLength={20} autoCapitalize="characters" placeholder={codePlaceholder} />
      </Form.Item>
      <Form.Item name="phone" label={phoneLabel} rules={[{ required: true, message: '请填写手机号' }]}>
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
      <FormError error={error} />
      <Button type="primary" htmlType="submit" block loading={busy}>
        查询
      </Button>
    </Form>
  );
}
