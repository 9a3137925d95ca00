import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Collapse, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Campaign } from '../../api/campaigns';
import { campaignsApi } from '../../api/campaigns';
import { errorMessage } from '../../api/client';
import { useUser } from '../../app/auth';
import { LEADS } from './use-load';

/** Task areas with their checklist items (how to check, responsible units); the lead adds items. */
export function ChecklistTab({ campaign, onSaved }: { campaign: Campaign; onSaved: () => void }) {
  const user = useUser();
  const { message } = App.useApp();
  const [adding, setAdding] = useState<string>();
  const [form] = Form.useForm<{ title: string; howToCheck: string }>();
  const canEdit = LEADS.includes(user.role) && campaign.regionCode.startsWith(user.regionCode);

  const add = async () => {
    const v = await form.validateFields();
    const areas = structuredClone(campaign.areas);
    const area = areas.find((a) => a.key === adding);
    if (!area) return;
    area.items.push({ key: `${area.key}-${Date.now().toString(36)}`, title: v.title, howToCheck: v.howToCheck ?? '' });
    try {
      await campaignsApi.updateAreas(campaign.id, areas, campaign.version);
      message.success('检查项已添加');
      setAdding(undefined);
      form.resetFields();
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Collapse
        data-testid="checklist"
        defaultActiveKey={campaign.areas.slice(0, 1).map((a) => a.key)}
        items={campaign.areas.map((a, i) => ({
          key: a.key,
          label: `${'一二三四五六七八九十'[i] ?? i + 1}、${a.name}（${a.items.length}项）`,
          extra: canEdit && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={(e) => {
                e.stopPropagation();
                setAdding(a.key);
              }}
            >
              添加检查项
            </Button>
          ),
          children: (
            <>
              <div style={{ marginBottom: 8 }}>
                责任单位：
                {a.responsibleUnits.map((u) => (
                  <Tag key={u}>{u}</Tag>
                ))}
              </div>
              <List
                size="small"
                dataSource={a.items}
                renderItem={(it, j) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${j + 1}. ${it.title}`}
                      description={<Typography.Text type="secondary">检查方法：{it.howToCheck || '—'}</Typography.Text>}
                    />
                  </List.Item>
                )}
              />
            </>
          ),
        }))}
      />
      <Modal title="添加检查项" open={Boolean(adding)} onCancel={() => setAdding(undefined)} onOk={add} okText="添加">
        <Form form={form} layout="vertical">
          <Form.Item name="title" label="检查内容" rules={[{ required: true, message: '请填写检查内容' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="howToCheck" label="检查方法">
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
