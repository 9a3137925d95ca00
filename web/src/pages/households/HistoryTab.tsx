import { Alert, Switch, type TableProps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { householdsApi } from '../../api/households';
import type { AuditItem } from '../../api/types';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../domain/format';
import { AUDIT_ACTION, label, ROLE } from '../../domain/labels';
import { describeChange } from './describe-change';

const columns: TableProps<AuditItem>['columns'] = [
  { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
  { title: '操作人', dataIndex: 'username', width: 100 },
  { title: '角色', dataIndex: 'role', width: 110, render: (v: string) => label(ROLE, v) },
  { title: '操作', dataIndex: 'action', width: 140, render: (v: string) => label(AUDIT_ACTION, v) },
  {
    title: '内容',
    key: 'change',
    render: (_, item) => (
      <div>
        {describeChange(item).map((line) => (
          <div key={line}>{line}</div>
        ))}
      </div>
    ),
  },
];

/** 变更历史 from the audit log; reads of the file are hidden unless asked for. */
export function HistoryTab({ householdId, refreshKey }: { householdId: string; refreshKey: number }) {
  const [items, setItems] = useState<AuditItem[]>();
  const [error, setError] = useState<string>();
  const [showReads, setShowReads] = useState(false);
  useEffect(() => {
    let live = true;
    void refreshKey;
    householdsApi
      .history(householdId)
      .then((r) => live && setItems(r.items))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [householdId, refreshKey]);
  if (error) return <Alert type="error" showIcon title={error} />;
  const reads = new Set(['household.read', 'person.reveal_id']);
  const shown = (items ?? []).filter((i) => showReads || !reads.has(i.action));
  return (
    <>
      <Typography.Paragraph>
        <Switch size="small" checked={showReads} onChange={setShowReads} /> 同时显示查阅记录（含查看完整身份证号）
      </Typography.Paragraph>
      <ResponsiveTable<AuditItem>
        rowKey="id"
        size="small"
        loading={!items}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
    </>
  );
}
