import { Alert, Button, Card, Form, Space, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type SettingEntry, settingsApi } from '../../api/settings';
import { useUser } from '../../app/auth';
import { PageHead } from '../../components/PageHead';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { can } from '../../domain/permissions';
import { RegionSelect } from '../feeds/RegionSelect';
import { EditSettingModal } from './EditSettingModal';
import { SettingHistoryDrawer } from './SettingHistoryDrawer';
import { SettingValueView, SourceTag } from './setting-format';

/**
 * 参数设置 (SPEC §3): the per-region parameters other than monitoring lines, procedure templates, the measure
 * catalogue and screening rules (each on its own page) — the value in force for a chosen region, the level it comes
 * from, the default, editing (county, admin) and the history.
 */
export default function SettingsPage() {
  const user = useUser();
  const writable = can(user, 'settings.write');
  const [region, setRegion] = useState(user.regionCode);
  const [data, setData] = useState<{ region: { code: string; name: string }; items: SettingEntry[] }>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<SettingEntry>();
  const [viewing, setViewing] = useState<SettingEntry>();

  const load = useCallback(() => {
    let live = true;
    setError(undefined);
    settingsApi.list(region).then(
      (d) => live && setData(d),
      (e) => {
        if (!live) return;
        setData(undefined);
        setError(errorMessage(e));
      },
    );
    return () => {
      live = false;
    };
  }, [region]);
  useEffect(load, [load]);

  const shown = data && data.region.code === region ? data : undefined;
  const place = shown?.region ?? { code: region, name: region };

  return (
    <>
      <PageHead title="参数设置">
        <Typography.Text type="secondary">
          研判阈值、办理时限等参数按区划设定并向下继承，下级未设定的沿用上级或默认值；时限和阈值下级只能从严，不能放宽。
          监测线、程序模板、措施目录和筛查规则在各自页面设置。
        </Typography.Text>
      </PageHead>
      <Card>
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label="区划">
            <RegionSelect rootCode={user.regionCode} value={region} onChange={(c) => c && setRegion(c)} />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <ResponsiveTable<SettingEntry>
          rowKey="key"
          loading={!shown && !error}
          dataSource={shown?.items ?? []}
          pagination={false}
          scroll={{ x: 960 }}
          columns={[
            {
              title: '参数',
              key: 'name',
              width: 250,
              render: (_, e) => (
                <Tooltip title={e.description}>
                  <div data-setting={e.key}>{e.name}</div>
                </Tooltip>
              ),
            },
            {
              title: '生效值',
              key: 'value',
              render: (_, e) => (
                <SettingValueView
                  fields={e.fields}
                  value={e.value}
                  sources={e.fieldSources}
                  empty="未设定（用村民委员会）"
                />
              ),
            },
            { title: '来源', key: 'source', width: 170, render: (_, e) => <SourceTag source={e.source} /> },
            {
              title: '默认值',
              key: 'default',
              width: 270,
              render: (_, e) => <SettingValueView fields={e.fields} value={e.default} empty="未设定" />,
            },
            {
              title: '操作',
              key: 'actions',
              width: 140,
              fixed: 'right',
              render: (_, e) => (
                <Space size={0}>
                  {writable && (
                    <Button type="link" size="small" onClick={() => setEditing(e)} aria-label={`修改${e.name}`}>
                      修改
                    </Button>
                  )}
                  <Button type="link" size="small" onClick={() => setViewing(e)} aria-label={`${e.name}的历史`}>
                    历史
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <EditSettingModal
        entry={editing}
        region={place}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          load();
        }}
      />
      <SettingHistoryDrawer entry={viewing} region={place} onClose={() => setViewing(undefined)} />
    </>
  );
}
