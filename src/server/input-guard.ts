import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/app-error.ts';

/**
 * Input that passes a JSON schema but that the database or the domain cannot take (issue 11 point 7: 500s on a NUL
 * in a name, `receivedOn: "9999-12-31"`, `from=0000-01-01`, deeply nested facts; whitespace-only names stored).
 * One walk over the parsed body and query string, before validation, answers 400 with the field instead:
 * - NUL (U+0000): PostgreSQL text and jsonb cannot hold it;
 * - a calendar date, date-time, month or quarter outside 1900–2100: no monitoring fact lies there, and day arithmetic on year 9999
 *   leaves the range PostgreSQL and JavaScript agree on;
 * - nesting deeper than MAX_DEPTH, more than MAX_NODES values, a string longer than MAX_STRING;
 * - a non-empty string of whitespace only (a name or a finding of spaces is no name or finding);
 * - a `year` (or `…Year`) outside the same range.
 */
export const INPUT_LIMITS = { MAX_DEPTH: 16, MAX_NODES: 100_000, MAX_STRING: 65_536, MIN_YEAR: 1900, MAX_YEAR: 2100 };

/** A date, date-time, month (`2026-10`) or quarter (`2026-Q2`): whatever starts with a year. */
const DATE = /^(\d{4})-(?:\d{2}(?:-\d{2})?(?:$|T)|Q[1-4]$)/;

const invalid = (field: string, message: string) => new AppError('VALIDATION', message, { field });

export function checkInput(value: unknown, root: string): void {
  let nodes = 0;
  const walk = (v: unknown, path: string, depth: number): void => {
    if (++nodes > INPUT_LIMITS.MAX_NODES) throw invalid(root, '请求内容过多');
    if (typeof v === 'string') {
      if (v.includes('\u0000')) throw invalid(path, '内容含有不可见的空字符（\\0），请删除后重试');
      if (v.length > INPUT_LIMITS.MAX_STRING) throw invalid(path, `内容过长（超过 ${INPUT_LIMITS.MAX_STRING} 个字符）`);
      if (v.length > 0 && v.trim() === '') throw invalid(path, '内容不能只有空格');
      const date = DATE.exec(v);
      if (date) {
        const year = Number(date[1]);
        if (year < INPUT_LIMITS.MIN_YEAR || year > INPUT_LIMITS.MAX_YEAR) {
          throw invalid(path, `日期超出范围（${INPUT_LIMITS.MIN_YEAR}–${INPUT_LIMITS.MAX_YEAR} 年）`);
        }
      }
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (depth >= INPUT_LIMITS.MAX_DEPTH) throw invalid(path, `内容嵌套过深（超过 ${INPUT_LIMITS.MAX_DEPTH} 层）`);
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) walk(item, `${path}[${i}]`, depth + 1);
      return;
    }
    for (const [key, item] of Object.entries(v)) {
      if (key.includes('\u0000')) throw invalid(path, '字段名含有不可见的空字符（\\0）');
      if ((key === 'year' || key.endsWith('Year')) && (typeof item === 'number' || typeof item === 'string')) {
        const year = Number(item);
        if (Number.isFinite(year) && (year < INPUT_LIMITS.MIN_YEAR || year > INPUT_LIMITS.MAX_YEAR)) {
          throw invalid(
            path ? `${path}.${key}` : key,
            `年度超出范围（${INPUT_LIMITS.MIN_YEAR}–${INPUT_LIMITS.MAX_YEAR}）`,
          );
        }
      }
      walk(item, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  walk(value, '', 0);
}

export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    checkInput(request.query, 'query');
    if (request.body !== undefined) checkInput(request.body, 'body');
  });
}
