import { sql } from 'kysely';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, can, isSystemActor, ROLE_LABELS, regionPrefix } from '../auth/actor.ts';

/**
 * Who may do what with assistance-fund projects (SPEC §13, issue 15): the county project officer (项目管理员,
 * `projects.write`, docs/decisions/0036) keeps the library — entry, review, approval, plans, progress, beneficiaries,
 * assets and their changes, the county's 双报备 filings; the city supervisor reviews the filings; the county,
 * townships, villages, the supervisors and the system administrator read. Department data officers and the security
 * and audit administrators do not see projects.
 */
const READERS = ['village', 'township', 'county', 'supervisor', 'admin', 'project_officer'] as const;

const refuse = (actor: Actor, what: string) =>
  new AppError('AUTH_FORBIDDEN', `您的角色（${ROLE_LABELS[actor.role]}）不能${what}，须由县级项目管理员办理`, {
    role: actor.role,
    permission: 'projects.write',
  });

export function requireProjectWrite(actor: Actor, what: string): void {
  if (!can(actor, 'projects.write')) throw refuse(actor, what);
}

export function requireProjectRead(actor: Actor): void {
  if (!isSystemActor(actor) && !(READERS as readonly string[]).includes(actor.role)) {
    throw new AppError('AUTH_FORBIDDEN', `您的角色（${ROLE_LABELS[actor.role]}）不能查看衔接资金项目`, {
      role: actor.role,
    });
  }
}

export const canWriteProjects = (actor: Actor) => can(actor, 'projects.write');

/** 双报备 review (SPEC §13): the city (prefecture) supervisor decides, never the county that filed. */
export function requireFilingReview(actor: Actor): void {
  if (!isSystemActor(actor) && actor.role !== 'supervisor') {
    throw new AppError('AUTH_FORBIDDEN', `您的角色（${ROLE_LABELS[actor.role]}）不能审核报备，须由市级审核`, {
      role: actor.role,
    });
  }
}

/**
 * A project is visible inside its region (a village sees the projects built in it) and to the levels above (a
 * village also sees its county's county-wide projects, the prefecture follows the county's). Written once, used by
 * every project query.
 */
export function projectVisible(actor: Actor, column = 'p.region_code') {
  return sql<boolean>`(${regionPrefix(column, actor.regionCode)} or ${actor.regionCode} like ${sql.ref(column)} || '%')`;
}
