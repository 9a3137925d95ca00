import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { campaignsApi } from '../../api/campaigns';
import { useUser } from '../../app/auth';
import { FormError } from '../../components/FormError';
import { PageHead } from '../../components/PageHead';
import { formatDate } from '../../domain/format';
import { applyServerError } from '../../forms/server-errors';
import { navigate } from '../../router/history';
import { Link } from '../../router/Link';
import { LEADS, useLoad } from './use-load';

/** 专项行动 (SPEC §15): the campaigns the user works in or oversees, and starting one over the user's region. */
export default function CampaignListPage() {
  const user = useUser();
  const { message } = App.useApp();
  const { data, error } = useLoad(() => campaignsApi.list(), []);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; period: [Dayjs, Dayjs] }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const c = await campaignsApi.create({
        name: v.name,
        regionCode: user.regionCode,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
      });
      message.success('专项行动已发起，任务领域和检查清单按瓦房“大提升”模板生成，可修改');
      navigate(`/campaigns/${c.id}`);
    } catch (e) {
      setFailure(e);
      applyServerError(form, e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHead
        title="专项行动"
        extra={
          LEADS.includes(user.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              发起专项行动
            </Button>
          )
        }
      >
        <Typography.Text type="secondary">
          集中排查、问题清单、整改销号、随机抽查（不低于30%的村）和回头看。
        </Typography.Text>
      </PageHead>
      {error && <Alert type="error" showIcon title={error} />}
      <Card>
        <List
          loading={!data && !error}
          dataSource={data ?? []}
          locale={{ emptyText: '暂无专项行动' }}
          data-testid="campaign-list"
          renderItem={(c) => (
            <List.Item
              extra={
                <Space wrap>
                  <Tag>问题 {c.problems.total}</Tag>
                  <Tag color={c.problems.open ? 'orange' : 'green'}>未清零 {c.problems.open}</Tag>
                  {c.problems.overdue > 0 && <Tag color="red">逾期 {c.problems.overdue}</Tag>}
                </Space>
              }
            >
              <List.Item.Meta
                title={<Link to={`/campaigns/${c.id}`}>{c.name}</Link>}
                description={`${c.regionName} · ${formatDate(c.startsOn)} 至 ${formatDate(c.endsOn)} · ${c.areas.length}个任务领域`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Modal
        title="发起专项行动"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText="发起"
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ period: [dayjs(), dayjs().add(45, 'day')] }}>
          <FormError error={failure} />
          <Form.Item name="name" label="行动名称" rules={[{ required: true, message: '请填写行动名称' }]}>
            <Input placeholder="如：巩固拓展脱贫攻坚成果“大提升”专项行动" />
          </Form.Item>
          <Form.Item name="period" label="行动期间" rules={[{ required: true, message: '请选择起止日期' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
