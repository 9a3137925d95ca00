import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { assistanceApi, type Responsible } from '../../api/assistance';
import { FormError } from '../../components/FormError';
import { applyServerError } from '../../forms/server-errors';

interface Values {
  name: string;
  phone: string;
  unit: string;
  assignedOn: Dayjs;
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/**
 * 指定帮扶责任人 (SPEC §9: each monitored household has one, assigned promptly). The deadline is the inclusion date
 * plus the configured days; the server says whether the assignment was on time. Earlier ones stay in the history.
 */
export function ResponsibleModal({
  householdId,
  current,
  dueOn,
  open,
  onClose,
  onSaved,
}: {
  householdId: string;
  current: Responsible | null;
  dueOn: string | null;
  open: boolean;
  onClose: () => void;
  onSaved: (r: { name: string; onTime: boolean; dueOn: string | null }) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const saved = await assistanceApi.assignResponsible(householdId, {
        name: v.name.trim(),
        phone: v.phone.replace(/\s/g, ''),
        unit: v.unit.trim(),
        assignedOn: v.assignedOn.format('YYYY-MM-DD'),
      });
      onSaved(saved);
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={current ? '更换帮扶责任人' : '指定帮扶责任人'}
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      {dueOn && <p className="sx-muted">应于 {dueOn} 前指定（纳入监测之日起按本地规定天数计算）。</p>}
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ assignedOn: dayjs() }}>
        <Form.Item
          name="name"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请填写帮扶责任人姓名' },
            { max: 50, message: '最多50字' },
          ]}
        >
          <Input placeholder="如：李某某" />
        </Form.Item>
        <Form.Item
          name="unit"
          label="所在单位及职务"
          rules={[
            { required: true, whitespace: true, message: '请填写帮扶责任人所在单位' },
            { max: 100, message: '最多100字' },
          ]}
        >
          <Input placeholder="如：县乡村振兴局驻村工作队" />
        </Form.Item>
        <Form.Item
          name="phone"
          label="联系电话"
          rules={[
            { required: true, message: '请填写联系电话' },
            {
              validator: async (_, v: string | undefined) => {
                if (v && !PHONE.test(v.replace(/\s/g, ''))) throw new Error('手机11位，或区号加座机号');
              },
            },
          ]}
        >
          <Input placeholder="手机号或座机号" />
        </Form.Item>
        <Form.Item name="assignedOn" label="指定日期" rules={[{ required: true, message: '请选择指定日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
