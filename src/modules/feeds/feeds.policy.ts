import { AppError } from '../../shared/app-error.ts';
import { type Actor, ROLE_LABELS, requireScope } from '../auth/actor.ts';

/**
 * Who may do what with department data (SPEC §1, §3, §17): a department officer imports only their own department's
 * data within their region; the county bureau (and the administrator) imports any department's, runs the comparison
 * and configures the rules. Everyone else may not import.
 */
const COUNTY_ROLES = new Set(['county', 'admin']);

const forbidden = (actor: Actor, what: string) =>
  new AppError('AUTH_FORBIDDEN', `您的角色（${ROLE_LABELS[actor.role]}）无权${what}`, { role: actor.role });

export function requireImport(actor: Actor, department: string, regionCode: string): void {
  if (actor.role === 'department') {
    if (actor.department !== department) {
      throw new AppError('FEED_OTHER_DEPARTMENT', '部门用户只能导入本部门的数据', { department }, 403);
    }
  } else if (!COUNTY_ROLES.has(actor.role)) {
    throw forbidden(actor, '导入部门数据');
  }
  requireScope(actor, regionCode);
}

/** Running screening and data cleaning, configuring rules, recording regional risks: the county bureau's work. */
export function requireCountyWork(actor: Actor, what: string): void {
  if (!COUNTY_ROLES.has(actor.role)) throw forbidden(actor, what);
}
