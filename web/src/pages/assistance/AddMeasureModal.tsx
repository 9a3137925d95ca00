import { Alert, Checkbox, Form, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { assistanceApi, type CatalogueEntry, type Measure, type SuggestedMeasure } from '../../api/assistance';
import { FormError } from '../../components/FormError';
import { label, RISK_TYPE } from '../../domain/labels';
import { applyServerError } from '../../forms/server-errors';
import { MeasureFormFields, type MeasureFormValues, toMeasureFields } from './MeasureFormFields';
import { useCatalogue } from './use-catalogue';

type Values = MeasureFormValues & { subtype?: string; answersRisks?: string[] };

function groupByType(entries: CatalogueEntry[]) {
  const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const e of entries.filter((x) => x.enabled)) {
    let g = groups.get(e.type);
    if (!g) {
      g = { label: e.typeName, options: [] };
      groups.set(e.type, g);
    }
    g.options.push({ value: e.code, label: e.name });
  }
  return [...groups.values()];
}

/**
 * 落实帮扶措施 (SPEC §9): a sub-type from the region's catalogue, the risks it answers for this household, and the
 * details. With a suggestion (采纳建议) its rule and reason are recorded, so the server can tell an accepted suggestion
 * from a changed one.
 */
export function AddMeasureModal({
  householdId,
  regionCode,
  riskTypes,
  suggestion,
  open,
  onClose,
  onSaved,
}: {
  householdId: string;
  regionCode: string;
  riskTypes: string[];
  suggestion?: SuggestedMeasure;
  open: boolean;
  onClose: () => void;
  onSaved: (m: Measure & { warnings: string[] }) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const { entries, error: catalogueError } = useCatalogue(open ? regionCode : undefined);
  const subtype = Form.useWatch('subtype', form);
  const entry = entries?.find((e) => e.code === subtype);
  const groups = useMemo(() => groupByType(entries ?? []), [entries]);
  const answerable = entry ? entry.answersRisks.filter((r) => riskTypes.includes(r)) : [];

  const pick = (code: string) => {
    const e = entries?.find((x) => x.code === code);
    if (!e) return;
    form.setFieldsValue({
      content: e.content,
      department: e.department,
      answersRisks: e.answersRisks.filter((r) => riskTypes.includes(r)),
    });
  };

  const submit = async () => {
    const v = await form.validateFields();
    if (!v.subtype) return;
    setBusy(true);
    setError(undefined);
    try {
      const fromSuggestion = suggestion && suggestion.subtype === v.subtype;
      const saved = await assistanceApi.addMeasure(householdId, {
        subtype: v.subtype,
        ...toMeasureFields(v),
        answersRisks: v.answersRisks ?? [],
        ...(fromSuggestion ? { suggestionRule: suggestion.rule, suggestionReason: suggestion.reason } : {}),
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
      title={suggestion ? `采纳建议：${suggestion.name}` : '新增帮扶措施'}
      open={open}
      width={720}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存措施"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      {suggestion && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="建议理由" description={suggestion.reason} />
      )}
      {catalogueError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={catalogueError} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          subtype: suggestion?.subtype,
          content: suggestion?.content,
          department: suggestion?.department,
          answersRisks: suggestion?.answersRisks ?? [],
          startOn: dayjs(),
        }}
      >
        <Form.Item
          name="subtype"
          label="措施（本地帮扶措施目录）"
          rules={[{ required: true, message: '请从措施目录中选择' }]}
        >
          <Select
            options={groups}
            loading={!entries && !catalogueError}
            placeholder="选择措施类型和子类"
            showSearch={{ optionFilterProp: 'label' }}
            onChange={pick}
            data-testid="measure-subtype"
          />
        </Form.Item>
        {entry && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            {entry.typeName} · {entry.lineOfDefenceName}
            {entry.needsLaborCapacity ? ' · 需有劳动能力' : ''} · 可应对：
            {entry.answersRisks.length ? entry.answersRisks.map((r) => label(RISK_TYPE, r)).join('、') : '（扶志扶智）'}
          </Typography.Paragraph>
        )}
        <Form.Item name="answersRisks" label="本措施应对本户的风险">
          <Checkbox.Group
            options={riskTypes.map((r) => ({
              value: r,
              label: label(RISK_TYPE, r),
              disabled: !entry?.answersRisks.includes(r),
            }))}
          />
        </Form.Item>
        {entry && answerable.length === 0 && entry.lineOfDefence !== 'spiritual' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="该措施不针对本户登记的风险类型，请确认措施的针对性（缺什么补什么）"
          />
        )}
        <MeasureFormFields />
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
