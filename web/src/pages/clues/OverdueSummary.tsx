import { Alert, Card, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { cluesApi } from '../../api/clues';
import { RegionName } from '../../components/RegionName';

/**
 * Overdue unclosed clues per region one level down (SPEC §6: overdue clues are visible to every level above), for
 * township and county users. Clicking a region filters the ledger to its overdue clues.
 */
export function OverdueSummary({
  refreshKey,
  selected,
  onPick,
}: {
  refreshKey: number;
  selected?: string;
  onPick: (region: string | undefined) => void;
}) {
  const [rows, setRows] = useState<{ regionCode: string; count: number }[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    void refreshKey;
    cluesApi
      .overdueSummary()
      .then((r) => live && setRows(r))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [refreshKey]);

  if (error) return <Alert type="warning" showIcon title={`逾期统计暂不可用：${error}`} style={{ marginBottom: 16 }} />;
  if (!rows) return null;
  const total = rows.reduce((s, r) => s + r.count, 0);
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="overdue-summary">
      <Space wrap>
        <strong>逾期未销号：</strong>
        {total === 0 ? (
          <Tag color="green">无逾期线索</Tag>
        ) : (
          <>
            <Tag color="red">合计 {total} 条</Tag>
            {rows.map((r) => (
              <Tag.CheckableTag
                key={r.regionCode}
                checked={selected === r.regionCode}
                onChange={(on) => onPick(on ? r.regionCode : undefined)}
                style={{ border: '1px solid #fca5a5' }}
              >
                <RegionName code={r.regionCode} /> {r.count} 条
              </Tag.CheckableTag>
            ))}
          </>
        )}
      </Space>
    </Card>
  );
}
