import { Checkbox, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { cluesApi } from '../../api/clues';
import { FormError } from '../../components/FormError';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { VillageSelect } from '../../components/VillageSelect';
import { options, RISK_TYPE } from '../../domain/labels';
import { CLUE_SOURCE_KIND, SEVERITY, SOCIAL_SOURCE_KINDS } from '../../domain/procedure-labels';
import { applyServerError } from '../../forms/server-errors';

interface Values {
  sourceKind: string;
  sourceRef?: string;
  householdId?: string;
  regionCode?: string;
  finding: string;
  riskTypes?: string[];
  severity: 'low' | 'normal' | 'high';
  receivedOn?: Dayjs;
  assigneeName?: string;
}

/** 登记社会信息线索 (SPEC §6 channel 4): petitions, hotlines, media, mailboxes — linked to a household or a village. */
export function NewClueModal({
  open,
  rootCode,
  onClose,
  onSaved,
}: {
  open: boolean;
  rootCode: string;
  onClose: () => void;
  onSaved: (r: { id: string; merged: boolean }) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const householdId = Form.useWatch('householdId', form);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const saved = await cluesApi.record({
        channel: 'social',
        sourceKind: v.sourceKind,
        sourceRef: v.sourceRef?.trim() || undefined,
        ...(v.householdId ? { householdId: v.householdId } : { regionCode: v.regionCode }),
        finding: v.finding.trim(),
        riskTypes: v.riskTypes ?? [],
        severity: v.severity,
        receivedOn: v.receivedOn?.format('YYYY-MM-DD'),
        assigneeName: v.assigneeName?.trim() || undefined,
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
      title="登记社会信息线索"
      open={open}
      width={680}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="登记"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ severity: 'normal' }}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="sourceKind" label="信息来源" rules={[{ required: true, message: '请选择信息来源' }]}>
              <Select
                options={SOCIAL_SOURCE_KINDS.map((k) => ({ value: k, label: CLUE_SOURCE_KIND[k] }))}
                placeholder="信访、热线、媒体……"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="sourceRef" label="来源编号或反映人" rules={[{ max: 100, message: '最多100字' }]}>
              <Input placeholder="如：12345热线工单号" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="householdId" label="涉及农户" extra="已在档案中的农户请选择；未建档的请选择所在村">
          <HouseholdPicker />
        </Form.Item>
        {!householdId && (
          <Form.Item name="regionCode" label="所在村" rules={[{ required: true, message: '未关联农户时请选择所在村' }]}>
            <VillageSelect rootCode={rootCode} />
          </Form.Item>
        )}
        <Form.Item
          name="finding"
          label="反映的情况"
          rules={[
            { required: true, whitespace: true, message: '请填写反映的情况' },
            { max: 2000, message: '最多2000字' },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="riskTypes" label="可能的风险类型">
          <Checkbox.Group options={options(RISK_TYPE)} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="severity" label="严重程度">
              <Radio.Group options={options(SEVERITY)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="receivedOn" label="收到日期" extra="默认今天">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="assigneeName" label="核实人" rules={[{ max: 50, message: '最多50字' }]}>
              <Input placeholder="可稍后分派" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
