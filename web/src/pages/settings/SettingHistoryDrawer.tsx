import { Alert, Drawer, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type SettingEntry, type SettingHistoryItem, settingsApi } from '../../api/settings';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../domain/format';
import { SettingValueView, SourceTag } from './setting-format';

const RELATION = { self: '本级', above: '上级', below: '下级' } as const;

/**
 * Every value of one key ever set at the region, above it and inside it, newest first, with who set it (SPEC §3):
 * rows are never changed, a newer row of the same region supersedes the older one.
 */
export function SettingHistoryDrawer({
  entry,
  region,
  onClose,
}: {
  entry: SettingEntry | undefined;
  region: { code: string; name: string };
  onClose: () => void;
}) {
  const [items, setItems] = useState<SettingHistoryItem[]>();
  const [error, setError] = useState<string>();
  const key = entry?.key;

  useEffect(() => {
    if (!key) return;
    let live = true;
    setItems(undefined);
    setError(undefined);
    settingsApi.history(key, region.code).then(
      (h) => live && setItems(h.items),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [key, region.code]);

  return (
    <Drawer
      title={entry ? `设定历史：${entry.name}（${region.name}及上下级）` : ''}
      open={entry !== undefined}
      onClose={onClose}
      size={760}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {entry && (
        <ResponsiveTable<SettingHistoryItem>
          rowKey="id"
          size="small"
          loading={!items && !error}
          dataSource={items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '从未设定，一直使用默认值' }}
          columns={[
            { title: '设定时间', dataIndex: 'setAt', width: 160, render: (v: string) => formatDateTime(v) },
            {
              title: '区划',
              key: 'region',
              width: 190,
              render: (_, i) => (
                <>
                  <Tag>{RELATION[i.relation]}</Tag>
                  <SourceTag source={{ level: i.level, regionCode: i.regionCode, regionName: i.regionName }} />
                </>
              ),
            },
            {
              title: '设定值',
              key: 'value',
              render: (_, i) => (
                <SettingValueView fields={entry.fields} value={i.value} only empty="清除本级设定（继承上级）" />
              ),
            },
            {
              title: '设定人',
              key: 'setBy',
              width: 110,
              render: (_, i) => i.setByName ?? i.setBy ?? '系统',
            },
          ]}
        />
      )}
    </Drawer>
  );
}
