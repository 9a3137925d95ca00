import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shiftDate } from '../../domain/calendar/index.ts';
import { findFeed, findFeedRecord } from '../../domain/feeds/index.ts';
import type { Actor } from '../auth/actor.ts';
import { Prng } from '../generator/prng.ts';
import type { DemoHousehold, Risk } from './demo-stories.ts';

/**
 * Department data in the demo county (issue 13 point 8; SPEC §10): files in each department's template layout,
 * imported through the real feed import (parsing, matching, real-time screening, clues), so the import history, the
 * screening hits and the department-channel clues show what the platform would have produced over the months.
 */

type Row = Record<string, string>;

/** Values for a required column the row leaves out: a plain valid value of its type. */
const DEFAULTS: Record<string, string> = { string: '无', yuan: '0', integer: '0', decimal: '0', boolean: '否' };

/** A CSV in the template's own headers (what a department exports from its system into the template). */
export function feedCsv(department: string, kind: string, rows: Row[], day: string): string {
  const record = findFeedRecord(department, kind);
  if (!record) throw new Error(`no feed ${department}/${kind}`);
  const cell = (c: (typeof record.columns)[number], row: Row) => {
    const v = row[c.key];
    if (v !== undefined) return v.replace(/[",\r\n]/g, ' ');
    if (!c.required) return '';
    if (c.type === 'enum') return Object.keys(c.enum ?? {})[0] ?? '';
    if (c.type === 'date') return day;
    if (c.type === 'region_code') return '621124';
    return DEFAULTS[c.type] ?? '无';
  };
  return [record.columns.map((c) => c.header), ...rows.map((r) => record.columns.map((c) => cell(c, r)))]
    .map((r) => r.join(','))
    .join('\r\n');
}

export interface FeedImporter {
  import(
    actor: Actor,
    input: {
      department: string;
      recordKind: string;
      regionCode: string;
      period: string;
      fileName: string;
      path: string;
    },
  ): Promise<unknown>;
}

/** Writes the file and imports it as `actor` for the county and the month of `day`; the file is removed after. */
export async function importFeed(
  feeds: FeedImporter,
  actor: Actor,
  department: string,
  kind: string,
  rows: Row[],
  day: string,
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-demo-feed-'));
  const period = day.slice(0, 7);
  const name = `${findFeed(department)?.name ?? department}_${findFeedRecord(department, kind)?.name ?? kind}_${period}.csv`;
  try {
    const file = path.join(dir, 'feed.csv');
    fs.writeFileSync(file, feedCsv(department, kind, rows, day));
    await feeds.import(actor, {
      department,
      recordKind: kind,
      regionCode: '621124',
      period,
      fileName: name,
      path: file,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const person = (h: Pick<DemoHousehold, 'headName' | 'idNumber'>): Row => ({ name: h.headName, idNumber: h.idNumber });

/**
 * The department record behind a department-channel clue of a story, by its risk (the SPEC §10 rules that raise
 * it): 医保 high out-of-pocket costs, 人社 work ended, 住建 a collapsed house, 残联 a new severe disability. Risks no
 * department file signals for one household (income, school, a village's water) keep the county's direct entry.
 */
export const STORY_FEEDS: Partial<
  Record<
    Risk,
    { department: string; kind: string; importer: 'department' | 'county'; row: (h: DemoHousehold, day: string) => Row }
  >
> = {
  medical: {
    department: 'medical_insurance',
    kind: 'settlement',
    importer: 'department',
    row: (h, day) => ({
      ...person(h),
      hospital: '临洮县人民医院',
      disease: '脑梗死',
      admissionDate: shiftDate(day, -20),
      dischargeDate: shiftDate(day, -6),
      stayDays: '14',
      totalCost: '58600',
      basicInsurancePaid: '33200',
      criticalIllnessPaid: '3900',
      outOfPocket: '21500',
      settlementDate: shiftDate(day, -6),
    }),
  },
  industry_employment: {
    department: 'hr_social_security',
    kind: 'employment',
    importer: 'county',
    row: (h, day) => ({
      ...person(h),
      transferChannel: '自主外出',
      transferMode: '省外务工',
      workPlace: '新疆维吾尔自治区乌鲁木齐市',
      workStartDate: shiftDate(day, -200),
      employer: '乌鲁木齐某建筑劳务公司',
      workEndDate: shiftDate(day, -10),
    }),
  },
  housing: {
    department: 'housing',
    kind: 'house_damage',
    importer: 'county',
    row: (h) => ({ ...person(h), damageLevel: '倒塌' }),
  },
  other: {
    department: 'disabled_federation',
    kind: 'disability_certificate',
    importer: 'county',
    row: (h) => ({ ...person(h), category: '肢体', level: '一级' }),
  },
};

/**
 * The departments' routine monthly files: 医保 hospital settlements (modest costs; a poor household's share of
 * income may still raise a hit, as it would) and 人社 the month's migrant workers with their wages. Households of the
 * pool only (none of the stories), so a routine row never steers a story.
 */
export async function* routineImports(
  feeds: FeedImporter,
  importers: { medical: Actor; county: Actor },
  pool: DemoHousehold[],
  first: string,
  last: string,
  seed: number,
): AsyncGenerator<string, void, void> {
  if (pool.length === 0) return;
  const rng = new Prng(seed ^ 0x3c3c);
  const workers = pool.slice(0, Math.min(15, pool.length));
  const wages = workers.map(() => 3000 + rng.int(0, 8) * 100);
  let month = first.slice(0, 7);
  while (`${month}-08` <= last) {
    const day = `${month}-08`;
    if (day >= first) {
      yield day;
      const patients = Array.from(
        { length: 6 + rng.int(0, 4) },
        () => pool[rng.int(0, pool.length - 1)] as DemoHousehold,
      );
      await importFeed(
        feeds,
        importers.medical,
        'medical_insurance',
        'settlement',
        patients.map((h) => {
          const total = 2000 + rng.int(0, 30) * 200;
          const own = Math.round(total * 0.25);
          return {
            ...person(h),
            hospital: rng.chance(0.5) ? '临洮县人民医院' : '临洮县中医院',
            disease: ['肺炎', '高血压', '糖尿病', '腰椎间盘突出', '骨折'][rng.int(0, 4)] as string,
            admissionDate: shiftDate(day, -25),
            dischargeDate: shiftDate(day, -18),
            stayDays: '7',
            totalCost: String(total),
            basicInsurancePaid: String(total - own),
            outOfPocket: String(own),
            settlementDate: shiftDate(day, -18),
          };
        }),
        day,
      );
      await importFeed(
        feeds,
        importers.county,
        'hr_social_security',
        'employment',
        workers.map((h, i) => ({
          ...person(h),
          transferChannel: '政府组织',
          transferMode: i % 3 === 0 ? '县内务工' : '省外务工',
          workPlace: i % 3 === 0 ? '甘肃省定西市临洮县' : '浙江省宁波市',
          workStartDate: shiftDate(first, -60),
          employer: i % 3 === 0 ? '临洮县某农业合作社' : '宁波某电子厂',
          lastMonthWage: String((wages[i] as number) + rng.int(-2, 2) * 50),
        })),
        day,
      );
    }
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
}
