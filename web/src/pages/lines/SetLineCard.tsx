import { App, Button, Card, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { linesApi } from '../../api/lines';
import type { Region } from '../../api/types';
import { FormError } from '../../components/FormError';
import { currentYear } from '../../domain/format';
import { applyServerError } from '../../forms/server-errors';

interface Values {
  year: number;
  amount: number;
  basis?: string;
}

/** 设定监测线 for the user's own level (county, or the admin's scope); refused by the server below the level above. */
export function SetLineCard({ region, onSaved }: { region: Region; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      await linesApi.set({
        regionCode: region.code,
        year: v.year,
        amount: v.amount,
        basis: v.basis?.trim() || undefined,
      });
      message.success(`已设定${region.name}${v.year}年监测线 ${v.amount} 元`);
      form.resetFields(['amount', 'basis']);
      onSaved();
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={`设定${region.name}监测线`}>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ year: currentYear() }}>
        <Form.Item
          name="year"
          label="年度"
          rules={[
            { required: true, message: '请输入年度' },
            { type: 'number', min: 2020, max: 2100, message: '年度应在2020至2100年之间' },
          ]}
        >
          <InputNumber precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="amount"
          label="监测线（元/人·年）"
          rules={[
            { required: true, message: '请输入监测线金额' },
            { type: 'number', min: 0.01, max: 1000000, message: '监测线须为正数，不超过100万元' },
          ]}
        >
          <InputNumber<number> precision={2} min={0} style={{ width: 200 }} suffix="元" />
        </Form.Item>
        <Form.Item name="basis" label="设定依据" rules={[{ max: 500, message: '最多500个字' }]}>
          <Input.TextArea rows={3} placeholder="如：县委农村工作领导小组会议纪要（2026年第1号），不低于省定标准" />
        </Form.Item>
        <FormError error={error} />
        <Button type="primary" htmlType="submit" loading={busy}>
          设定
        </Button>
      </Form>
    </Card>
  );
}
