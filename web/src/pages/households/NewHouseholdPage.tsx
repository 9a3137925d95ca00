import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Switch } from 'antd';
import { useState } from 'react';
import { householdsApi } from '../../api/households';
import { useUser } from '../../app/auth';
import { FormError } from '../../components/FormError';
import { PageHead } from '../../components/PageHead';
import { VillageSelect } from '../../components/VillageSelect';
import { applyServerError } from '../../forms/server-errors';
import { navigate } from '../../router/history';
import { PersonFields, toPersonInput } from './PersonFields';

interface Values {
  regionCode: string;
  address?: string;
  liftedOut: boolean;
  liftedOutYear?: number;
  members: Record<string, unknown>[];
}

/** 新建农户 (一户一档, SPEC §4.1): village, address, 脱贫户, and the members with exactly one head. */
export default function NewHouseholdPage() {
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const liftedOut = Form.useWatch('liftedOut', form);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await householdsApi.create({
        regionCode: v.regionCode,
        address: v.address?.trim() ?? '',
        liftedOut: v.liftedOut,
        liftedOutYear: v.liftedOut ? (v.liftedOutYear ?? null) : null,
        members: v.members.map(toPersonInput),
      });
      message.success(`已建档，户编号 ${res.code}`);
      navigate(`/households/${res.id}`, { replace: true });
    } catch (e) {
      setError(e);
      applyServerError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead title="新建农户" />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{ liftedOut: false, members: [{ relation: 'head' }] }}
      >
        <Card title="基本信息" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="regionCode" label="所属村" rules={[{ required: true, message: '请选择所属村' }]}>
                <VillageSelect rootCode={user.regionCode} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="address" label="住址" rules={[{ max: 200, message: '住址最多200个字' }]}>
                <Input placeholder="如：一组12号" />
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item name="liftedOut" label="脱贫户" valuePropName="checked">
                <Switch checkedChildren="是" unCheckedChildren="否" />
              </Form.Item>
            </Col>
            {liftedOut && (
              <Col xs={12} md={3}>
                <Form.Item
                  name="liftedOutYear"
                  label="脱贫年度"
                  rules={[
                    { required: true, message: '请填写脱贫年度' },
                    { type: 'number', min: 2013, max: 2020, message: '应在2013至2020年之间' },
                  ]}
                >
                  <InputNumber precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Card>
        <Form.List
          name="members"
          rules={[
            {
              validator: async (_, members: { relation?: string }[]) => {
                const heads = (members ?? []).filter((m) => m?.relation === 'head').length;
                if (heads !== 1) throw new Error(heads === 0 ? '必须有一名户主' : '一户只能有一名户主');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Card
              title="家庭成员"
              extra={
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ relation: 'child' })}
                  disabled={fields.length >= 30}
                >
                  添加成员
                </Button>
              }
              style={{ marginBottom: 16 }}
            >
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  type="inner"
                  title={`成员 ${i + 1}`}
                  style={{ marginBottom: 12 }}
                  extra={
                    fields.length > 1 && (
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)}>
                        删除
                      </Button>
                    )
                  }
                >
                  <PersonFields prefix={[f.name]} listName="members" allowHead />
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
            </Card>
          )}
        </Form.List>
        <FormError error={error} />
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存并建档
          </Button>
          <Button onClick={() => navigate('/households')}>取消</Button>
        </Space>
      </Form>
    </>
  );
}
