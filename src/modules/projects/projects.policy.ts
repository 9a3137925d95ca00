import { sql } from 'kysely';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, ROLE_LABELS } from '../auth/actor.ts';

/**
 * Who may do what with assistance-fund projects (SPEC §13). The county keeps the library, plans and progress (the
 * issue's "county project officer" is, for now, the county role: a separate role is left to a later change);
 * townships, villages and the prefecture's supervisors read. Department data officers do not see projects.
 */
const WRITERS = ['county', 'admin'] as const;
const READERS = ['village', 'township', 'county', 'supervisor', 'admin'] as const;

const refuse = (actor: Actor, what: string) =>
  new AppError('AUTH_FORBIDDEN', `您的角色（${ROLE_LABELS[actor.role]}）不能${what}`, { role: actor.role });

export function requireProjectWrite(actor: Actor, what: string): void {
  if (!(WRITERS as readonly string[]).includes(actor.role)) throw refuse(actor, what);
}

export function requireProjectRead(actor: Actor): void {
  if (!(READERS as readonly string[]).includes(actor.role)) throw refuse(actor, '查看衔接资金项目');
}

export const canWriteProjects = (actor: Actor) => (WRITERS as readonly string[]).includes(actor.role);

const like = (code: string) => `${code.replace(/[%_\\]/g, '')}%`;

/**
 * A project is visible inside its region (a village sees the projects built in it) and to the levels above (a
 * village also sees its county's county-wide projects, the prefecture follows the county's). Written once, used by
 * every project query.
 */
export function projectVisible(actor: Actor, column = 'p.region_code') {
  return sql<boolean>`(${sql.ref(column)} like ${like(actor.regionCode)} or ${actor.regionCode} like ${sql.ref(column)} || '%')`;
}

export const likePrefix = like;
