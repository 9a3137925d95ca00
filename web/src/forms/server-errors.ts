import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** `members[1].idNumber` → `['members', 1, 'idNumber']`, the name path of the antd form field. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's Chinese message under the field it blamed: `details.field` for a rule of the service, each of
 * `details.fields` for a schema failure. The form also shows the message in its <FormError> (a field may not be on
 * screen), so nothing the server said is lost.
 */
export function applyServerError(form: FormInstance, err: unknown, rename: (field: string) => string = (f) => f): void {
  if (!(err instanceof ApiError)) return;
  const named: { field: string; message: string }[] = [];
  if (err.field) named.push({ field: err.field, message: err.message });
  const list = err.details.fields;
  if (Array.isArray(list)) {
    for (const f of list as { field?: string; message?: string }[]) {
      if (f.field && f.message) named.push({ field: f.field, message: f.message });
    }
  }
  if (named.length) form.setFields(named.map((n) => ({ name: fieldPath(rename(n.field)), errors: [n.message] })));
}
