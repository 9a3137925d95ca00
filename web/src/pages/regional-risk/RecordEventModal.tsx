import { Card, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type RecordedEvent, type RegionalEventType, regionalRiskApi } from '../../api/regional-risk';
import type { MonitoringStatus } from '../../api/types';
import { FormError } from '../../components/FormError';
import { EMPLOYMENT, MONITORING_STATUS, options, REGIONAL_EVENT_TYPE, RISK_TYPE } from '../../domain/labels';
import { applyServerError } from '../../forms/server-errors';
import { RegionSelect } from '../feeds/RegionSelect';

interface Values {
  regionCode: string;
  eventType: RegionalEventType;
  title: string;
  description?: string;
  product?: string;
  industry?: string;
  startedOn: Dayjs;
  endedOn?: Dayjs | null;
  riskTypes?: string[];
  employment?: ('local' | 'outside' | 'public_welfare' | 'none')[];
  businessIncome?: boolean;
  monitoringStatus?: MonitoringStatus[];
  liftedOut?: 'yes' | 'no';
}

/**
 * 登记区域性风险事件 (SPEC §11): the event, its region and product or industry, and who counts as exposed; the
 * server finds those households at once and raises a clue for each.
 */
export function RecordEventModal({
  open,
  rootCode,
  onClose,
  onSaved,
}: {
  open: boolean;
  rootCode: string;
  onClose: () => void;
  onSaved: (r: RecordedEvent) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    const exposure = {
      ...(v.employment?.length ? { employment: v.employment } : {}),
      ...(v.businessIncome ? { businessIncome: true } : {}),
      ...(v.monitoringStatus?.length ? { monitoringStatus: v.monitoringStatus } : {}),
      ...(v.liftedOut ? { liftedOut: v.liftedOut === 'yes' } : {}),
    };
    try {
      const saved = await regionalRiskApi.record({
        regionCode: v.regionCode,
        eventType: v.eventType,
        title: v.title.trim(),
        description: v.description?.trim() || undefined,
        product: v.product?.trim() || undefined,
        industry: v.industry?.trim() || undefined,
        startedOn: v.startedOn.format('YYYY-MM-DD'),
        endedOn: v.endedOn?.format('YYYY-MM-DD'),
        riskTypes: v.riskTypes?.length ? v.riskTypes : undefined,
        exposure,
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
      title="登记区域性风险事件"
      open={open}
      width={720}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="登记并排查受影响农户"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(undefined)}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ regionCode: rootCode }}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="eventType" label="风险类型" rules={[{ required: true, message: '请选择风险类型' }]}>
              <Select options={options(REGIONAL_EVENT_TYPE)} placeholder="自然灾害、价格下跌……" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="regionCode" label="影响区划" rules={[{ required: true, message: '请选择区划' }]}>
              <RegionSelect rootCode={rootCode} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label="事件名称"
          rules={[
            { required: true, whitespace: true, message: '请填写事件名称' },
            { max: 200, message: '最多200字' },
          ]}
        >
          <Input placeholder="如：7月中旬洮阳镇暴雨洪涝" />
        </Form.Item>
        <Form.Item name="description" label="情况说明" rules={[{ max: 4000, message: '最多4000字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="product"
              label="涉及农产品"
              extra="填写后只包括农业农村部门数据中种养该品种的农户"
              rules={[{ max: 50, message: '最多50字' }]}
            >
              <Input placeholder="如：马铃薯" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="industry" label="涉及产业或行业" rules={[{ max: 50, message: '最多50字' }]}>
              <Input placeholder="如：中药材种植合作社" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="startedOn" label="发生日期" rules={[{ required: true, message: '请选择发生日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="endedOn" label="结束日期" extra="尚未结束的可不填">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="riskTypes" label="生成线索的风险类型" extra="不选则按风险类型的默认值">
          <Checkbox.Group options={options(RISK_TYPE)} />
        </Form.Item>
        <Card type="inner" size="small" title="受影响农户的条件（均须满足；都不选则为区划内全部农户）">
          <Form.Item name="employment" label="有以下就业方式的成员">
            <Checkbox.Group options={options(EMPLOYMENT)} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="monitoringStatus" label="监测状态">
                <Checkbox.Group options={options(MONITORING_STATUS)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={6}>
              <Form.Item name="liftedOut" label="脱贫户">
                <Select
                  allowClear
                  placeholder="不限"
                  options={[
                    { value: 'yes', label: '仅脱贫户' },
                    { value: 'no', label: '仅非脱贫户' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={6}>
              <Form.Item name="businessIncome" label=" " valuePropName="checked">
                <Checkbox>有生产经营性收入</Checkbox>
              </Form.Item>
            </Col>
          </Row>
        </Card>
      </Form>
      <FormError error={error} />
    </Modal>
  );
}
