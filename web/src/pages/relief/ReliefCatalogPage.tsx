import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Switch,
} from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { type ReliefItemEdit, reliefApi } from '../../api/relief';
import { useUser } from '../../app/auth';
import { FormError } from '../../components/FormError';
import { PageHead } from '../../components/PageHead';
import { RISK_TYPE } from '../../domain/labels';
import { fieldPath } from '../../forms/server-errors';
import { DEPARTMENT } from '../assistance/assistance-labels';

interface Values {
  items: ReliefItemEdit[];
}

const departments = Object.entries(DEPARTMENT).map(([value, label]) => ({ value, label }));
const riskTypes = Object.entries(RISK_TYPE).map(([value, label]) => ({ value, label }));

/** A new item's code: never shown, only unique within the catalogue (the server checks the pattern). */
function freshCode(items: ReliefItemEdit[]): string {
  const taken = new Set(items.map((i) => i.code));
  let n = 1;
  while (taken.has(`local_item_${n}`)) n++;
  return `local_item_${n}`;
}

/**
 * 服务事项目录 (SPEC §14): the county keeps its own list of relief service items — 云南 counties list 15–16 — with
 * the department that handles each, its time limit in working days, the materials and the risk types of the clue an
 * application raises. Saving replaces the catalogue; the earlier one stays in the settings history.
 */
export default function ReliefCatalogPage() {
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const region = user.regionCode.slice(0, 6);

  useEffect(() => {
    let live = true;
    reliefApi.catalogue(region).then(
      (c) => {
        if (!live) return;
        form.setFieldsValue({
          items: c.items.map((i) => ({
            code: i.code,
            name: i.name,
            department: i.department,
            limitDays: i.limitDays,
            materials: i.materials,
            needsRegistryMatch: i.needsRegistryMatch,
            riskTypes: i.riskTypes,
            enabled: i.enabled,
          })),
        });
        setLoaded(true);
      },
      (e) => live && setLoadError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [region, form]);

  const save = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const items = v.items.map((i) => ({ ...i, name: i.name.trim(), materials: i.materials ?? [] }));
      await reliefApi.setCatalogue(region, items);
      message.success('服务事项目录已保存');
    } catch (e) {
      setError(e);
      // The server names each bad row: `items[3].limitDays`.
      const list = e instanceof ApiError ? e.details.errors : undefined;
      if (Array.isArray(list)) {
        (form as FormInstance).setFields(
          (list as { field: string; message: string }[]).map((x) => ({
            name: fieldPath(x.field),
            errors: [x.message],
          })),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead title="服务事项目录">
        <div className="sx-muted">
          群众在政府救助平台上可以申请的事项；由哪个部门办理、多少个工作日内答复。保存后留存历史版本。
        </div>
      </PageHead>
      {loadError && <Alert type="error" showIcon title={loadError} />}
      {!loaded && !loadError && <Skeleton active />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={save}
        hidden={!loaded}
        data-testid="relief-catalogue"
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`第${index + 1}项`}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label="删除此事项"
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <div className="sx-form-grid">
                    <Form.Item name={[field.name, 'code']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'name']}
                      label="事项名称"
                      rules={[{ required: true, whitespace: true, max: 30, message: '请填写事项名称（不超过30字）' }]}
                    >
                      <Input maxLength={30} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'department']}
                      label="办理部门"
                      rules={[{ required: true, message: '请选择办理部门' }]}
                    >
                      <Select options={departments} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'limitDays']}
                      label="办理时限（工作日）"
                      rules={[{ required: true, message: '请填写办理时限' }]}
                    >
                      <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'riskTypes']} label="对应风险类型">
                      <Select mode="multiple" options={riskTypes} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'materials']} label="所需材料">
                      <Select mode="tags" open={false} tokenSeparators={['、', '，', ',']} placeholder="输入后回车" />
                    </Form.Item>
                    <Space size="large">
                      <Form.Item name={[field.name, 'needsRegistryMatch']} label="须在档案中" valuePropName="checked">
                        <Switch />
                      </Form.Item>
                      <Form.Item name={[field.name, 'enabled']} label="启用" valuePropName="checked">
                        <Switch />
                      </Form.Item>
                    </Space>
                  </div>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    code: freshCode(form.getFieldValue('items') ?? []),
                    name: '',
                    department: 'civil_affairs',
                    limitDays: 10,
                    materials: [],
                    needsRegistryMatch: false,
                    riskTypes: [],
                    enabled: true,
                  })
                }
              >
                添加事项
              </Button>
            </Space>
          )}
        </Form.List>
        <div style={{ marginTop: 16 }}>
          <FormError error={error} />
          <Button type="primary" htmlType="submit" loading={busy} data-testid="relief-catalogue-save">
            保存目录
          </Button>
        </div>
      </Form>
    </>
  );
}
