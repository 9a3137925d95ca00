import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { PersonInput } from '../../api/households';
import { idNumberProblem, normalizeIdNumber } from '../../domain/id-number';
import { DISABILITY_CATEGORY, EDUCATION, EMPLOYMENT, HEALTH, LABOR, options, RELATION } from '../../domain/labels';

type Path = (string | number)[];

const idRule = {
  validator: async (_: unknown, v?: string) => {
    if (!v?.trim()) throw new Error('请输入身份证号');
    const problem = idNumberProblem(v);
    if (problem) throw new Error(problem);
  },
};

/**
 * The fields of one household member (SPEC §4.2), under `prefix` in the form; inside a Form.List, `prefix` is the
 * row (`[0]`) and `listName` the list (`members`). Birth date and sex are not asked: the server derives them from the
 * ID number.
 */
export function PersonFields({
  prefix = [],
  listName,
  allowHead,
}: {
  prefix?: Path;
  listName?: string;
  allowHead: boolean;
}) {
  const form = Form.useFormInstance();
  const absolute = listName ? [listName, ...prefix] : prefix;
  const health = Form.useWatch([...absolute, 'health'], form) as string | undefined;
  const employment = Form.useWatch([...absolute, 'employment'], form) as string | undefined;
  const relations = options(RELATION).filter((o) => allowHead || o.value !== 'head');
  const n = (k: string): Path => [...prefix, k];
  return (
    <Row gutter={12}>
      <Col xs={24} sm={8}>
        <Form.Item
          name={n('name')}
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 50, message: '姓名最多50个字' },
          ]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} sm={10}>
        <Form.Item
          name={n('idNumber')}
          label="身份证号"
          required
          rules={[idRule]}
          normalize={(v: string) => (v ? normalizeIdNumber(v) : v)}
        >
          <Input maxLength={18} placeholder="18位公民身份号码" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={6}>
        <Form.Item name={n('relation')} label="与户主关系" rules={[{ required: true, message: '请选择与户主关系' }]}>
          <Select options={relations} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={6}>
        <Form.Item name={n('labor')} label="劳动能力" initialValue="full">
          <Select options={options(LABOR)} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={6}>
        <Form.Item name={n('health')} label="健康状况" initialValue="healthy">
          <Select options={options(HEALTH)} />
        </Form.Item>
      </Col>
      {health === 'disabled' && (
        <>
          <Col xs={12} sm={6}>
            <Form.Item
              name={n('disabilityLevel')}
              label="残疾等级"
              rules={[{ required: true, message: '残疾人须填写残疾等级（1–4级）' }]}
            >
              <Select options={[1, 2, 3, 4].map((l) => ({ value: l, label: `${l}级` }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name={n('disabilityCategory')} label="残疾类别">
              <Select allowClear options={options(DISABILITY_CATEGORY)} />
            </Form.Item>
          </Col>
        </>
      )}
      <Col xs={12} sm={6}>
        <Form.Item name={n('education')} label="在校情况">
          <Select allowClear placeholder="不在校" options={options(EDUCATION)} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={6}>
        <Form.Item name={n('employment')} label="务工情况">
          <Select allowClear placeholder="未填" options={options(EMPLOYMENT)} />
        </Form.Item>
      </Col>
      {(employment === 'local' || employment === 'outside' || employment === 'public_welfare') && (
        <Col xs={12} sm={6}>
          <Form.Item
            name={n('employmentMonths')}
            label="务工月数"
            rules={[{ type: 'number', min: 0, max: 12, message: '务工月数应在0–12之间' }]}
          >
            <InputNumber precision={0} min={0} max={12} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      )}
      <Col xs={12} sm={6}>
        <Form.Item
          name={n('phone')}
          label="联系电话"
          rules={[{ pattern: /^[0-9+\-\s]{0,20}$/, message: '请输入正确的电话号码' }]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="参保情况">
          <Form.Item name={n('insuredMedical')} valuePropName="checked" initialValue noStyle>
            <Checkbox>基本医疗保险</Checkbox>
          </Form.Item>
          <Form.Item name={n('insuredPension')} valuePropName="checked" initialValue={false} noStyle>
            <Checkbox>基本养老保险</Checkbox>
          </Form.Item>
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Form values → the API's person: empty optional fields left out. */
export function toPersonInput(v: Record<string, unknown>): PersonInput {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined || val === '' || val === null) continue;
    out[k] = typeof val === 'string' ? val.trim() : val;
  }
  if (out.health !== 'disabled') {
    delete out.disabilityLevel;
    delete out.disabilityCategory;
  }
  return out as PersonInput;
}
