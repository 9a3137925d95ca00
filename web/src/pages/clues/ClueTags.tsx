import { Tag, Tooltip } from 'antd';
import type { Clue } from '../../api/clues';
import { CLUE_STATUS, label } from '../../domain/procedure-labels';
import { daysBetween } from '../../domain/procedure-levels';

export type ClueColour = 'red' | 'yellow' | 'green';

/** 三色 of a clue (SPEC §16): red — overdue and not closed; yellow — under verification; green — closed. */
export function clueColour(clue: Pick<Clue, 'status' | 'dueOn'>, today: string): ClueColour {
  if (clue.status === 'closed') return 'green';
  return clue.dueOn < today ? 'red' : 'yellow';
}

const TAG = { red: 'red', yellow: 'gold', green: 'green' } as const;
const TEXT = { red: '红色', yellow: '黄色', green: '绿色' } as const;
const HINT = { red: '逾期未销号', yellow: '核实中，尚未销号', green: '已销号' } as const;

export function ClueColourTag({ clue, today }: { clue: Pick<Clue, 'status' | 'dueOn'>; today: string }) {
  const c = clueColour(clue, today);
  return (
    <Tooltip title={HINT[c]}>
      <Tag color={TAG[c]} data-clue-colour={c}>
        {TEXT[c]}
      </Tag>
    </Tooltip>
  );
}

const STATUS_TAG: Record<string, string> = { open: 'default', verifying: 'processing', closed: 'success' };

/** Status, with 逾期N天 for an unclosed clue past its due date (SPEC §6: overdue clues are visible above). */
export function ClueStatusTag({ clue, today }: { clue: Pick<Clue, 'status' | 'dueOn'>; today: string }) {
  const late = clue.status !== 'closed' && clue.dueOn < today ? daysBetween(clue.dueOn, today) : 0;
  return (
    <span>
      <Tag color={STATUS_TAG[clue.status]}>{label(CLUE_STATUS, clue.status)}</Tag>
      {late > 0 && (
        <Tag color="red" data-testid="clue-overdue">
          逾期{late}天
        </Tag>
      )}
    </span>
  );
}
