import type { AuditLabels } from '../../../web/src/domain/audit-fields.ts';
import { settingDefinition } from './setting-defaults.ts';

/**
 * The keys other modules keep in region_settings through their own APIs (templates, catalogues, project rules):
 * what a county calls them. Their values are named by the audit page's general list.
 */
const OTHER_KEYS: Record<string, string> = {
  'procedures.inclusion': '纳入程序模板',
  'procedures.elimination': '风险消除程序模板',
  'assistance.catalogue': '帮扶措施目录',
  'relief.catalogue': '救助事项目录',
  'projects.rules': '项目管理规则',
};

/**
 * How the audit log names a change of setting `key` (issue 11, issue 14 point 5): the setting's Chinese name, its
 * fields' names and the names of coded choices, all from the setting's definition — so that an entry reads
 * 公示层级 · 公示方式：仅在村内公示一次, never `procedures.publicity` or `mode: village_only`.
 */
export function settingAuditLabels(key: string): AuditLabels {
  const definition = settingDefinition(key);
  if (!definition) return { object: OTHER_KEYS[key] ?? '其他配置' };
  const fields: Record<string, string> = {};
  const values: Record<string, Record<string, string>> = {};
  for (const [name, field] of Object.entries(definition.fields)) {
    fields[name] = field.unit ? `${field.label}（${field.unit}）` : field.label;
    if (field.options) values[name] = Object.fromEntries(field.options.map((o) => [o.value, o.label]));
  }
  return { object: definition.name, fields, values };
}
