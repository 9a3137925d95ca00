import type { Role } from '../../db/schema.ts';
import type { ActorLevel } from '../../domain/procedures/index.ts';
import type { Actor } from '../auth/actor.ts';

/**
 * The procedure level a user acts at (SPEC §8.1). Admins act as the county bureau; supervisors (prefecture,
 * province) only oversee and never act on a step.
 */
const LEVEL_OF_ROLE: Record<Role, ActorLevel> = {
  village: 'village',
  township: 'township',
  county: 'county',
  admin: 'county',
  department: 'department',
  supervisor: 'prefecture',
  // the security and audit administrators do no monitoring work (三员分立): they hold no registry permission at all
  security_admin: 'province',
  audit_admin: 'province',
  // the project officer keeps the fund library and acts on no identification step (docs/decisions/0036)
  project_officer: 'province',
};

export function procedureActor(actor: Actor) {
  return {
    userId: actor.userId ?? 'system',
    role: actor.role,
    level: LEVEL_OF_ROLE[actor.role],
    regionCode: actor.regionCode,
    name: actor.username,
  };
}

export const levelOf = (actor: Actor): ActorLevel => LEVEL_OF_ROLE[actor.role];
