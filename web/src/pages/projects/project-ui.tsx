import { Tag } from 'antd';
import type { Colour, ProjectStatus, ProjectWarning } from '../../api/projects';
import type { CurrentUser } from '../../api/types';
import { can } from '../../domain/permissions';
import { label, PROJECT_STATUS, STATUS_TAG, WARNING_COLOUR, WARNING_TAG } from '../../domain/project-labels';

export { useLoad } from '../campaigns/use-load';

/** Who keeps the library: the county project officer (the server's `projects.write`, src/modules/auth/actor.ts). */
export const canKeepLibrary = (user: CurrentUser) => can(user, 'projects.write');

/** 12.5 → "12.5万元"; below 10,000 yuan in yuan. */
export function wan(yuan: number): string {
  if (Math.abs(yuan) < 10_000) return `${Math.round(yuan * 100) / 100}元`;
  return `${Math.round(yuan / 100) / 100}万元`;
}

export const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function ColourTag({ colour, testId }: { colour: Colour; testId?: string }) {
  return (
    <Tag color={WARNING_TAG[colour]} data-testid={testId}>
      {label(WARNING_COLOUR, colour)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: ProjectStatus }) {
  return <Tag color={STATUS_TAG[status]}>{label(PROJECT_STATUS, status)}</Tag>;
}

export function WarningTag({ warning }: { warning: ProjectWarning | null }) {
  return warning ? <ColourTag colour={warning.colour} /> : null;
}

/** The current month in China as YYYY-MM. */
export const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
