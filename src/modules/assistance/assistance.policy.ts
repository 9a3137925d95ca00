import { AppError, notFound } from '../../shared/app-error.ts';
import { type Actor, inScope, requirePermission } from '../auth/actor.ts';

/**
 * Who may do what in assistance (SPEC §1, §3, §9), as rules in one place:
 * - village, township, county and admin users read and write inside their region (registry.read / registry.write);
 * - supervisors read only;
 * - department users see and act only on measures their department delivers (SPEC §1: "mark measures done"), and
 *   civil-affairs users decide backstop proposals (SPEC §9 linkage);
 * - the measure catalogue is configured by county and admin users (settings.write).
 * Outside the actor's region a record is "not found", never a refusal that confirms it exists.
 */
export const CIVIL_AFFAIRS = 'civil_affairs';

export const isDepartment = (actor: Actor) => actor.role === 'department';

/** Reading households' assistance: every role but department users (who read measures of their department only). */
export function requireAssistanceRead(actor: Actor): void {
  requirePermission(actor, 'registry.read');
}

export function requireAssistanceWrite(actor: Actor): void {
  requirePermission(actor, 'registry.write');
}

/** A department user may act on a measure of its own department inside its region; others need registry.write. */
export function requireMeasureAccess(
  actor: Actor,
  measure: { regionCode: string; department: string },
  write: boolean,
): void {
  if (!inScope(actor, measure.regionCode)) throw notFound('帮扶措施');
  if (isDepartment(actor)) {
    if (measure.department !== actor.department) throw notFound('帮扶措施');
    return;
  }
  if (write) requireAssistanceWrite(actor);
  else requireAssistanceRead(actor);
}

/** Department users may change only the delivery of a measure: status, result and progress (SPEC §1). */
export function requireDepartmentFieldsOnly(actor: Actor, fields: string[]): void {
  if (!isDepartment(actor)) return;
  const allowed = new Set(['status', 'result', 'finishedOn', 'version']);
  const other = fields.filter((f) => !allowed.has(f));
  if (other.length > 0) {
    throw new AppError('AUTH_FORBIDDEN', '行业部门用户只能更新措施的落实状态和结果', { fields: other });
  }
}

/** Civil affairs' decision on a backstop proposal: county and admin users, or a civil-affairs department user. */
export function requireBackstopDecision(actor: Actor): void {
  if (actor.role === 'county' || actor.role === 'admin') return;
  if (isDepartment(actor) && actor.department === CIVIL_AFFAIRS) return;
  throw new AppError('AUTH_FORBIDDEN', '兜底保障认定由民政部门或县级作出', { permission: 'backstop.decide' });
}

/** Reading backstop proposals: regional readers, and civil-affairs department users. */
export function requireBackstopRead(actor: Actor): void {
  if (isDepartment(actor) && actor.department === CIVIL_AFFAIRS) return;
  requireAssistanceRead(actor);
}
