import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { assistanceApi, type Measure, type MeasureStatus } from '../../api/assistance';
import { FormError } from '../../components/FormError';
import { label } from '../../domain/labels';
import { applyServerError } from '../../forms/server-errors';
import { MEASURE_STATUS, NEXT_STATUS } from './assistance-labels';

interface Values {
  notedOn: Dayjs;
  note: string;
  status: MeasureStatus;
  result?: string;
}

/**
 * 记录措施进展 (SPEC §9): a dated note, optionally moving the status on. Completing or cancelling needs the result
 * (cancelling: the reason); a finished measure takes no more notes. Department users record the delivery of their own
 * department's measures here (SPEC §1).
 */
export function ProgressModal({
  measure,
  onClose,
  onSaved,
}: {
  measure: Measure | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const status = Form.useWatch('status', form) ?? measure?.status;
  const finishing = status === 'completed' || status === 'cancelled';

  const submit = async () => {
    if (!measure) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await assistanceApi.addProgress(measure.id, {
        note: v.note.trim(),
        notedOn: v.notedOn.format('YYYY-MM-DD'),
        ...(v.status !== measure.status ? { status: v.status } : {}),
        ...(finishing && v.result?.trim() ? { result: v.result.trim() } : {}),
      });
      onSaved();
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  const choices = measure ? [measure.status, ...(NEXT_STATUS[measure.status] ?? [])] : [];
  return (
    <Modal
      title={measure ? `记录进展：${measure.name}` : '记录进展'}
      open={measure !== undefined}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存进展"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ notedOn: dayjs(), status: measure?.status, result: measure?.result ?? undefined }}
      >
        <Form.Item name="notedOn" label="进展日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="note"
          label="进展情况"
          rules={[
            { required: true, whitespace: true, message: '请填写进展情况' },
            { max: 2000, message: '最多2000字' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：已对接县内务工岗位，户主已到岗" />
        </Form.Item>
        <Form.Item name="status" label="措施状态">
          <Radio.Group
            optionType="button"
            options={choices.map((s) => ({
              value: s,
              label: s === measure?.status ? `${label(MEASURE_STATUS, s)}（不变）` : label(MEASURE_STATUS, s),
            }))}
          />
        </Form.Item>
        {finishing && (
          <Form.Item
            name="result"
            label={status === 'completed' ? '帮扶结果' : '取消原因'}
            rules={[
              {
                required: true,
                whitespace: true,
                message: status === 'completed' ? '完成措施须填写帮扶结果' : '取消措施须写明原因',
              },
              { max: 2000, message: '最多2000字' },
            ]}
          >
            <Input.TextArea rows={2} placeholder="如：户主在县工业园区务工，月工资3500元" />
          </Form.Item>
        )}
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
