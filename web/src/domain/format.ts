/** Dates and times as Chinese officials write them. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function formatDate(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '—';
}

/** A count with thousands separators (12,345), as every figure shown to a person (issue 14 point 6). */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('zh-CN');
}

/** "X户Y人" (SPEC §16): every count of households also gives the persons. */
export function householdsAndPersons(households: number, persons: number | null | undefined): string {
  return persons === null || persons === undefined
    ? `${formatCount(households)}户`
    : `${formatCount(households)}户${formatCount(persons)}人`;
}

export const currentYear = (): number => new Date().getFullYear();
