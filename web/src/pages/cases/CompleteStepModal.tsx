import { Alert, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { CaseActionInput, CaseDetail } from '../../api/cases';
import type { Category } from '../../api/types';
import { CATEGORY, label, options } from '../../domain/labels';

interface Values {
  note?: string;
  assessmentYear?: number;
  category?: Category;
  categoryReason?: string;
  leadingGroup?: boolean;
  verificationNote?: string;
}

/** The county decision (认定) or the final elimination step (退出): the server assesses the household then. */
export const isDecisionStep = (c: CaseDetail) =>
  c.step.notification === 'identification' || c.step.notification === 'exit';

/**
 * 完成本步骤. At the decision step the county may set another category than the suggested one (with the reason,
 * SPEC §5.1) and, for a household in an exclusion situation with a major family event, record the county leading
 * group's decision with the written explanation to the public (SPEC §7.2).
 */
export function CompleteStepModal({
  c,
  open,
  busy,
  defaultYear,
  suggested,
  onClose,
  onSubmit,
}: {
  c: CaseDetail;
  open: boolean;
  busy: boolean;
  defaultYear?: number;
  suggested?: Category | null;
  onClose: () => void;
  onSubmit: (body: CaseActionInput) => void;
}) {
  const [form] = Form.useForm<Values>();
  const decision = isDecisionStep(c);
  const inclusion = c.kind === 'inclusion';
  const leading = Form.useWatch('leadingGroup', form);
  const category = Form.useWatch('category', form);
  const needsReason = category !== undefined && suggested !== undefined && category !== suggested;

  const submit = async () => {
    const v = await form.validateFields();
    onSubmit({
      type: 'complete_step',
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      ...(decision && v.assessmentYear ? { assessmentYear: v.assessmentYear } : {}),
      ...(decision && inclusion && v.category ? { category: v.category } : {}),
      ...(decision && inclusion && v.categoryReason?.trim() ? { categoryReason: v.categoryReason.trim() } : {}),
      ...(decision && inclusion && v.leadingGroup ? { decision: 'leading_group_approved' } : {}),
      ...(decision && v.verificationNote?.trim() ? { verificationNote: v.verificationNote.trim() } : {}),
    });
  };

  return (
    <Modal
      title={`完成“${c.step.name}”`}
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="确认完成"
      confirmLoading={busy}
      destroyOnHidden
    >
      {decision && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`提交后系统按监测线和规则对该户研判，研判结论须与${inclusion ? '认定' : '风险消除'}一致；不一致时将显示原因。`}
        />
      )}
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ assessmentYear: defaultYear }}>
        {decision && (
          <Form.Item name="assessmentYear" label="研判所用收支年度" extra="默认为档案中最近一年">
            <InputNumber min={2013} max={2100} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        {decision && inclusion && (
          <>
            <Form.Item
              name="category"
              label="监测类别"
              extra={suggested ? `研判建议：${label(CATEGORY, suggested)}；改为其他类别须说明理由` : '不选则按研判建议'}
            >
              <Select allowClear placeholder="按研判建议" options={options(CATEGORY)} />
            </Form.Item>
            {(needsReason || (category && !suggested)) && (
              <Form.Item
                name="categoryReason"
                label="改变类别的理由"
                rules={[{ required: needsReason, whitespace: true, message: '改为其他类别须说明理由' }]}
              >
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            )}
            <Form.Item name="leadingGroup" valuePropName="checked">
              <Checkbox>属于不纳入情形但有重大家庭变故，经县级领导小组调查研究决定纳入</Checkbox>
            </Form.Item>
          </>
        )}
        {decision && (
          <Form.Item
            name="verificationNote"
            label="核实说明"
            extra="家庭情况中入户调查、档案与部门数据不一致时必填：说明核实经过和结论"
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={leading ? '向社会公开的书面说明' : '办理意见'}
          rules={leading ? [{ required: true, whitespace: true, message: '领导小组决定须填写书面说明' }] : []}
        >
          <Input.TextArea rows={3} maxLength={4000} placeholder={leading ? '' : `如：${c.step.name}已完成`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
