import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Milestone, type PlanMonth, projectsApi } from '../../api/projects';
import { FormError } from '../../components/FormError';
import { MILESTONE, options } from '../../domain/project-labels';
import { applyServerError } from '../../forms/server-errors';

interface Row {
  month: Dayjs;
  milestones: Milestone[];
  percent: number;
}

/** The monthly plan (建设任务分解到月): milestones due each month and the planned cumulative payment share. */
export function PlanDialog({
  projectId,
  plan,
  open,
  onClose,
  onDone,
}: {
  projectId: string;
  plan: PlanMonth[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ months: Row[] }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const initial: Row[] = plan.length
    ? plan.map((p) => ({
        month: dayjs(`${p.month}-01`),
        milestones: p.milestones,
        percent: Math.round(p.paymentShare * 1000) / 10,
      }))
    : [{ month: dayjs().startOf('month'), milestones: ['approval'], percent: 0 }];
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setFailure(undefined);
    try {
      await projectsApi.setPlan(
        projectId,
        v.months.map((r) => ({
          month: r.month.format('YYYY-MM'),
          milestones: r.milestones ?? [],
          paymentShare: Math.round(r.percent * 10) / 1000,
        })),
      );
      message.success('月度计划已保存');
      onDone();
    } catch (e) {
      setFailure(e);
      applyServerError(form, e, (f) => f.replace('paymentShare', 'percent'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="月度计划"
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
      width={720}
    >
      <Form form={form} layout="vertical" initialValues={{ months: initial }}>
        <FormError error={failure} />
        <Form.List name="months">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" style={{ display: 'flex' }} data-testid="plan-row">
                  <Form.Item name={[f.name, 'month']} label="月份" rules={[{ required: true, message: '请选择月份' }]}>
                    <DatePicker picker="month" style={{ width: 130 }} allowClear={false} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'milestones']} label="到期节点">
                    <Select
                      mode="multiple"
                      style={{ width: 260 }}
                      options={options(MILESTONE)}
                      placeholder="本月无节点"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'percent']}
                    label="计划累计支付"
                    rules={[{ required: true, message: '请填写' }]}
                  >
                    <InputNumber min={0} max={100} precision={1} addonAfter="%" style={{ width: 130 }} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label="删除"
                      style={{ marginTop: 30 }}
                    />
                  )}
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => {
                  const rows = form.getFieldValue('months') as Row[];
                  const last = rows[rows.length - 1];
                  add({ month: (last?.month ?? dayjs()).add(1, 'month'), milestones: [], percent: last?.percent ?? 0 });
                }}
              >
                增加月份
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
