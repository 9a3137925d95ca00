import { Tag, Tooltip } from 'antd';
import type { CycleStep } from '../../api/procedures';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDate } from '../../domain/format';
import { LEVEL, label } from '../../domain/procedure-labels';
import { chinaToday, levelColour } from '../../domain/procedure-levels';

/** The month's step deadlines (会泽: 3, 5, 8, 12, 17, 19, 23, 27), with the publicity window where there is one. */
export function CycleSteps({ steps }: { steps: CycleStep[] }) {
  const today = chinaToday();
  return (
    <ResponsiveTable<CycleStep>
      size="small"
      rowKey="stepCode"
      pagination={false}
      dataSource={steps}
      rowClassName={(s) => (s.due < today ? 'sx-row-past' : '')}
      columns={[
        { title: '序', key: 'n', width: 50, render: (_, s) => s.stepIndex + 1 },
        { title: '步骤', dataIndex: 'stepName' },
        {
          title: '办理层级',
          dataIndex: 'level',
          width: 110,
          render: (v: CycleStep['level']) => <Tag color={levelColour[v]}>{label(LEVEL, v)}</Tag>,
        },
        {
          title: '截止日期',
          key: 'due',
          width: 200,
          render: (_, s) => (
            <span>
              <strong>{formatDate(s.due)}</strong>
              {s.onDayOff && (
                <Tooltip title="截止日为节假日或周末，按文件原日期保留">
                  <Tag color="orange" style={{ marginLeft: 6 }}>
                    非工作日
                  </Tag>
                </Tooltip>
              )}
            </span>
          ),
        },
        {
          title: '公示',
          key: 'publicity',
          render: (_, s) =>
            s.publicity ? (
              <span>
                公示{s.publicity.days}
                {s.publicity.unit === 'working' ? '个工作日' : '天'}，最迟于{formatDate(s.publicity.latestStart)}开始
                {!s.publicity.fitsAfterPreviousStep && (
                  <Tag color="red" style={{ marginLeft: 6 }}>
                    早于上一步截止日，须提前安排
                  </Tag>
                )}
              </span>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
