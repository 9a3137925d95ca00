import type { AuditLabels } from '../../../web/src/domain/audit-fields.ts';
import { settingAuditLabels } from '../settings/setting-labels.ts';

/**
 * The names an audit entry brings for its own object and fields (read by the audit page and its export): today a
 * setting's, whose key is the entry's entity id. Other entries are named by the page's general list.
 */
export function auditLabels(entry: { entity: string; entityId?: string | null }): AuditLabels | undefined {
  if (entry.entity === 'setting' && entry.entityId) return settingAuditLabels(entry.entityId);
  return undefined;
}
