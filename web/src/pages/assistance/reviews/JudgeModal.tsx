import { Alert, Checkbox, Col, Divider, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import {
  assistanceApi,
  type HouseholdJudgement,
  type MeasureWithProgress,
  type ReviewOutcome,
} from '../../../api/assistance';
import { FormError } from '../../../components/FormError';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { label, RISK_TYPE } from '../../../domain/labels';
import { applyServerError } from '../../../forms/server-errors';
import { MeasureStatusTag } from '../AssistanceTags';

export interface JudgedHousehold {
  id: string;
  code: string;
  headName: string | null;
  riskTypes: string[];
}

type Tri = 'yes' | 'no' | 'unknown';
type PerMeasure = { targeted?: 'yes' | 'no'; effective?: Tri };

interface Values {
  measuresTargeted: 'yes' | 'no';
  measuresEffective: Tri;
  measures?: Record<string, PerMeasure>;
  riskPointsGone: string[];
  evidence?: Record<string, string>;
  incomeStable: 'yes' | 'no';
  rigidExpenditureControllable: 'yes' | 'no';
  basicNeedsSecured: 'yes' | 'no';
  weakMotivation?: boolean;
  perCapitaIncome?: number | null;
  previousPerCapitaIncome?: number | null;
  note?: string;
}

const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];
const TRI = [...YES_NO, { value: 'unknown', label: '暂无法判断' }];
const tri = (v: Tri | undefined) => (v === undefined ? undefined : v === 'unknown' ? null : v === 'yes');

function toJudgement(v: Values): HouseholdJudgement {
  const per = Object.entries(v.measures ?? {})
    .map(([measureId, m]) => ({
      measureId,
      ...(m.targeted ? { targeted: m.targeted === 'yes' } : {}),
      ...(m.effective ? { effective: tri(m.effective) } : {}),
    }))
    .filter((m) => Object.keys(m).length > 1);
  const evidence = Object.fromEntries(
    Object.entries(v.evidence ?? {}).filter(([r, t]) => v.riskPointsGone.includes(r) && t?.trim()),
  );
  return {
    measuresTargeted: v.measuresTargeted === 'yes',
    measuresEffective: tri(v.measuresEffective) ?? null,
    ...(per.length ? { measureJudgements: per } : {}),
    riskPointsGone: v.riskPointsGone,
    ...(Object.keys(evidence).length ? { riskPointEvidence: evidence } : {}),
    incomeStable: v.incomeStable === 'yes',
    rigidExpenditureControllable: v.rigidExpenditureControllable === 'yes',
    basicNeedsSecured: v.basicNeedsSecured === 'yes',
    weakMotivation: v.weakMotivation ?? false,
    ...(v.perCapitaIncome !== undefined && v.perCapitaIncome !== null ? { perCapitaIncome: v.perCapitaIncome } : {}),
    ...(v.previousPerCapitaIncome !== undefined && v.previousPerCapitaIncome !== null
      ? { previousPerCapitaIncome: v.previousPerCapitaIncome }
      : {}),
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
  };
}

/**
 * 评议一户 (SPEC §9): were the measures targeted and effective (as a whole, or per measure), is each risk point gone
 * and on what evidence, is income stable, is rigid expenditure under control, are 两不愁三保障 and water secured. The
 * server decides the outcome; "启动风险消除" starts the elimination procedure at once (SPEC §8.3).
 */
