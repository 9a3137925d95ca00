import { Tag } from 'antd';
import type { StepDef } from '../../api/cases';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { LEVEL, label, NOTIFICATION_KIND } from '../../domain/procedure-labels';
import { describeDeadline, levelColour } from '../../domain/procedure-levels';

/** A template's steps: level, deadline rule, records, meeting, publicity and the notice it issues (SPEC §8.1). */
export function TemplateSteps({ steps }: { steps: StepDef[] }) {
  return (
    <ResponsiveTable<StepDef>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={steps}
      columns={[
        { title: '序', key: 'n', width: 44, render: (_, __, i) => i + 1 },
        {
          title: '步骤',
          key: 'name',
          width: 220,
          render: (_, s) => (
            <div>
              <strong>{s.name}</strong>
              {s.description && (
                <div className="sx-muted" style={{ fontSize: 12 }}>
                  {s.description}
                </div>
              )}
            </div>
          ),
        },
        {
          title: '层级',
          dataIndex: 'level',
          width: 90,
          render: (v: StepDef['level']) => <Tag color={levelColour[v]}>{label(LEVEL, v)}</Tag>,
        },
        { title: '时限', key: 'deadline', width: 170, render: (_, s) => describeDeadline(s.deadline) },
        {
          title: '须留存资料',
          key: 'records',
          render: (_, s) =>
            s.records.map((r) => (
              <Tag key={r.code} color={r.required ? 'blue' : 'default'} style={{ marginBottom: 4 }}>
                {r.name}
                {r.required ? '' : '（可选）'}
              </Tag>
            )),
        },
        {
          title: '评议 / 公示 / 告知',
          key: 'extra',
          width: 200,
          render: (_, s) => (
            <span>
              {s.meeting && <Tag color="purple">民主评议</Tag>}
              {s.publicity && (
                <Tag color="cyan">
                  公示{s.publicity.days}
                  {s.publicity.unit === 'working' ? '个工作日' : '天'}
                </Tag>
              )}
              {s.notification && <Tag color="gold">{label(NOTIFICATION_KIND, s.notification)}</Tag>}
            </span>
          ),
        },
      ]}
    />
  );
}
