import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Milestone, type ProgressReport, projectsApi } from '../../api/projects';
import { FormError } from '../../components/FormError';
import { MILESTONE, options } from '../../domain/project-labels';
import { applyServerError } from '../../forms/server-errors';

interface Values {
  month: Dayjs;
  milestones: Milestone[];
  worksPercent: number;
  paidYuan: number;
  note?: string;
  evidence?: string[];
}

/** 月度进度填报 (SPEC §13): milestones reached in the month, share of works done, cumulative funds paid, evidence. */
export function ProgressDialog({
  projectId,
  last,
  open,
  onClose,
  onDone,
}: {
  projectId: string;
  last: ProgressReport | undefined;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setFailure(undefined);
    try {
      await projectsApi.report(projectId, {
        month: v.month.format('YYYY-MM'),
        milestones: v.milestones ?? [],
        worksShare: Math.round(v.worksPercent * 10) / 1000,
        paidYuan: v.paidYuan,
        ...(v.note ? { note: v.note } : {}),
        ...(v.evidence?.length ? { evidence: v.evidence } : {}),
      });
      message.success('进度已填报');
      onDone();
    } catch (e) {
      setFailure(e);
      applyServerError(form, e, (f) => (f === 'worksShare' ? 'worksPercent' : f));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="填报月度进度"
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="提交"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          month: dayjs().startOf('month'),
          milestones: [],
          worksPercent: last ? Math.round(last.worksShare * 1000) / 10 : 0,
          paidYuan: last?.paidYuan ?? 0,
        }}
      >
        <FormError error={failure} />
        <Form.Item name="month" label="月份" rules={[{ required: true, message: '请选择月份' }]}>
          <DatePicker picker="month" allowClear={false} style={{ width: '100%' }} aria-label="月份" />
        </Form.Item>
        <Form.Item name="milestones" label="本月完成的节点">
          <Checkbox.Group options={options(MILESTONE)} />
        </Form.Item>
        <Form.Item name="worksPercent" label="累计完成工程量" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber
            min={0}
            max={100}
            precision={1}
            addonAfter="%"
            style={{ width: '100%' }}
            aria-label="累计完成工程量"
          />
        </Form.Item>
        <Form.Item name="paidYuan" label="累计拨付资金" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={0} precision={2} addonAfter="元" style={{ width: '100%' }} aria-label="累计拨付资金" />
        </Form.Item>
        <Form.Item name="evidence" label="佐证材料（名称）">
          <Select mode="tags" placeholder="如：施工合同、监理日志、拨款凭证" open={false} aria-label="佐证材料" />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
