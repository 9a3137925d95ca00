import { Col, Descriptions, Divider, Form, Input, InputNumber, Modal, Radio, Row } from 'antd';
import { useState } from 'react';
import { householdsApi, type IncomeInput } from '../../api/households';
import { FormError } from '../../components/FormError';
import { currentYear } from '../../domain/format';
import { formatYuan, previewNetIncome } from '../../domain/money';
import { applyServerError } from '../../forms/server-errors';

type Values = Omit<IncomeInput, 'survey'> & { kind: 'annual' | 'survey'; survey?: string };

const INCOME_FIELDS: [keyof IncomeInput, string][] = [
  ['wage', '工资性收入'],
  ['businessGross', '生产经营性收入（毛收入）'],
  ['businessCost', '生产经营成本'],
  ['property', '财产性收入'],
  ['transfer', '转移性收入（养老金、低保、补贴等）'],
];
const EXPENSE_FIELDS: [keyof IncomeInput, string][] = [
  ['medicalExpense', '医疗自付支出（报销后）'],
  ['educationExpense', '教育支出'],
  ['disasterLoss', '灾害损失'],
  ['accidentExpense', '意外事故支出'],
];

function YuanField({ name, text }: { name: keyof IncomeInput; text: string }) {
  return (
    <Col xs={24} sm={12}>
      <Form.Item name={name} label={text} rules={[{ type: 'number', min: 0, message: `${text}不能为负数` }]}>
        <InputNumber<number> min={0} precision={2} step={100} suffix="元" style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
}

/**
 * 录入年度收支 (SPEC §4.3): one year and survey per record; recording the same year and survey again replaces the
 * figures, and the old ones stay in the history. Net and per-capita income are previewed as the server computes them.
 */
export function IncomeModal({
  householdId,
  memberCount,
  open,
  onClose,
  onSaved,
}: {
  householdId: string;
  memberCount: number;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const preview = previewNetIncome(values ?? {}, memberCount);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const { kind, survey, ...figures } = v;
      const zeroed = Object.fromEntries(Object.entries(figures).map(([k, x]) => [k, x ?? 0])) as Omit<
        IncomeInput,
        'survey'
      >;
      await householdsApi.recordIncome(householdId, {
        ...zeroed,
        year: v.year,
        ...(kind === 'survey' ? { survey: survey?.trim() } : {}),
      });
      onSaved();
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="录入收支"
      open={open}
      width={720}
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
        initialValues={{ year: currentYear() - 1, kind: 'annual' }}
      >
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item
              name="year"
              label="年度"
              rules={[
                { required: true, message: '请输入年度' },
                { type: 'number', min: 2013, max: currentYear(), message: `年度应在2013至${currentYear()}年之间` },
              ]}
            >
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="kind" label="类型">
              <Radio.Group
                options={[
                  { value: 'annual', label: '年度收支' },
                  { value: 'survey', label: '专项调查' },
                ]}
              />
            </Form.Item>
          </Col>
          {values?.kind === 'survey' && (
            <Col xs={24} sm={8}>
              <Form.Item
                name="survey"
                label="调查名称"
                rules={[
                  { required: true, whitespace: true, message: '请输入调查名称，如“2026年3月入户调查”' },
                  { max: 40, message: '最多40个字' },
                ]}
              >
                <Input placeholder="如：3月入户调查" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Divider titlePlacement="start">收入</Divider>
        <Row gutter={12}>
          {INCOME_FIELDS.map(([k, t]) => (
            <YuanField key={k} name={k} text={t} />
          ))}
        </Row>
        <Divider titlePlacement="start">刚性支出</Divider>
        <Row gutter={12}>
          {EXPENSE_FIELDS.map(([k, t]) => (
            <YuanField key={k} name={k} text={t} />
          ))}
        </Row>
      </Form>
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          { key: 'net', label: '家庭纯收入', children: formatYuan(preview.net) },
          { key: 'pc', label: `人均纯收入（${memberCount}人）`, children: formatYuan(preview.perCapita) },
        ]}
        style={{ marginBottom: 16 }}
      />
      <FormError error={error} />
    </Modal>
  );
}
