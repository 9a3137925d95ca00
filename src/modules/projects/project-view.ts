import { toFen } from '../../domain/money.ts';
import type { Milestone, PlanMonth, ProgressReport, ProjectRules, Warning } from '../../domain/projects/index.ts';
import type { ProjectsRepository } from './projects.repository.ts';
import type { ProjectView, WarningView } from './projects.schema.ts';

export type ProjectRow = NonNullable<Awaited<ReturnType<ProjectsRepository['findProject']>>>;
type PlanRow = Awaited<ReturnType<ProjectsRepository['plans']>>[number];
type ProgressRow = Awaited<ReturnType<ProjectsRepository['progress']>>[number];

export const toPlan = (rows: readonly PlanRow[]): PlanMonth[] =>
  rows.map((r) => ({
    month: r.month,
    milestones: r.milestones as Milestone[],
    paymentShare: Number(r.payment_share),
  }));

export const toReports = (rows: readonly ProgressRow[]): ProgressReport[] =>
  rows.map((r) => ({
    month: r.month,
    milestones: r.milestones as Milestone[],
    worksShare: Number(r.works_share),
    paidFen: toFen(r.paid_yuan),
  }));

export const warningView = (w: Warning): WarningView => ({
  month: w.month,
  colour: w.colour,
  reason: w.reason,
  missedMonths: w.missedMonths,
  gapPoints: w.gapPoints,
  plannedShare: w.plannedShare,
  paidShare: Math.round(w.paidShare * 10000) / 10000,
  missing: w.missing,
});

/** A project row as the API answers it, with the region's name for the fund and, if given, its card. */
export function projectView(
  r: ProjectRow,
  names: Map<string, string>,
  rules: ProjectRules,
  warning: Warning | null,
): ProjectView {
  return {
    id: r.id,
    number: r.number,
    name: r.name,
    regionCode: r.region_code,
    regionName: names.get(r.region_code) ?? r.region_code,
    year: r.year,
    type: r.type,
    status: r.status,
    funds: r.funds,
    linkageYuan: Number(r.linkage_yuan),
    totalYuan: Number(r.total_yuan),
    fundName: rules.fundName,
    taskForce: r.task_force,
    manager: r.manager,
    managerPhone: r.manager_phone,
    keyProject: r.key_project,
    keyResponsible: r.key_responsible,
    description: r.description,
    publicityFrom: r.publicity_from,
    publicityTo: r.publicity_to,
    exitReason: r.exit_reason,
    createdAt: r.created_at.toISOString(),
    version: r.version,
    warning: warning ? warningView(warning) : null,
  };
}
