import { Alert, Card, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { auditApi } from '../../api/audit';
import { errorMessage } from '../../api/client';
import type { ScreeningRule } from '../../api/screening';
import type { AuditItem, Page } from '../../api/types';
import { RegionName } from '../../components/RegionName';
import { formatDateTime } from '../../domain/format';
import { formatThreshold, thresholdName } from './thresholds';

interface SettingRow {
  ruleCode?: string;
  regionCode?: string;
  thresholds?: Record<string, number>;
  enabled?: boolean;
}

/**
 * Every threshold or on/off setting ever saved, newest first. The screening API keeps them but does not list them;
 * the audit log does (screening.rule_set), so this history is shown to the roles that may read the audit log.
 */
export function SettingsHistory({ refreshKey, rules }: { refreshKey: number; rules: ScreeningRule[] | undefined }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<AuditItem>>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    void refreshKey;
    auditApi.list({ action: 'screening.rule_set', page, pageSize: 10 }).then(
      (d) => live && setData(d),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [page, refreshKey]);

  const after = (i: AuditItem) => (i.after ?? {}) as SettingRow;
  return (
    <Card title="设定历史" style={{ marginTop: 16 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<AuditItem>
        rowKey="id"
        size="small"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '尚未调整过任何规则，均使用默认阈值' }}
        pagination={{
          current: page,
          pageSize: 10,
          total: data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
          { title: '设定人', dataIndex: 'username', width: 100 },
          { title: '规则', key: 'rule', width: 150, render: (_, i) => <code>{after(i).ruleCode ?? i.entityId}</code> },
          {
            title: '区划',
            key: 'region',
            width: 130,
            render: (_, i) => <RegionName code={after(i).regionCode ?? i.regionCode} />,
          },
          {
            title: '启用',
            key: 'enabled',
            width: 70,
            render: (_, i) => (after(i).enabled === false ? <Tag>停用</Tag> : <Tag color="green">启用</Tag>),
          },
          {
            title: '阈值',
            key: 'thresholds',
            render: (_, i) => {
              const kind = rules?.find((r) => r.code === after(i).ruleCode)?.conditionKind ?? 'record_test';
              const t = Object.entries(after(i).thresholds ?? {});
              return t.length
                ? t.map(([k, v]) => `${thresholdName(k, kind)} ${formatThreshold(k, v)}`).join('；')
                : '—';
            },
          },
        ]}
      />
    </Card>
  );
}
