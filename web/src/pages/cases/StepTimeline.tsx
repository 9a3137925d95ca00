import { Space, Steps, Tag, Tooltip } from 'antd';
import type { CaseDetail } from '../../api/cases';
import { formatDate } from '../../domain/format';
import { LEVEL, label } from '../../domain/procedure-labels';
import { chinaToday, levelColour } from '../../domain/procedure-levels';

type Phase = 'done' | 'current' | 'pending' | 'stopped';

const PHASE_TEXT: Record<Phase, string> = { done: '已完成', current: '当前步骤', pending: '待办', stopped: '已终止' };

/** Every step of the case's template with its level, due date and phase (done / current / pending). */
export function StepTimeline({ c }: { c: CaseDetail }) {
  const today = chinaToday();
  const doneOn = new Map(c.state.completed.map((x) => [x.stepIndex, x.completedOn]));
  const stopped = c.outcome === 'rejected' || c.outcome === 'closed';
  const phaseOf = (i: number): Phase => {
    if (doneOn.has(i)) return 'done';
    if (i === c.state.current.stepIndex && !c.outcome) return 'current';
    if (i === c.state.current.stepIndex && stopped) return 'stopped';
    return 'pending';
  };
  const items = c.state.template.steps.map((s, i) => {
    const phase = phaseOf(i);
    const due = c.deadlines[i];
    const late = phase === 'current' && due?.due && due.due < today;
    return {
      key: s.code,
      status: ({ done: 'finish', current: late ? 'error' : 'process', pending: 'wait', stopped: 'error' } as const)[
        phase
      ],
      title: (
        <span data-testid="case-step" data-phase={phase}>
          {s.name}
        </span>
      ),
      content: (
        <Space orientation="vertical" size={2} style={{ fontSize: 12 }}>
          <span>
            <Tag color={levelColour[s.level]}>{label(LEVEL, s.level)}</Tag>
            <Tag color={phase === 'current' ? 'processing' : phase === 'done' ? 'success' : 'default'}>
              {PHASE_TEXT[phase]}
            </Tag>
            {s.publicity && (
              <Tag>
                公示{s.publicity.days}
                {s.publicity.unit === 'working' ? '个工作日' : '天'}
              </Tag>
            )}
          </span>
          {phase === 'done' ? (
            <span className="sx-muted">完成于 {formatDate(doneOn.get(i))}</span>
          ) : (
            due?.due && (
              <Tooltip title={due.basis}>
                <span className={late ? 'sx-late' : 'sx-muted'}>
                  时限 {formatDate(due.due)}
                  {late ? '（已逾期）' : ''}
                  {due.onDayOff ? '（非工作日）' : ''}
                  {due.uncertain ? '（估算）' : ''}
                </span>
              </Tooltip>
            )
          )}
        </Space>
      ),
    };
  });
  const current = c.outcome === 'completed' ? items.length : c.state.current.stepIndex;
  return (
    <div data-testid="step-timeline">
      <Steps orientation="vertical" size="small" current={current} items={items} />
    </div>
  );
}
