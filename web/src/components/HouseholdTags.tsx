import { Tag, Tooltip } from 'antd';
import type { HouseholdRow } from '../api/types';
import { CATEGORY, label, MONITORING_STATUS } from '../domain/labels';
import { RISK_COLOUR_HINT, RISK_COLOUR_LABEL, riskColourOf } from '../domain/risk-colour';

const COLOUR = { red: 'red', yellow: 'gold', green: 'green' } as const;

/** 三色 tag shown wherever a household appears (SPEC §16). */
export function RiskColourTag({ household }: { household: Pick<HouseholdRow, 'monitoringStatus' | 'riskColour'> }) {
  const c = riskColourOf(household);
  return (
    <Tooltip title={RISK_COLOUR_HINT[c]}>
      <Tag color={COLOUR[c]} data-risk-colour={c}>
        {RISK_COLOUR_LABEL[c]}
      </Tag>
    </Tooltip>
  );
}

const STATUS_COLOUR: Record<string, string> = { none: 'default', monitored: 'orange', eliminated: 'cyan' };

export function MonitoringStatusTag({ status, category }: { status: string; category?: string | null }) {
  return (
    <span>
      <Tag color={STATUS_COLOUR[status] ?? 'default'}>{label(MONITORING_STATUS, status)}</Tag>
      {category ? <Tag>{label(CATEGORY, category)}</Tag> : null}
    </span>
  );
}
