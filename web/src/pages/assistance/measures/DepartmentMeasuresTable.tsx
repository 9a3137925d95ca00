import { Alert, Button, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { assistanceApi, type DepartmentMeasure, type MeasureProgress } from '../../../api/assistance';
import { errorMessage } from '../../../api/client';
import { RegionName } from '../../../components/RegionName';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { label, RISK_TYPE } from '../../../domain/labels';
import { formatYuan } from '../../../domain/money';
import { Link } from '../../../router/Link';
import { MeasureStatusTag, Period } from '../AssistanceTags';
import { MEASURE_STATUS } from '../assistance-labels';

const unfinished = (m: DepartmentMeasure) => m.status === 'planned' || m.status === 'in_progress';

/** The progress notes of one measure, fetched when its row is opened. */
function Progress({ id, refreshKey }: { id: string; refreshKey: number }) {
  const [notes, setNotes] = useState<MeasureProgress[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    void refreshKey;
    assistanceApi
      .measure(id)
      .then((m) => live && setNotes(m.progress))
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [id, refreshKey]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!notes) return <Spin size="small" />;
  if (notes.length === 0) return <Typography.Text type="secondary">尚无进展记录</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {notes.map((p) => (
        <li key={p.id}>
          <strong>{p.notedOn}</strong> {p.note}{' '}
          <Typography.Text type="secondary">
            （{label(MEASURE_STATUS, p.statusAfter)}，{p.recordedBy}记录）
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** Measures of one department; a row opens its progress notes. Overdue = unfinished past the planned end. */
export function DepartmentMeasuresTable({
  items,
  loading,
  refreshKey,
  canOpenHousehold,
  onProgress,
}: {
  items: DepartmentMeasure[] | undefined;
  loading: boolean;
  refreshKey: number;
  canOpenHousehold: boolean;
  onProgress?: (m: DepartmentMeasure) => void;
}) {
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <ResponsiveTable<DepartmentMeasure>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项措施` }}
      scroll={{ x: 1600 }}
      locale={{ emptyText: '没有符合条件的帮扶措施' }}
      data-testid="department-measures"
      expandable={{ expandedRowRender: (m) => <Progress id={m.id} refreshKey={refreshKey} /> }}
      columns={[
        {
          title: '户编号',
          mobile: 'title',
          dataIndex: 'householdCode',
          width: 170,
          render: (v: string, m) =>
            canOpenHousehold ? <Link to={`/households/${m.householdId}?tab=assistance`}>{v}</Link> : v,
        },
        { title: '所属村', dataIndex: 'regionCode', width: 160, render: (v: string) => <RegionName code={v} /> },
        {
          title: '措施',
          mobile: true,
          key: 'name',
          width: 150,
          render: (_, m) => (
            <div>
              <strong>{m.name}</strong>
              <div className="sx-muted">{m.typeName}</div>
            </div>
          ),
        },
        {
          title: '内容',
          dataIndex: 'content',
          width: 280,
          render: (v: string, m) => (
            <div>
              <div>{v}</div>
              {m.result && <div className="sx-muted">结果：{m.result}</div>}
            </div>
          ),
        },
        {
          title: '应对风险',
          dataIndex: 'answersRisks',
          width: 100,
          render: (v: string[]) => (v.length ? v.map((r) => label(RISK_TYPE, r)).join('、') : '—'),
        },
        { title: '责任人', dataIndex: 'responsiblePerson', width: 110, render: (v: string | null) => v ?? '—' },
        { title: '实施期限', mobile: true, key: 'period', width: 120, render: (_, m) => <Period m={m} /> },
        { title: '资金', dataIndex: 'amount', width: 110, align: 'right', render: (v: number | null) => formatYuan(v) },
        {
          title: '状态',
          mobile: true,
          key: 'status',
          width: 130,
          render: (_, m) => (
            <MeasureStatusTag
              status={m.status}
              overdue={unfinished(m) && m.plannedEndOn !== null && m.plannedEndOn < today}
            />
          ),
        },
        {
          title: '操作',
          key: 'op',
          width: 100,
          fixed: 'right',
          render: (_, m) =>
            onProgress && unfinished(m) ? (
              <Button type="link" size="small" onClick={() => onProgress(m)}>
                记录进展
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