export function JudgeModal({
  reviewId,
  year,
  household,
  onClose,
  onJudged,
}: {
  reviewId: string;
  year: number;
  household: JudgedHousehold | undefined;
  onClose: () => void;
  onJudged: (outcome: ReviewOutcome, caseStarted: boolean) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [measures, setMeasures] = useState<MeasureWithProgress[]>();
  const gone = (Form.useWatch('riskPointsGone', form) as string[] | undefined) ?? [];

  useEffect(() => {
    if (!household) return;
    let live = true;
    setMeasures(undefined);
    assistanceApi
      .summary(household.id)
      .then((s) => live && setMeasures(s.measures.filter((m) => m.status !== 'cancelled')))
      .catch(() => live && setMeasures([]));
    return () => {
      live = false;
    };
  }, [household]);

  const submit = async () => {
    if (!household) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const r = await assistanceApi.judge(reviewId, household.id, toJudgement(v));
      onJudged(r.outcome, r.caseId !== null);
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={household ? `评议：${household.headName ?? ''}户（${household.code}）` : '评议'}
      open={household !== undefined}
      width={820}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存评议结果"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ measuresTargeted: 'yes', measuresEffective: 'yes', riskPointsGone: [] }}
      >
        <Divider titlePlacement="start" plain>
          帮扶措施
        </Divider>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="measuresTargeted" label="措施是否精准（针对本户风险）">
              <Radio.Group options={YES_NO} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="measuresEffective" label="措施是否有效">
              <Radio.Group options={TRI} />
            </Form.Item>
          </Col>
        </Row>
        {measures && measures.length > 0 && (
          <ResponsiveTable<MeasureWithProgress>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={measures}
            style={{ marginBottom: 16 }}
            columns={[
              { title: '措施', dataIndex: 'name', render: (v: string, m) => `${v}（${m.departmentName}）` },
              { title: '状态', key: 's', width: 110, render: (_, m) => <MeasureStatusTag status={m.status} /> },
              {
                title: '精准（默认同上）',
                key: 't',
                width: 150,
                render: (_, m) => (
                  <Form.Item name={['measures', m.id, 'targeted']} noStyle>
                    <Select allowClear placeholder="同上" options={YES_NO} style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              {
                title: '有效（默认同上）',
                key: 'e',
                width: 160,
                render: (_, m) => (
                  <Form.Item name={['measures', m.id, 'effective']} noStyle>
                    <Select allowClear placeholder="同上" options={TRI} style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
            ]}
          />
        )}
        {measures && measures.length === 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="该户尚未落实帮扶措施" />
        )}
        <Divider titlePlacement="start" plain>
          风险点
        </Divider>
        <Form.Item name="riskPointsGone" label="已消除的风险点">
          <Checkbox.Group
            options={(household?.riskTypes ?? []).map((r) => ({ value: r, label: `${label(RISK_TYPE, r)}风险` }))}
          />
        </Form.Item>
        {gone.map((r) => (
          <Form.Item key={r} name={['evidence', r]} label={`${label(RISK_TYPE, r)}风险消除的依据`}>
            <Input maxLength={1000} placeholder="如：户主已稳定务工6个月，月收入3500元" />
          </Form.Item>
        ))}
        <Divider titlePlacement="start" plain>
          收入和保障
        </Divider>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="incomeStable" label="收入是否稳定" rules={[{ required: true, message: '请评议' }]}>
              <Radio.Group options={YES_NO} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="rigidExpenditureControllable"
              label="刚性支出是否可控"
              rules={[{ required: true, message: '请评议' }]}
            >
              <Radio.Group options={YES_NO} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="basicNeedsSecured"
              label="两不愁三保障及饮水安全"
              rules={[{ required: true, message: '请评议' }]}
            >
              <Radio.Group
                options={[
                  { value: 'yes', label: '有保障' },
                  { value: 'no', label: '未保障' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="perCapitaIncome"
              label={`${year}年人均纯收入`}
              tooltip="不填则取基础数据中该年度的收入调查"
            >
              <InputNumber<number>
                min={0}
                precision={2}
                suffix="元"
                placeholder="按基础数据"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="previousPerCapitaIncome"
              label={`${year - 1}年人均纯收入`}
              tooltip="不填则取基础数据中上一年度的收入调查"
            >
              <InputNumber<number>
                min={0}
                precision={2}
                suffix="元"
                placeholder="按基础数据"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="weakMotivation" valuePropName="checked">
          <Checkbox>家庭成员内生动力不足</Checkbox>
        </Form.Item>
        <Form.Item name="note" label="评议意见" rules={[{ max: 2000, message: '最多2000字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
