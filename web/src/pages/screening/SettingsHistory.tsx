import { Alert, Card, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type RuleSettingHistory, type RuleSettingRecord, type ScreeningRule, screeningApi } from '../../api/screening';
import { RegionName } from '../../components/RegionName';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../domain/format';
import { describeThresholds } from './thresholds';

/** Where a setting sits relative to the region being viewed: its own, inherited from above, or made below it. */
function placeOf(settingRegion: string, region: string): { text: string; colour?: string } {
  if (settingRegion === region) return { text: '本区划', colour: 'blue' };
  if (region.startsWith(settingRegion)) return { text: '上级区划' };
  return { text: '下级区划' };
}

/**
 * The setting in force for `region` (SPEC §3): the newest one of the nearest region at or above it. Items come
 * newest first, so the first of the longest code wins.
 */
export function settingInForce(items: RuleSettingRecord[], region: string): RuleSettingRecord | undefined {
  let best: RuleSettingRecord | undefined;
  for (const i of items) {
    if (!region.startsWith(i.regionCode)) continue;
    if (!best || i.regionCode.length > best.regionCode.length) best = i;
  }
  return best;
}

/**
 * 设定历史 of one rule around the region being viewed (GET /api/screening/rules/:code/settings): every threshold or
 * on/off setting ever saved for the region, the regions above it and those below it, newest first. Saved settings are
 * never overwritten, so the whole history is here; whoever may read the rules may read it.
 */
export function SettingsHistory({
  rules,
  region,
  code,
  onCode,
  refreshKey,
}: {
  rules: ScreeningRule[] | undefined;
  region: string;
  code: string | undefined;
  onCode: (code: string) => void;
  refreshKey: number;
}) {
  const [data, setData] = useState<RuleSettingHistory>();
  const [error, setError] = useState<string>();
  const rule = rules?.find((r) => r.code === code);

  useEffect(() => {
    if (!code) return;
    let live = true;
    void refreshKey;
    setData(undefined);
    setError(undefined);
    screeningApi.ruleSettings(code, region).then(
      (d) => live && setData(d),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [code, region, refreshKey]);

  const inForce = data ? settingInForce(data.items, region) : undefined;
  const kind = rule?.conditionKind ?? 'record_test';
  return (
    <Card
      title="设定历史"
      style={{ marginTop: 16 }}
      data-testid="settings-history"
      extra={
        <Space>
          规则：
          <Select
            style={{ width: 320 }}
            value={code}
            placeholder="请选择规则"
            showSearch={{ optionFilterProp: 'label' }}
            options={(rules ?? []).map((r) => ({ value: r.code, label: r.name }))}
            onChange={onCode}
            aria-label="查看设定历史的规则"
          />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {data && (
        <p className="sx-muted">
          默认阈值：{describeThresholds(data.defaults, kind)}。
          {inForce ? (
            <>
              <RegionName code={region} /> 现按 <RegionName code={inForce.regionCode} /> {formatDateTime(inForce.setAt)}{' '}
              的设定执行。
            </>
          ) : (
            <>
              <RegionName code={region} /> 及其上级均未单独设定，按默认阈值执行。
            </>
          )}
        </p>
      )}
      <ResponsiveTable<RuleSettingRecord>
        rowKey="id"
        size="small"
        loading={code !== undefined && !data && !error}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '该规则在本区划及上下级均未调整过，使用默认阈值' }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: '时间', dataIndex: 'setAt', width: 170, render: (v: string) => formatDateTime(v) },
          { title: '设定人', dataIndex: 'setBy', width: 110 },
          {
            title: '区划',
            dataIndex: 'regionCode',
            width: 220,
            render: (v: string, i) => {
              const place = placeOf(v, region);
              return (
                <Space size={4} wrap>
                  <RegionName code={v} />
                  <Tag color={place.colour}>{place.text}</Tag>
                  {i.id === inForce?.id && <Tag color="green">现行</Tag>}
                </Space>
              );
            },
          },
          {
            title: '启用',
            dataIndex: 'enabled',
            width: 70,
            render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
          },
          {
            title: '阈值',
            dataIndex: 'thresholds',
            render: (v: Record<string, number>) => describeThresholds(v, kind),
          },
        ]}
      />
    </Card>
  );
}
