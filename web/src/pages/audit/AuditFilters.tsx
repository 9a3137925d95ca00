import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditQuery } from '../../api/audit';
import { AUDIT_ACTION, options } from '../../domain/labels';

interface Values {
  action?: string;
  username?: string;
  householdId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters of the audit log; the end date is inclusive (the API's `to` is exclusive, so one day is added). */
export function AuditFilters({ onSearch }: { onSearch: (q: AuditQuery) => void }) {
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    onSearch({
      action: v.action || undefined,
      username: v.username?.trim() || undefined,
      householdId: v.householdId?.trim() || undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.add(1, 'day').format('YYYY-MM-DD'),
    });
  return (
    <Form<Values> form={form} layout="inline" onFinish={submit} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="action" label="操作">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部"
          style={{ width: 180 }}
          options={options(AUDIT_ACTION)}
        />
      </Form.Item>
      <Form.Item name="username" label="用户名">
        <Input allowClear style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="householdId" label="农户ID" rules={[{ pattern: UUID, message: '农户ID格式不正确' }]}>
        <Input allowClear style={{ width: 300 }} placeholder="农户档案地址中的ID" />
      </Form.Item>
      <Form.Item name="range" label="日期">
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
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
