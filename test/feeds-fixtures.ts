import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFeedRecord } from '../src/domain/feeds/index.ts';
import { type Actor, SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
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

let households = 0;
const SURNAMES = ['赵', '孙', '周', '吴', '郑', '冯', '陈', '褚', '卫', '蒋', '沈', '韩', '杨', '朱', '秦', '尤'];
const GIVEN = ['大', '永', '建', '国', '春', '秋', '文', '明', '德', '志', '海', '云', '金', '玉', '长', '福'];

/** A household of three in `village` whose members' plain ID numbers the test keeps; names differ per household. */
export async function knownHousehold(
  t: TestApp,
  village: string,
  incomes?: { year: number; wage: number }[],
  people: Partial<Record<'head' | 'spouse' | 'child', { name: string; idNumber: string }>> = {},
) {
  const n = ++households;
  const surname = SURNAMES[n % SURNAMES.length] as string;
  const given = GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length] as string;
  const head = people.head ?? { name: `${surname}${given}山`, idNumber: makeIdNumber('19700101', 'male') };
  const spouse = people.spouse ?? {
    name: `${SURNAMES[(n + 7) % SURNAMES.length]}${given}花`,
    idNumber: makeIdNumber('19720202', 'female'),
  };
  const child = people.child ?? { name: `${surname}小${given}`, idNumber: makeIdNumber('20130303', 'male') };
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

const DEFAULTS: Record<string, string> = {
  string: '测试',
  date: '2026-10-01',
  yuan: '0',
  integer: '0',
  decimal: '0',
  boolean: '否',
};

/**
 * A CSV in the template's layout for one record kind: `rows` give values by column key (labels as a department
 * writes them); required columns left out get a plain valid value.
 */
export function feedCsv(department: string, kind: string, rows: Record<string, string | number>[], village = '') {
  const record = findFeedRecord(department, kind);
  if (!record) throw new Error(`no feed ${department}/${kind}`);
  const cell = (c: (typeof record.columns)[number], row: Record<string, string | number>) => {
    const v = row[c.key];
    if (v !== undefined) return String(v);
    if (!c.required) return '';
    if (c.type === 'enum') return Object.keys(c.enum ?? {})[0] ?? '';
    if (c.type === 'region_code') return village;
    return DEFAULTS[c.type] ?? '';
  };
  return csv([record.columns.map((c) => c.header), ...rows.map((r) => record.columns.map((c) => cell(c, r)))]);
}

/** Imports rows of one record kind through the feeds service (as the system unless an actor is given). */
export async function importRows(
  t: TestApp,
  department: string,
  kind: string,
  rows: Record<string, string | number>[],
  opts: { period?: string; region?: string; village?: string; actor?: Actor } = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-feed-'));
  try {
    const file = path.join(dir, `${kind}.csv`);
    fs.writeFileSync(file, feedCsv(department, kind, rows, opts.village ?? t.village));
    return await t.services.feeds.import(opts.actor ?? SYSTEM_ACTOR, {
      department,
      recordKind: kind,
      regionCode: opts.region ?? '621124',
      period: opts.period ?? '2026-10',
      fileName: `${kind}.csv`,
      path: file,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Open and closed clues of a household, by source. */
export async function cluesOf(t: TestApp, householdId: string) {
  return t.ctx.database.db
    .selectFrom('clues')
    .select([
      'id',
      'channel',
      'source_ref as sourceRef',
      'risk_types as riskTypes',
      'severity',
      'merged_count as mergedCount',
      'finding',
      'status',
    ])
    .where('household_id', '=', householdId)
    .orderBy('created_at')
    .execute();
}
