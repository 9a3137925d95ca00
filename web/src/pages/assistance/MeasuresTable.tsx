import { Button, Space, type TableProps, Tag, Timeline, Typography } from 'antd';
import type { MeasureWithProgress } from '../../api/assistance';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { label, RISK_TYPE } from '../../domain/labels';
import { formatYuan } from '../../domain/money';
import { MeasureStatusTag, Period } from './AssistanceTags';
import { MEASURE_ORIGIN, MEASURE_STATUS } from './assistance-labels';

const finished = (m: MeasureWithProgress) => m.status === 'completed' || m.status === 'cancelled';

/** The progress notes of one measure, oldest first, with the status each left it in. */
function ProgressNotes({ m }: { m: MeasureWithProgress }) {
  if (m.progress.length === 0) return <Typography.Text type="secondary">尚无进展记录</Typography.Text>;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={m.progress.map((p) => ({
        key: p.id,
        content: (
          <div data-testid="measure-progress">
            <strong>{p.notedOn}</strong> {p.note}{' '}
            <Typography.Text type="secondary">
              （{label(MEASURE_STATUS, p.statusAfter)}，{p.recordedBy}记录）
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}

/**
 * A household's measures (SPEC §9): type, content, department and person, period, money and its source, status and
 * result; each row opens its progress notes. Finished measures are kept and shown, never edited.
 */
export function MeasuresTable({
  measures,
  overdueIds,
  onProgress,
  onEdit,
}: {
  measures: MeasureWithProgress[];
  overdueIds: string[];
  onProgress?: (m: MeasureWithProgress) => void;
  onEdit?: (m: MeasureWithProgress) => void;
}) {
  const columns: TableProps<MeasureWithProgress>['columns'] = [
    {
      title: '措施',
      key: 'name',
      width: 150,
      render: (_, m) => (
        <div>
          <div>
            <strong>{m.name}</strong>
          </div>
          <small className="sx-muted">
            {m.typeName} · {m.lineOfDefenceName}
          </small>
          <div>
            <Tag>{label(MEASURE_ORIGIN, m.origin)}</Tag>
          </div>
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
    {
      title: '责任部门 / 责任人',
      key: 'dept',
      width: 160,
      render: (_, m) => (
        <div>
          <div>{m.departmentName}</div>
          {m.responsiblePerson && <small className="sx-muted">{m.responsiblePerson}</small>}
        </div>
      ),
    },
    { title: '实施期限', key: 'period', width: 120, render: (_, m) => <Period m={m} /> },
    {
      title: '资金',
      key: 'amount',
      width: 130,
      align: 'right',
      render: (_, m) => (
        <div data-testid="measure-amount">
          <div>{formatYuan(m.amount)}</div>
          {m.fundSource && <small className="sx-muted">{m.fundSource}</small>}
        </div>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, m) => <MeasureStatusTag status={m.status} overdue={overdueIds.includes(m.id)} />,
    },
  ];
  if (onProgress || onEdit) {
    columns.push({
      title: '操作',
      key: 'op',
      width: 140,
      fixed: 'right',
      render: (_, m) =>
        finished(m) ? (
          <Typography.Text type="secondary">{label(MEASURE_STATUS, m.status)}</Typography.Text>
        ) : (
          <Space size={0} wrap>
            {onProgress && (
              <Button type="link" size="small" onClick={() => onProgress(m)}>
                记录进展
              </Button>
            )}
            {onEdit && (
              <Button type="link" size="small" onClick={() => onEdit(m)}>
                修改
              </Button>
            )}
          </Space>
        ),
    });
  }
  return (
    <ResponsiveTable<MeasureWithProgress>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={measures}
      pagination={false}
      scroll={{ x: 1200 }}
      locale={{ emptyText: '尚未落实帮扶措施' }}
      expandable={{
        expandedRowRender: (m) => <ProgressNotes m={m} />,
        rowExpandable: () => true,
      }}
      data-testid="measures-table"
    />
  );
}
