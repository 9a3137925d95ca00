import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import type { HouseholdQuery } from '../../api/households';
import { idNumberProblem } from '../../domain/id-number';
import { CATEGORY, MONITORING_STATUS, options } from '../../domain/labels';

type Values = Pick<HouseholdQuery, 'status' | 'category' | 'name' | 'idNumber'> & { liftedOut?: 'true' | 'false' };

/** Filters of the household list: monitoring status, category, 脱贫户, a fuzzy search (name, code, address, ID tail) or the ID number (exact). */
export function HouseholdFilters({
  query,
  onSearch,
}: {
  query: HouseholdQuery;
  onSearch: (q: HouseholdQuery) => void;
}) {
  const [form] = Form.useForm<Values>();
  const key = JSON.stringify(query);
  useEffect(() => {
    const query = JSON.parse(key) as HouseholdQuery;
    form.setFieldsValue({
      status: query.status,
      category: query.category,
      liftedOut: query.liftedOut === undefined ? undefined : query.liftedOut ? 'true' : 'false',
      name: query.name,
      idNumber: query.idNumber,
    });
  }, [form, key]);

  const submit = (v: Values) =>
    onSearch({
      status: v.status || undefined,
      category: v.category || undefined,
      liftedOut: v.liftedOut === undefined ? undefined : v.liftedOut === 'true',
      name: v.name?.trim() || undefined,
      idNumber: v.idNumber?.trim() || undefined,
    });

  return (
    <Form<Values> form={form} layout="inline" onFinish={submit} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="status" label="监测状态">
        <Select allowClear placeholder="全部" style={{ width: 120 }} options={options(MONITORING_STATUS)} />
      </Form.Item>
      <Form.Item name="category" label="监测类别">
        <Select allowClear placeholder="全部" style={{ width: 150 }} options={options(CATEGORY)} />
      </Form.Item>
      <Form.Item name="liftedOut" label="脱贫户">
        <Select
          allowClear
          placeholder="全部"
          style={{ width: 100 }}
          options={[
            { value: 'true', label: '是' },
            { value: 'false', label: '否' },
          ]}
        />
      </Form.Item>
      <Form.Item name="name" label="查找">
        <Input allowClear placeholder="姓名、户编号、住址或身份证号末两位" style={{ width: 240, maxWidth: '100%' }} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label="身份证号"
        rules={[
          {
            validator: async (_, v?: string) => {
              const problem = v?.trim() ? idNumberProblem(v) : undefined;
              if (problem) throw new Error(problem);
            },
          },
        ]}
      >
        <Input allowClear placeholder="18位，精确匹配" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
