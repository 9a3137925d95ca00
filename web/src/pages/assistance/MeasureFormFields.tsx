import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Measure, MeasureFields } from '../../api/assistance';
import { options } from '../../domain/labels';
import { DEPARTMENT } from './assistance-labels';

/** The editable fields of a measure as the form holds them (dates as Dayjs). */
export interface MeasureFormValues {
  content?: string;
  department?: string;
  responsiblePerson?: string;
  startOn?: Dayjs | null;
  plannedEndOn?: Dayjs | null;
  amount?: number | null;
  fundSource?: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Form values → the API's fields (SPEC §9: content, department and person, dates, money and its source). */
export function toMeasureFields(v: MeasureFormValues): MeasureFields {
  return {
    ...(v.content?.trim() ? { content: v.content.trim() } : {}),
    ...(v.department ? { department: v.department } : {}),
    responsiblePerson: text(v.responsiblePerson),
    startOn: day(v.startOn),
    plannedEndOn: day(v.plannedEndOn),
    amount: v.amount ?? null,
    fundSource: text(v.fundSource),
  };
}

export function measureFormValues(m: Measure): MeasureFormValues {
  return {
    content: m.content,
    department: m.department,
    responsiblePerson: m.responsiblePerson ?? undefined,
    startOn: m.startOn ? dayjs(m.startOn) : null,
    plannedEndOn: m.plannedEndOn ? dayjs(m.plannedEndOn) : null,
    amount: m.amount,
    fundSource: m.fundSource ?? undefined,
  };
}

/** The fields shared by "落实措施" and "修改措施"; the same checks as the server run while typing. */
export function MeasureFormFields() {
  return (
    <>
      <Form.Item
        name="content"
        label="帮扶措施内容"
        rules={[
          { required: true, whitespace: true, message: '请填写帮扶措施内容' },
          { max: 2000, message: '最多2000字' },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="department" label="责任部门" rules={[{ required: true, message: '请选择责任部门' }]}>
            <Select options={options(DEPARTMENT)} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="responsiblePerson" label="具体责任人" rules={[{ max: 50, message: '最多50字' }]}>
            <Input placeholder="如：县人社局王某" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="startOn" label="开始日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="plannedEndOn"
            label="计划完成日期"
            dependencies={['startOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, end: Dayjs | null | undefined) => {
                  const start = getFieldValue('startOn') as Dayjs | null | undefined;
                  if (start && end?.isBefore(start, 'day')) throw new Error('计划完成日期不能早于开始日期');
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="amount" label="帮扶资金" rules={[{ type: 'number', min: 0, message: '金额不能为负数' }]}>
            <InputNumber<number> min={0} precision={2} step={100} suffix="元" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="fundSource" label="资金来源" rules={[{ max: 100, message: '最多100字' }]}>
            <Input placeholder="如：衔接资金、部门专项资金" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
