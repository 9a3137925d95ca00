import { AppError } from '../../shared/app-error.ts';
import { type Actor, can, requireCountyWork, requireScope } from '../auth/actor.ts';

/**
 * Who may do what with department data (SPEC §1, §3, §17): a department officer imports only their own department's
 * data within their region; the county bureau (and the administrator) imports any department's, runs the comparison
 * and configures the rules. Everyone else may not import.
 */
/** Whether the role may send department files at all (checked before an upload is read; issue 11 point 6). */
export function mayImportFeeds(actor: Actor): boolean {
  return actor.role === 'department' || can(actor, 'county.work');
}

/**
 * Whether a bad-row report may carry the rows as the file had them: personal data, so only for a role that may reveal
 * ID numbers or for the department that sent the file (issue 11 point 5).
 */
export function mayReadOriginalRows(actor: Actor, department: string): boolean {
  return can(actor, 'pii.reveal') || (actor.role === 'department' && actor.department === department);
}

export function requireImport(actor: Actor, department: string, regionCode: string): void {
  if (actor.role === 'department') {
    if (actor.department !== department) {
      throw new AppError('FEED_OTHER_DEPARTMENT', '部门用户只能导入本部门的数据', { department });
    }
  } else {
    requireCountyWork(actor, '导入部门数据');
  }
  requireScope(actor, regionCode);
}
