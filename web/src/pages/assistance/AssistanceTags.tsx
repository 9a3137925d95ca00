import { Tag, Tooltip } from 'antd';
import type { MeasureStatus, ProposalStatus, ReviewOutcome } from '../../api/assistance';
import { label } from '../../domain/labels';
import {
  MEASURE_STATUS,
  MEASURE_STATUS_COLOUR,
  PROPOSAL_STATUS,
  PROPOSAL_STATUS_COLOUR,
  REVIEW_OUTCOME,
  REVIEW_OUTCOME_COLOUR,
} from './assistance-labels';

/** A measure's status; an unfinished measure past its planned end shows 逾期 (SPEC §16 red). */
export function MeasureStatusTag({ status, overdue = false }: { status: MeasureStatus; overdue?: boolean }) {
  return (
    <span data-measure-status={status}>
      <Tag color={MEASURE_STATUS_COLOUR[status]}>{label(MEASURE_STATUS, status)}</Tag>
      {overdue && (
        <Tooltip title="已过计划完成日期，尚未完成">
          <Tag color="red">逾期</Tag>
        </Tooltip>
      )}
    </span>
  );
}

export function OutcomeTag({ outcome }: { outcome: ReviewOutcome }) {
  return (
    <Tag color={REVIEW_OUTCOME_COLOUR[outcome]} data-outcome={outcome}>
      {label(REVIEW_OUTCOME, outcome)}
    </Tag>
  );
}

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  return <Tag color={PROPOSAL_STATUS_COLOUR[status]}>{label(PROPOSAL_STATUS, status)}</Tag>;
}

/** `2026-01-01 至 2026-06-30`, or what is known of it. */
export function period(from: string | null, to: string | null): string {
  if (!from && !to) return '—';
  return `${from ?? '—'} 至 ${to ?? '—'}`;
}

/** Start and planned end on two lines (the tables are wide enough for the content that way). */
export function Period({ m }: { m: { startOn: string | null; plannedEndOn: string | null } }) {
  if (!m.startOn && !m.plannedEndOn) return <span>—</span>;
  return (
    <div>
      <div>{m.startOn ?? '—'} 起</div>
      <div className="sx-muted">{m.plannedEndOn ? `${m.plannedEndOn} 止` : '未定完成日期'}</div>
    </div>
  );
}
