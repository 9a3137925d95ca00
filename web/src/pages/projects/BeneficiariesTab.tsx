import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type Beneficiary, type BenefitWay, type ProjectDetail, projectsApi } from '../../api/projects';
import { useUser } from '../../app/auth';
import { FormError } from '../../components/FormError';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { householdsAndPersons } from '../../domain/format';
import { isProjectOfficer } from '../../domain/permissions';
import { BENEFIT_WAY, label, options } from '../../domain/project-labels';
import { applyServerError } from '../../forms/server-errors';
import { Link } from '../../router/Link';
import { wan } from './project-ui';

/** 联农带农: the registry households that benefit, how and how much, as "X户Y人" with the monitored among them. */
export function BeneficiariesTab({ detail, onChanged }: { detail: ProjectDetail; onChanged: () => void }) {
  const { message } = App.useApp();
  // the project officer picks households but opens no household file (docs/decisions/0036)
  const opensFiles = !isProjectOfficer(useUser().role);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{
    householdId: string;
    way: BenefitWay;
    amountYuan: number;
    note?: string;
    countAsMeasure?: boolean;
  }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const b = detail.benefit;
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setFailure(undefined);
    try {
      await projectsApi.addBeneficiary(detail.project.id, v);
      message.success('受益户已登记');
      setOpen(false);
      onChanged();
    } catch (e) {
      setFailure(e);
      applyServerError(form, e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text data-testid="benefit-figures">
          带动{householdsAndPersons(b.households, b.persons)}，其中监测户
          {householdsAndPersons(b.monitoredHouseholds, b.monitoredPersons)}， 受益金额{wan(b.amountYuan)}
        </Typography.Text>
        {detail.canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            登记受益户
          </Button>
        )}
      </Space>
      <ResponsiveTable<Beneficiary>
        rowKey="id"
        size="small"
        dataSource={detail.beneficiaries}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: '暂无受益户' }}
        columns={[
          {
            title: '户主',
            render: (_, r) =>
              opensFiles ? (
                <Link to={`/households/${r.householdId}`}>{r.headName || r.householdCode}</Link>
              ) : (
                r.headName || r.householdCode
              ),
          },
          { title: '村', dataIndex: 'regionName' },
          { title: '人数', dataIndex: 'persons' },
          {
            title: '监测户',
            render: (_, r) => (
              <Space size={4} wrap>
                {r.monitored ? <Tag color="orange">是</Tag> : '否'}
                {r.measureId && <Tag color="blue">已记为帮扶措施</Tag>}
              </Space>
            ),
          },
          { title: '带动方式', render: (_, r) => label(BENEFIT_WAY, r.way) },
          { title: '金额', render: (_, r) => wan(r.amountYuan) },
          { title: '说明', dataIndex: 'note' },
        ]}
      />
      <Modal
        title="登记受益户"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText="登记"
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ way: 'job' }}>
          <FormError error={failure} />
          <Form.Item
            name="householdId"
            label="农户（按成员姓名或身份证号查找）"
            rules={[{ required: true, message: '请选择农户' }]}
          >
            <HouseholdPicker />
          </Form.Item>
          <Form.Item name="way" label="带动方式" rules={[{ required: true, message: '请选择' }]}>
            <Select options={options(BENEFIT_WAY)} />
          </Form.Item>
          <Form.Item name="amountYuan" label="年受益金额" rules={[{ required: true, message: '请填写金额' }]}>
            <InputNumber min={0} precision={2} addonAfter="元" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input placeholder="如：基地务工6个月" />
          </Form.Item>
          <Form.Item
            name="countAsMeasure"
            valuePropName="checked"
            extra="仅限监测户：务工记为就地就近就业，其他记为联农带农利益联结"
          >
            <Checkbox>同时记为本户的一项帮扶措施</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
