import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { type Fund, type ProjectInput, projectsApi } from '../../api/projects';
import { useUser } from '../../app/auth';
import { FormError } from '../../components/FormError';
import { FUND_LEVEL, options } from '../../domain/project-labels';
import { applyServerError } from '../../forms/server-errors';
import { navigate } from '../../router/history';
import { RegionSelect } from '../feeds/RegionSelect';
import { useLoad } from './project-ui';

interface Values {
  name: string;
  regionCode: string;
  year: number;
  type: string;
  funds: Fund[];
  taskForce: string;
  manager: string;
  managerPhone?: string;
  description?: string;
}

/** 项目申报 (SPEC §13): a project enters the library with its funds by level and source. */
export function ProjectForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const { data: rules } = useLoad(() => projectsApi.rules(), []);
  const fundName = rules?.value.fundName ?? '';

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setFailure(undefined);
    try {
      const body: ProjectInput = { ...v, funds: v.funds.map((f) => ({ ...f, amountYuan: Number(f.amountYuan) })) };
      const p = await projectsApi.create(body);
      message.success(
        p.keyProject ? '项目已申报，按规则列为重点帮包项目，入库前须明确市、区、镇三级帮包责任人' : '项目已申报',
      );
      navigate(`/projects/${p.id}`);
    } catch (e) {
      setFailure(e);
      applyServerError(form, e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="项目申报"
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="申报"
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          regionCode: user.regionCode,
          year: new Date().getFullYear(),
          funds: [{ level: 'central', source: 'linkage' }],
        }}
      >
        <FormError error={failure} />
        <Form.Item name="name" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]}>
          <Input placeholder="如：某某村高原夏菜种植基地建设项目" />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 160, flex: 1 } }}>
          <Form.Item name="regionCode" label="建设地点" rules={[{ required: true, message: '请选择区划' }]}>
            <RegionSelect rootCode={user.regionCode} />
          </Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="type" label="项目类型" rules={[{ required: true, message: '请选择项目类型' }]}>
            <Select
              showSearch
              data-testid="project-type"
              options={(rules?.value.types ?? []).map((t) => ({ value: t, label: t }))}
            />
          </Form.Item>
        </Space>
        <Form.List name="funds">
          {(fields, { add, remove }) => (
            <Form.Item label="资金来源" required>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[f.name, 'level']} noStyle rules={[{ required: true, message: '请选择' }]}>
                    <Select style={{ width: 90 }} options={options(FUND_LEVEL)} aria-label="资金级别" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'source']} noStyle rules={[{ required: true, message: '请选择' }]}>
                    <Select
                      style={{ width: 150 }}
                      aria-label="资金性质"
                      options={[
                        { value: 'linkage', label: fundName || '帮扶资金' },
                        { value: 'other', label: '其他资金' },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amountYuan']} rules={[{ required: true, message: '请填写金额' }]}>
                    <InputNumber min={0} precision={2} addonAfter="元" style={{ width: 190 }} aria-label="金额" />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label="删除"
                    />
                  )}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ level: 'county', source: 'other' })}>
                增加资金来源
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 160, flex: 1 } }}>
          <Form.Item name="taskForce" label="项目专班" rules={[{ required: true, message: '请填写项目专班' }]}>
            <Input placeholder="如：某某镇产业项目专班" />
          </Form.Item>
          <Form.Item name="manager" label="项目负责人" rules={[{ required: true, message: '请填写负责人' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="managerPhone" label="联系电话">
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="description" label="建设内容与联农带农机制">
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
