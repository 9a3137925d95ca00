import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type Campaign, campaignsApi, type Problem } from '../../api/campaigns';
import { errorMessage } from '../../api/client';
import { useUser } from '../../app/auth';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDate } from '../../domain/format';
import { label, options, PROBLEM_SEVERITY, PROBLEM_SOURCE, PROBLEM_STATUS } from '../../domain/labels';
import { Link } from '../../router/Link';
import { RegionSelect } from '../feeds/RegionSelect';
import { useLoad, WORKERS } from './use-load';

export const STATUS_COLOR: Record<string, string> = {
  rectifying: 'blue',
  submitted: 'gold',
  closed: 'green',
  overdue: 'red',
};

/** 问题清单 of one campaign (SPEC §15): every problem in the reader's region, overdue first. */
export function ProblemsTab({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const user = useUser();
  const [status, setStatus] = useState<string>();
  const { data, error, reload } = useLoad(
    () => campaignsApi.problems({ campaignId: campaign.id, status, pageSize: 500 }),
    [campaign.id, status],
  );
  const [adding, setAdding] = useState(false);
  return (
    <>
      <div style={{ display: 'flex', gap: 8, marginBottom: 12, flexWrap: 'wrap' }}>
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={options(PROBLEM_STATUS)}
        />
        {WORKERS.includes(user.role) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记问题
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      <ResponsiveTable<Problem>
        rowKey="id"
        size="small"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无问题' }}
        data-testid="problems"
        columns={[
          {
            title: '编号',
            mobile: 'title',
            dataIndex: 'number',
            width: 70,
            render: (n: number, p) => <Link to={`/problems/${p.id}`}>问题{n}</Link>,
          },
          { title: '所在区划', dataIndex: 'regionName', width: 110 },
          { title: '任务领域', dataIndex: 'areaName', width: 140, render: (v: string | null) => v ?? '—' },
          { title: '来源', dataIndex: 'source', width: 80, render: (v: string) => label(PROBLEM_SOURCE, v) },
          { title: '问题描述', mobile: true, dataIndex: 'description', ellipsis: true },
          { title: '整改时限', mobile: true, dataIndex: 'deadline', width: 110, render: (v: string) => formatDate(v) },
          {
            title: '状态',
            mobile: true,
            dataIndex: 'status',
            width: 150,
            render: (v: string, p) => (
              <>
                <Tag color={STATUS_COLOR[v]}>{label(PROBLEM_STATUS, v)}</Tag>
                {p.escalatedToName && v === 'overdue' && <Tag color="volcano">{p.escalatedToName}督办</Tag>}
              </>
            ),
          },
        ]}
      />
      {adding && (
        <NewProblemModal
          campaign={campaign}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            reload();
            onChanged();
          }}
        />
      )}
    </>
  );
}

interface Values {
  regionCode: string;
  areaKey?: string;
  source: string;
  description: string;
  severity: string;
  owner: string;
  deadline?: Dayjs;
}

function NewProblemModal({
  campaign,
  onClose,
  onSaved,
}: {
  campaign: Campaign;
  onClose: () => void;
  onSaved: () => void;
}) {
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const root = user.regionCode.length > campaign.regionCode.length ? user.regionCode : campaign.regionCode;
  const save = async () => {
    const v = await form.validateFields();
    try {
      await campaignsApi.createProblem({
        campaignId: campaign.id,
        regionCode: v.regionCode,
        source: v.source,
        description: v.description,
        severity: v.severity,
        owner: v.owner,
        ...(v.areaKey ? { areaKey: v.areaKey } : {}),
        ...(v.deadline ? { deadline: v.deadline.format('YYYY-MM-DD') } : {}),
      });
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal title="登记问题" open onCancel={onClose} onOk={save} okText="登记">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ source: 'self_check', severity: 'normal', regionCode: root, deadline: dayjs().add(15, 'day') }}
      >
        <Form.Item name="regionCode" label="所在区划" rules={[{ required: true, message: '请选择区划' }]}>
          <RegionSelect rootCode={root} />
        </Form.Item>
        <Form.Item name="areaKey" label="任务领域">
          <Select allowClear options={campaign.areas.map((a) => ({ value: a.key, label: a.name }))} />
        </Form.Item>
        <Form.Item name="source" label="问题来源">
          <Select options={options(PROBLEM_SOURCE)} />
        </Form.Item>
        <Form.Item name="description" label="问题描述" rules={[{ required: true, message: '请描述问题' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="severity" label="严重程度">
          <Select options={options(PROBLEM_SEVERITY)} />
        </Form.Item>
        <Form.Item name="owner" label="责任单位" rules={[{ required: true, message: '请填写责任单位' }]}>
          <Input placeholder="如：村民委员会、镇水管所" />
        </Form.Item>
        <Form.Item name="deadline" label="整改时限">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
