import crypto from 'node:crypto';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { householdPayload, makeIdNumber } from './support/factories.ts';
import type { TestApp } from './support/test-app.ts';

/** Helpers of the department-data tests (SPEC §10): multipart bodies, registry households with known ID numbers. */

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipart(fileName: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const boundary = `----sx${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
  );
  parts.push(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface KnownHousehold {
  id: string;
  regionCode: string;
  head: { name: string; idNumber: string };
  spouse: { name: string; idNumber: string };
  child: { name: string; idNumber: string };
}

/** A household of three in `village` whose members' plain ID numbers the test keeps. */
export async function knownHousehold(t: TestApp, village: string, incomes?: { year: number; wage: number }[]) {
  const head = { name: '赵大山', idNumber: makeIdNumber('19700101', 'male') };
  const spouse = { name: '钱小花', idNumber: makeIdNumber('19720202', 'female') };
  const child = { name: '赵小山', idNumber: makeIdNumber('20130303', 'male') };
  const payload = householdPayload(village, {
    members: [
      { ...head, relation: 'head', labor: 'full' },
      { ...spouse, relation: 'spouse', labor: 'full' },
      { ...child, relation: 'child', labor: 'not_working_age', education: 'compulsory' },
    ],
  });
  const created = await t.services.registry.create(SYSTEM_ACTOR, payload as never);
  for (const i of incomes ?? []) await t.services.registry.recordIncome(SYSTEM_ACTOR, created.id, i as never);
  return { id: created.id as string, regionCode: village, head, spouse, child } satisfies KnownHousehold;
}

/** CSV text from rows of cells (UTF-8, CRLF). */
export const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(',')).join('\r\n');
