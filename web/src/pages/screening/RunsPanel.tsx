import { Alert, Card } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { type ScreeningRun, screeningApi } from '../../api/screening';
import { RegionName } from '../../components/RegionName';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../domain/format';
import { label, SCREENING_TRIGGER } from '../../domain/labels';

/** The latest screening runs in the user's scope: routine, scheduled and those of each import batch. */
export function RunsPanel() {
  const [runs, setRuns] = useState<ScreeningRun[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    screeningApi.runs(200).then(
      (r) => live && setRuns(r),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <Card title="最近200次筛查">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <ResponsiveTable<ScreeningRun>
        rowKey="id"
        size="middle"
        loading={!runs && !error}
        dataSource={runs ?? []}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '尚未运行过筛查' }}
        columns={[
          { title: '开始时间', dataIndex: 'startedAt', width: 170, render: (v: string) => formatDateTime(v) },
          { title: '区划', dataIndex: 'regionCode', width: 130, render: (v: string) => <RegionName code={v} /> },
          { title: '方式', dataIndex: 'trigger', width: 100, render: (v: string) => label(SCREENING_TRIGGER, v) },
          { title: '统计截止日', dataIndex: 'asOf', width: 110 },
          { title: '规则数', dataIndex: 'rules', width: 80, align: 'right' },
          { title: '命中', dataIndex: 'hits', width: 80, align: 'right' },
          { title: '新线索', dataIndex: 'cluesCreated', width: 80, align: 'right' },
          { title: '并入线索', dataIndex: 'cluesMerged', width: 90, align: 'right' },
          { title: '数据质量问题', dataIndex: 'qualityItems', width: 110, align: 'right' },
          { title: '运行人', dataIndex: 'startedBy', width: 100 },
        ]}
      />
    </Card>
  );
}
