import { Alert, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type CaseRow, casesApi } from '../../api/cases';
import { errorMessage } from '../../api/client';
import { type Clue, cluesApi } from '../../api/clues';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDate } from '../../domain/format';
import { CASE_KIND, CASE_STATUS, CLUE_CHANNEL, CLUE_RESULT, label } from '../../domain/procedure-labels';
import { Link } from '../../router/Link';
import { ClueColourTag, ClueStatusTag } from '../clues/ClueTags';

/** The household's procedures and clues, newest work first (SPEC §6, §8). */
export function ProceduresTab({ householdId, refreshKey }: { householdId: string; refreshKey: number }) {
  const [cases, setCases] = useState<CaseRow[]>();
  const [clues, setClues] = useState<{ items: Clue[]; today: string }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    void refreshKey;
    Promise.all([casesApi.list({ householdId, pageSize: 50 }), cluesApi.list({ householdId, pageSize: 50 })])
      .then(([cs, cl]) => {
        if (!live) return;
        setCases(cs.items);
        setClues({ items: cl.items, today: cl.today });
      })
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [householdId, refreshKey]);

  if (error) return <Alert type="error" showIcon title={error} />;
  const today = clues?.today ?? '';
  return (
    <>
      <Typography.Title level={5}>程序事项</Typography.Title>
      <ResponsiveTable<CaseRow>
        size="small"
        rowKey="id"
        loading={!cases}
        dataSource={cases}
        pagination={false}
        locale={{ emptyText: '尚未启动程序' }}
        columns={[
          { title: '程序', dataIndex: 'kind', render: (v: string) => label(CASE_KIND, v) },
          { title: '状态', dataIndex: 'status', render: (v: string) => <Tag>{label(CASE_STATUS, v)}</Tag> },
          { title: '启动日期', dataIndex: 'startedOn', render: (v: string) => formatDate(v) },
          { title: '当前时限', dataIndex: 'currentDue', render: (v: string | null) => formatDate(v) },
          { title: '', key: 'op', render: (_, r) => <Link to={`/cases/${r.id}`}>{r.outcome ? '查看' : '办理'}</Link> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        监测线索
      </Typography.Title>
      <ResponsiveTable<Clue>
        size="small"
        rowKey="id"
        loading={!clues}
        dataSource={clues?.items}
        pagination={false}
        locale={{ emptyText: '没有线索' }}
        columns={[
          { title: '三色', key: 'c', width: 70, render: (_, c) => <ClueColourTag clue={c} today={today} /> },
          { title: '状态', key: 's', width: 150, render: (_, c) => <ClueStatusTag clue={c} today={today} /> },
          { title: '渠道', dataIndex: 'channel', width: 120, render: (v: string) => label(CLUE_CHANNEL, v) },
          { title: '发现情况', dataIndex: 'finding', ellipsis: true },
          { title: '收到日期', dataIndex: 'receivedOn', width: 110, render: (v: string) => formatDate(v) },
          { title: '结果', dataIndex: 'result', width: 140, render: (v: string | null) => label(CLUE_RESULT, v) },
        ]}
      />
    </>
  );
}
