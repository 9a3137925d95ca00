import { Checkbox, Col, DatePicker, Divider, Form, Input, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type AssessmentMode, assessmentApi, type SurveyFacts } from '../../api/assessment';
import { FormError } from '../../components/FormError';
import { applyServerError } from '../../forms/server-errors';

const RISKS: Record<string, string> = {
  dropout: '义务教育阶段子女因贫辍学',
  medicalUnaffordable: '因经济困难无法就医治疗',
  waterUnsafe: '饮水安全无保障，自身无力解决',
  industryLoss: '产业受灾、市场变化等造成经营损失',
  laborLoss: '主要劳动力丧失或弱化',
};

const EXCLUSIONS: Record<string, string> = {
  consumerCar: '购买消费型汽车',
  urbanProperty: '在城镇有自建房、商品房或门市等经营场所',
  registeredCompany: '开办登记注册并实际经营的公司、企业',
  largeScaleOperator: '规模种养殖户或雇工经营',
  deliberateSplit: '为享受政策故意分户、并户',
  emptyRegistration: '“空挂户”',
  creditDefaulter: '被列入失信惩戒对象',
};

interface Values {
  kind: AssessmentMode;
  surveyedOn: Dayjs;
  risks: string[];
  housingAppraisal?: 'A' | 'B' | 'C' | 'D';
  suddenEvent?: 'illness' | 'disaster' | 'accident' | 'other';
  exclusions: string[];
  closeRelativePublicServant: boolean;
  majorFamilyEvent: boolean;
  consent?: 'yes' | 'no';
  basicNeeds?: 'yes' | 'no';
  note?: string;
}

const flags = (codes: string[], all: Record<string, string>) =>
  Object.fromEntries(Object.keys(all).map((k) => [k, codes.includes(k)]));

/**
 * 入户调查 (SPEC §7.3, §8.3): the facts the registry does not hold — risks, a sudden event, the exclusion situations,
 * and for elimination the household's consent (风险销号评估认定表). The newest survey feeds the assessment.
 */
export function SurveyModal({
  householdId,
  defaultKind,
  open,
  onClose,
  onSaved,
}: {
  householdId: string;
  defaultKind: AssessmentMode;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form) ?? defaultKind;

  const submit = async () => {
    const v = await form.validateFields();
    const facts: SurveyFacts = {
      risks: { ...flags(v.risks, RISKS), housingAppraisal: v.housingAppraisal ?? null },
      suddenEvent: v.suddenEvent ?? null,
      exclusions: flags(v.exclusions, EXCLUSIONS),
      closeRelativePublicServant: v.closeRelativePublicServant,
      majorFamilyEvent: v.majorFamilyEvent,
      ...(v.kind === 'elimination'
        ? {
            consentToElimination: v.consent ? v.consent === 'yes' : null,
            basicNeedsSecured: v.basicNeeds ? v.basicNeeds === 'yes' : null,
          }
        : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    setBusy(true);
    setError(undefined);
    try {
      await assessmentApi.recordSurvey(householdId, {
        kind: v.kind,
        surveyedOn: v.surveyedOn.format('YYYY-MM-DD'),
        facts,
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
      title="入户调查"
      open={open}
      width={760}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存调查"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: defaultKind,
          surveyedOn: dayjs(),
          risks: [],
          exclusions: [],
          closeRelativePublicServant: false,
          majorFamilyEvent: false,
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item name="kind" label="调查类型">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'identification', label: '识别纳入调查' },
                  { value: 'elimination', label: '风险消除评估' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="surveyedOn" label="调查日期" rules={[{ required: true, message: '请选择调查日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">风险情况</Divider>
        <Form.Item name="risks">
          <Checkbox.Group options={Object.entries(RISKS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="housingAppraisal" label="住房安全鉴定等级">
              <Select
                allowClear
                placeholder="未鉴定"
                options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: `${g}级${g >= 'C' ? '（危房）' : ''}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="suddenEvent" label="突发事件">
              <Select
                allowClear
                placeholder="无"
                options={[
                  { value: 'illness', label: '突发重病' },
                  { value: 'disaster', label: '自然灾害' },
                  { value: 'accident', label: '意外事故' },
                  { value: 'other', label: '其他' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">不纳入情形核查</Divider>
        <Form.Item name="exclusions">
          <Checkbox.Group options={Object.entries(EXCLUSIONS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="closeRelativePublicServant" valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox>户主的父母、配偶或子女为国家公职人员</Checkbox>
        </Form.Item>
        <Form.Item name="majorFamilyEvent" valuePropName="checked">
          <Checkbox>遭遇重大家庭变故，生活确有困难（属不纳入情形的，须县级领导小组研究）</Checkbox>
        </Form.Item>
        {kind === 'elimination' && (
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="basicNeeds" label="两不愁三保障及饮水安全">
                <Radio.Group
                  options={[
                    { value: 'yes', label: '有保障' },
                    { value: 'no', label: '无保障' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="consent" label="农户对风险消除的意见">
                <Radio.Group
                  options={[
                    { value: 'yes', label: '同意' },
                    { value: 'no', label: '不同意' },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="note" label="调查情况说明">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
