import { Checkbox, DatePicker, Form, Input, Modal, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { cluesApi } from '../../api/clues';
import { FormError } from '../../components/FormError';
import { options, RISK_TYPE } from '../../domain/labels';
import { applyServerError } from '../../forms/server-errors';

interface Values {
  visitedOn: Dayjs;
  finding: string;
  riskTypes?: string[];
  noRisk: boolean;
}

/**
 * 入户排查 (SPEC §6 channel 2): a cadre's screening visit is entered in the clue ledger; with no risk found it is
 * closed at once (核实无风险), otherwise it waits to be verified.
 */
export function VisitModal({
  householdId,
  open,
  onClose,
  onSaved,
}: {
  householdId: string;
  open: boolean;
  onClose: () => void;
  onSaved: (noRisk: boolean) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const noRisk = Form.useWatch('noRisk', form);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await cluesApi.recordVisit({
        householdId,
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        finding: v.finding.trim(),
        riskTypes: v.noRisk ? [] : (v.riskTypes ?? []),
        noRisk: v.noRisk,
      });
      onSaved(v.noRisk);
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="记录入户排查"
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ visitedOn: dayjs(), noRisk: false }}
      >
        <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请选择走访日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="noRisk" label="排查结论" valuePropName="checked" extra="未发现风险的走访直接销号">
          <Switch checkedChildren="未发现风险" unCheckedChildren="发现风险" />
        </Form.Item>
        {!noRisk && (
          <Form.Item name="riskTypes" label="发现的风险类型">
            <Checkbox.Group options={options(RISK_TYPE)} />
          </Form.Item>
        )}
        <Form.Item
          name="finding"
          label="走访情况"
          rules={[
            { required: true, whitespace: true, message: '请填写走访情况' },
            { max: 2000, message: '最多2000字' },
          ]}
        >
          <Input.TextArea rows={4} placeholder="如：户主3月住院，自付费用较高，家庭收入下降" />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
