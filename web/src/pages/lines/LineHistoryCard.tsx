import { Alert, Card, Select } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { linesApi } from '../../api/lines';
import type { LineHistoryItem, Region } from '../../api/types';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../domain/format';
import { formatYuan } from '../../domain/money';

/** Every line ever set at one level, newest first; lines are never edited, only superseded (SPEC §4.4). */
export function LineHistoryCard({ regions, refreshKey }: { regions: Region[]; refreshKey: number }) {
  const levels = regions.filter((r) => r.level <= 3);
  const [region, setRegion] = useState(levels[levels.length - 1]?.code);
  const [items, setItems] = useState<LineHistoryItem[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!region) return;
    let live = true;
    void refreshKey;
    setItems(undefined);
    linesApi.history(region).then(
      (r) => live && setItems(r),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [region, refreshKey]);

  return (
    <Card
      title="设定历史"
      extra={
        <Select
          value={region}
          onChange={setRegion}
          style={{ width: 160 }}
          options={levels.map((r) => ({ value: r.code, label: r.name }))}
        />
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      <ResponsiveTable<LineHistoryItem>
        size="small"
        rowKey="id"
        loading={!items && !error}
        dataSource={items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '该级未设定监测线' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 70 },
          {
            title: '监测线',
            dataIndex: 'amount',
            width: 120,
            align: 'right',
            render: (v: number | string) => formatYuan(v),
          },
          { title: '依据', dataIndex: 'basis', render: (v: string) => v || '—' },
          { title: '设定人', dataIndex: 'setBy', width: 90, render: (v: string | null) => v ?? '系统' },
          { title: '设定时间', dataIndex: 'setAt', width: 170, render: (v: string) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}
