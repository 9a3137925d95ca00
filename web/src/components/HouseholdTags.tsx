import { Tag, Tooltip } from 'antd';
import { CATEGORY, label, MONITORING_STATUS } from '../domain/labels';
import { RISK_COLOUR_LABEL, type RiskColourInfo } from '../domain/risk-colour';

const COLOUR = { red: 'red', yellow: 'gold', green: 'green' } as const;

/** 三色 tag shown wherever a household appears (SPEC §16), its reason on hover; a dash while it is not known. */
export function RiskColourTag({ info }: { info: RiskColourInfo | undefined }) {
  if (!info) return <Tag data-risk-colour="">—</Tag>;
  return (
    <Tooltip title={info.reason}>
      <Tag color={COLOUR[info.colour]} data-risk-colour={info.colour}>
        {RISK_COLOUR_LABEL[info.colour]}
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
