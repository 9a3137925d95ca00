import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { type Clue, type ClueResult, cluesApi } from '../../api/clues';
import { FormError } from '../../components/FormError';
import { CLUE_RESULT } from '../../domain/procedure-labels';
import { applyServerError } from '../../forms/server-errors';

interface Values {
  result: ClueResult;
  note: string;
}

const KIND_OF: Partial<Record<ClueResult, 'inclusion' | 'elimination'>> = {
  start_identification: 'inclusion',
  start_elimination: 'elimination',
};

/**
 * 销号 (SPEC §6: 办理一条销号一条 — nothing is closed without a result and a person). "启动识别/风险消除程序" on a clue
 * linked to a household starts the procedure and closes the clue in one step (POST /api/clues/:id/start-case).
 */
export function CloseClueModal({
  clue,
  preset,
  onClose,
  onDone,
}: {
  clue: Clue | undefined;
  preset: ClueResult | undefined;
  onClose: () => void;
  onDone: (outcome: { caseId?: string; result: ClueResult }) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const result = Form.useWatch('result', form) ?? preset;
  const starts = result ? KIND_OF[result] : undefined;

  const submit = async () => {
    if (!clue) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const kind = KIND_OF[v.result];
      if (kind && clue.householdId) {
        const started = await cluesApi.startCase(clue.id, kind, v.note.trim());
        onDone({ caseId: started.id, result: v.result });
      } else {
        await cluesApi.close(clue.id, v.result, v.note.trim());
        onDone({ result: v.result });
      }
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  const title = preset && KIND_OF[preset] ? CLUE_RESULT[preset] : '核实销号';
  return (
    <Modal
      title={title}
      open={clue !== undefined && preset !== undefined}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={starts && clue?.householdId ? '启动程序并销号' : '确认销号'}
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ result: preset }}>
        <Form.Item name="result" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
          <Radio.Group
            options={Object.entries(CLUE_RESULT)
              // 并入程序 is set by a concluding procedure only; 启动风险消除程序 only for a monitored household
              // (issue 10 point 5) — unknown status (a list row) keeps the choice, the server checks it.
              .filter(
                ([value]) =>
                  value !== 'merged_into_case' &&
                  (value !== 'start_elimination' || (clue?.householdStatus ?? 'monitored') === 'monitored'),
              )
              .map(([value, text]) => ({ value, label: text }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          />
        </Form.Item>
        {starts && !clue?.householdId && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="该线索未关联农户：销号后请先登记农户档案，再从农户档案启动程序。"
          />
        )}
        {starts && clue?.householdId && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`将为该户启动${starts === 'inclusion' ? '识别纳入' : '风险消除'}程序，线索同时以“${CLUE_RESULT[result as ClueResult]}”销号。`}
          />
        )}
        <Form.Item
          name="note"
          label="核实情况和理由"
          rules={[
            { required: true, whitespace: true, message: '销号必须写明核实情况和理由' },
            { max: 2000, message: '最多2000字' },
          ]}
        >
          <Input.TextArea rows={4} placeholder="如：经入户核实，户主住院自付费用较高，符合纳入条件" />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
