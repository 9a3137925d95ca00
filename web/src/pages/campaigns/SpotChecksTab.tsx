import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { type Campaign, campaignsApi, type SpotCheck } from '../../api/campaigns';
import { errorMessage } from '../../api/client';
import { useUser } from '../../app/auth';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { label, SPOT_CHECK_KIND } from '../../domain/labels';
import { LEADS, percent, useLoad, WORKERS } from './use-load';

interface Unit {
  unitId: string;
  villageName: string;
  townshipName: string;
  regionCode: string;
  title: string;
  checkedItems: number;
}

/**
 * 抽查 and 回头看 (SPEC §15): draw villages at a stated ratio with a recorded seed (the same seed gives the same frozen
 * list, every township covered), then record per checklist item what was found; a problem becomes a problem.
 */
export function SpotChecksTab({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const user = useUser();
  const { message } = App.useApp();
  const region = user.regionCode.length > campaign.regionCode.length ? user.regionCode : campaign.regionCode;
  const list = useLoad(() => campaignsApi.spotChecks(campaign.id), [campaign.id]);
  const [current, setCurrent] = useState<SpotCheck>();
  const [drawError, setDrawError] = useState<string>();
  const [recording, setRecording] = useState<Unit>();
  const [form] = Form.useForm<{ ratio: number; seed: string; target: 'villages' | 'households' | 'problems' }>();

  useEffect(() => {
    const first = list.data?.[0];
    if (!current && first) campaignsApi.spotCheck(first.id).then(setCurrent, () => undefined);
  }, [list.data, current]);

  const draw = async () => {
    const v = await form.validateFields();
    setDrawError(undefined);
    try {
      const body = { ratio: v.ratio, seed: v.seed, regionCode: region };
      const s =
        v.target === 'villages'
          ? await campaignsApi.drawSpotCheck(campaign.id, body)
          : await campaignsApi.recheck(campaign.id, { ...body, target: v.target });
      setCurrent(s);
      message.success(s.existing ? '该种子已抽取过，显示已冻结的名单' : '已抽取并冻结名单');
      list.reload();
    } catch (e) {
      setDrawError(errorMessage(e));
    }
  };

  const units: Unit[] = current
    ? [
        ...current.villages.map((v) => ({ ...v, title: v.villageName })),
        ...current.households.map((h) => ({ ...h, title: `户 ${h.householdCode}` })),
        ...current.problems.map((p) => ({ ...p, title: `问题${p.problemNumber}：${p.description}` })),
      ]
    : [];

  return (
    <>
      {LEADS.includes(user.role) && (
        <Card title="抽取名单" size="small" style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="inline"
            initialValues={{ ratio: 0.3, seed: `${dayjs().format('YYYY-MM-DD')} 抽查`, target: 'villages' }}
          >
            <Form.Item name="target" label="对象">
              <Select
                style={{ width: 200 }}
                options={[
                  { value: 'villages', label: '抽查村（及村内农户）' },
                  { value: 'households', label: '回头看：已消除风险户' },
                  { value: 'problems', label: '回头看：已销号问题' },
                ]}
              />
            </Form.Item>
            <Form.Item name="ratio" label="抽查比例" rules={[{ required: true, message: '请填写比例' }]}>
              <InputNumber min={0.01} max={1} step={0.05} style={{ width: 100 }} data-testid="ratio" />
            </Form.Item>
            <Form.Item name="seed" label="随机种子" rules={[{ required: true, message: '请填写种子' }]}>
              <Input style={{ width: 200 }} data-testid="seed" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" onClick={draw}>
                抽取
              </Button>
            </Form.Item>
          </Form>
          <Typography.Text type="secondary">
            按乡镇分层随机抽取，每个乡镇至少一个村；记下种子，同一种子可复现同一名单。
          </Typography.Text>
          {drawError && <Alert type="error" showIcon title={drawError} style={{ marginTop: 8 }} role="alert" />}
        </Card>
      )}
      <Card
        size="small"
        title={
          <Space wrap>
            抽查名单
            <Select
              style={{ minWidth: 240 }}
              placeholder="选择一次抽查"
              value={current?.id}
              onChange={(id: string) =>
                campaignsApi.spotCheck(id).then(setCurrent, (e) => message.error(errorMessage(e)))
              }
              options={(list.data ?? []).map((s) => ({
                value: s.id,
                label: `第${s.number}次 ${label(SPOT_CHECK_KIND, s.kind)} ${s.regionName} ${percent(s.ratio)}（${s.seed}）`,
              }))}
            />
          </Space>
        }
      >
        {current && (
          <div style={{ marginBottom: 8 }} data-testid="strata">
            {current.strata.map((s) => (
              <Tag key={s.stratum}>
                {s.name} {s.sampled}/{s.size}
              </Tag>
            ))}
          </div>
        )}
        <ResponsiveTable<Unit>
          rowKey="unitId"
          size="small"
          dataSource={units}
          scroll={{ x: 600 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '尚未抽取' }}
          data-testid="sample"
          columns={[
            { title: '乡镇', dataIndex: 'townshipName', width: 110 },
            { title: '抽中对象', dataIndex: 'title' },
            { title: '已查项', dataIndex: 'checkedItems', width: 80, align: 'right' },
            {
              title: '操作',
              key: 'op',
              width: 100,
              render: (_, u) =>
                WORKERS.includes(user.role) &&
                u.regionCode.startsWith(user.regionCode) && (
                  <Button size="small" type="link" onClick={() => setRecording(u)}>
                    记录结果
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {current && recording && (
        <FindingModal
          campaign={campaign}
          spotCheck={current}
          unit={recording}
          onClose={() => setRecording(undefined)}
          onSaved={async () => {
            setRecording(undefined);
            setCurrent(await campaignsApi.spotCheck(current.id));
            onChanged();
          }}
        />
      )}
    </>
  );
}

function FindingModal({
  campaign,
  spotCheck,
  unit,
  onClose,
  onSaved,
}: {
  campaign: Campaign;
  spotCheck: SpotCheck;
  unit: Unit;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ item: string; result: 'ok' | 'problem'; note?: string }>();
  const result = Form.useWatch('result', form);
  const [error, setError] = useState<string>();
  const items = campaign.areas.flatMap((a) =>
    a.items.map((it) => ({ value: `${a.key}|${it.key}`, label: `${a.name}：${it.title}` })),
  );
  const save = async () => {
    const v = await form.validateFields();
    const [areaKey, itemKey] = v.item.split('|') as [string, string];
    try {
      const f = await campaignsApi.recordFinding(spotCheck.id, {
        unitId: unit.unitId,
        areaKey,
        itemKey,
        result: v.result,
        ...(v.note ? { note: v.note } : {}),
      });
      message.success(f.problemNumber ? `已登记为问题${f.problemNumber}` : '已记录');
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal title={`记录抽查结果：${unit.title}`} open onCancel={onClose} onOk={save} okText="保存">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ result: 'ok' }}>
        <Form.Item name="item" label="检查项" rules={[{ required: true, message: '请选择检查项' }]}>
          <Select showSearch optionFilterProp="label" options={items} data-testid="finding-item" />
        </Form.Item>
        <Form.Item name="result" label="结果">
          <Radio.Group
            options={[
              { value: 'ok', label: '未发现问题' },
              { value: 'problem', label: '发现问题' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={result === 'problem' ? '问题描述' : '说明'}
          rules={result === 'problem' ? [{ required: true, message: '请描述发现的问题' }] : []}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
