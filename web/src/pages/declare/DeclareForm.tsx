import { Button, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { type Declaration, declarationsApi } from '../../api/declarations';
import { FormError } from '../../components/FormError';
import { normalizeIdNumber } from '../../domain/id-number';
import { HARDSHIP } from '../../domain/procedure-labels';
import { applyServerError } from '../../forms/server-errors';
import { idNumberRules, normalizePhone, phoneRules, villageRules } from './applicant-fields';
import { VillageField } from './VillageField';

type Values = Omit<Declaration, 'signatureConfirmed'> & { signatureConfirmed?: boolean };

/**
 * 农户自主申报 form (SPEC §6 channel 1): who, the village, what hardship, in the citizen's words. A village cadre
 * logged in on the same browser declares on behalf of a farmer and must confirm the farmer signed on paper.
 */
export function DeclareForm({
  village,
  pickerRoot,
  onBehalf,
  onDone,
}: {
  village?: string;
  pickerRoot?: string;
  onBehalf: boolean;
  onDone: (r: { trackingCode: string; message: string }) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await declarationsApi.declare({
        name: v.name.trim(),
        idNumber: normalizeIdNumber(v.idNumber),
        phone: normalizePhone(v.phone),
        villageCode: v.villageCode,
        hardship: v.hardship,
        description: v.description.trim(),
        ...(onBehalf ? { signatureConfirmed: v.signatureConfirmed === true } : {}),
      });
      onDone(r);
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={submit}
      initialValues={{ villageCode: village, hardship: [] }}
      className="sx-declare-form"
      scrollToFirstError
    >
      <Form.Item name="villageCode" label="所在村（社区）" rules={villageRules}>
        <VillageField pickerRoot={pickerRoot} />
      </Form.Item>
      <Form.Item name="name" label="申报人姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={30} autoComplete="name" />
      </Form.Item>
      <Form.Item name="idNumber" label="身份证号" rules={idNumberRules}>
        <Input maxLength={20} placeholder="18位身份证号" />
      </Form.Item>
      <Form.Item name="phone" label="手机号码" extra="用于查询办理进度，村干部也会通过此号码联系您" rules={phoneRules}>
        <Input inputMode="tel" maxLength={20} autoComplete="tel" />
      </Form.Item>
      <Form.Item
        name="hardship"
        label="遇到的困难（可多选）"
        rules={[{ type: 'array', min: 1, message: '请至少选择一项困难' }]}
      >
        <Checkbox.Group className="sx-hardship">
          {Object.entries(HARDSHIP).map(([value, text]) => (
            <Checkbox key={value} value={value}>
              {text}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        name="description"
        label="具体情况"
        rules={[
          { required: true, whitespace: true, message: '请简要说明家里遇到的情况' },
          { max: 2000, message: '最多2000字' },
        ]}
      >
        <Input.TextArea rows={4} placeholder="如：丈夫今年3月住院，自付医药费四万多元，家里没有其他收入" />
      </Form.Item>
      {onBehalf && (
        <Form.Item
          name="signatureConfirmed"
          valuePropName="checked"
          rules={[
            { validator: async (_, v) => (v ? undefined : Promise.reject(new Error('代为申报须有农户本人签字'))) },
          ]}
        >
          <Checkbox>村干部代为申报：农户本人已在纸质申报表上签字确认</Checkbox>
        </Form.Item>
      )}
      <FormError error={error} />
      <Button type="primary" htmlType="submit" block loading={busy} className="sx-declare-submit">
        提交申报
      </Button>
    </Form>
  );
}
