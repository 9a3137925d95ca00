import { Checkbox, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import type { CatalogueEntry, CatalogueOverride, NewSubtype } from '../../../api/assistance';
import { options, RISK_TYPE } from '../../../domain/labels';
import { DEPARTMENT, LINE_OF_DEFENCE, MEASURE_TYPE } from '../assistance-labels';
import { addSubtype, renameEntry } from './catalogue-override';

const CODE = /^[a-z][a-z0-9_]{1,39}$/;

/** 新增措施子类: a local measure (e.g. a county's own insurance product), checked like the server's catalogue rules. */
export function NewSubtypeModal({
  open,
  own,
  onClose,
  onSave,
}: {
  open: boolean;
  own: CatalogueOverride;
  onClose: () => void;
  onSave: (next: CatalogueOverride, name: string) => Promise<void>;
}) {
  const [form] = Form.useForm<NewSubtype>();
  const submit = async () => {
    const v = await form.validateFields();
    const s: NewSubtype = { ...v, name: v.name.trim(), content: v.content.trim(), answersRisks: v.answersRisks ?? [] };
    await onSave(addSubtype(own, s), s.name);
  };
  return (
    <Modal
      title="新增措施子类"
      open={open}
      width={720}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      destroyOnHidden
    >
      <Form<NewSubtype>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ lineOfDefence: 'development', needsLaborCapacity: false, answersRisks: [] }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label="名称"
              rules={[
                { required: true, whitespace: true, message: '请填写措施名称' },
                { max: 50, message: '最多50字' },
              ]}
            >
              <Input placeholder="如：防返贫保险" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="code"
              label="代码（英文，保存后不可更改）"
              rules={[
                { required: true, message: '请填写代码' },
                { pattern: CODE, message: '小写字母开头的字母、数字或下划线，2–40位' },
              ]}
            >
              <Input placeholder="如：local_insurance" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="type" label="措施类型" rules={[{ required: true, message: '请选择措施类型' }]}>
              <Select options={options(MEASURE_TYPE)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="lineOfDefence" label="帮扶防线" rules={[{ required: true, message: '请选择' }]}>
              <Select options={options(LINE_OF_DEFENCE)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="department" label="责任部门" rules={[{ required: true, message: '请选择责任部门' }]}>
              <Select options={options(DEPARTMENT)} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="answersRisks"
          label="应对的风险类型"
          dependencies={['lineOfDefence']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, v: string[] | undefined) => {
                if ((v ?? []).length === 0 && getFieldValue('lineOfDefence') !== 'spiritual') {
                  throw new Error('须至少应对一种风险类型（精神型措施除外）');
                }
              },
            }),
          ]}
        >
          <Checkbox.Group options={options(RISK_TYPE)} />
        </Form.Item>
        <Form.Item name="needsLaborCapacity" label="需有劳动能力才能享受" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="content"
          label="政策内容"
          rules={[
            { required: true, whitespace: true, message: '请填写政策内容' },
            { max: 1000, message: '最多1000字' },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RenameValues {
  name: string;
  content: string;
  department: string;
}

/** 修改: a local name, content or delivering department; type, line and risks stay as inherited. */
export function RenameModal({
  entry,
  region,
  own,
  onClose,
  onSave,
}: {
  entry: CatalogueEntry | undefined;
  region: string;
  own: CatalogueOverride;
  onClose: () => void;
  onSave: (next: CatalogueOverride, name: string) => Promise<void>;
}) {
  const [form] = Form.useForm<RenameValues>();
  const submit = async () => {
    if (!entry) return;
    const v = await form.validateFields();
    await onSave(renameEntry(own, region, entry, v), v.name.trim());
  };
  return (
    <Modal
      title={entry ? `修改「${entry.name}」` : '修改'}
      open={entry !== undefined}
      width={640}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      destroyOnHidden
    >
      <Form<RenameValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={entry ? { name: entry.name, content: entry.content, department: entry.department } : {}}
      >
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '名称不能为空' },
            { max: 50, message: '最多50字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="department" label="责任部门" rules={[{ required: true, message: '请选择责任部门' }]}>
          <Select options={options(DEPARTMENT)} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item
          name="content"
          label="政策内容"
          rules={[
            { required: true, whitespace: true, message: '政策内容不能为空' },
            { max: 1000, message: '最多1000字' },
          ]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
