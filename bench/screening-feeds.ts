/**
 * Ten department feeds for the screening benchmark (SPEC §10, §18), written as CSV files in the published template
 * layout from the generated registry: persons are read a page at a time, their ID numbers decrypted in memory, and
 * each person gets records with fixed probabilities (about half a record per person in all, with realistic hit
 * rates); 1% of the rows are about people who are not in the registry. Deterministic for a given registry.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../src/app-context.ts';
import { findFeedRecord } from '../src/domain/feeds/index.ts';
import { idCheckChar } from '../src/domain/id-number.ts';

export interface FeedFile {
  department: string;
  kind: string;
  period: string;
  file: string;
  rows: number;
}

type Values = Record<string, string | number>;
interface P {
  name: string;
  id: string;
  age: number;
  relation: string;
  health: string;
  disabilityLevel: number | null;
  disabilityCategory: string | null;
  /** The household's backstop (低保/特困) in the registry. */
  backstop: string | null;
}

/** Small deterministic PRNG (mulberry32) so that the same registry gives the same files. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (r: () => number, y: number, m: number) => `${y}-${pad(m)}-${pad(1 + Math.floor(r() * 28))}`;
const between = (r: () => number, lo: number, hi: number) => Math.round(lo + r() * (hi - lo));
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
/** A month in the 12 months up to 2026-10. */
const recentDay = (r: () => number) => {
  const k = Math.floor(r() * 12);
  return day(r, k < 2 ? 2025 : 2026, k < 2 ? 11 + k : k - 1);
};

/** What each feed holds for one person, or undefined when the person has no record in it. */
const LEVELS = ['一级', '二级', '三级', '四级'];
const CATEGORY: Record<string, string> = {
  visual: '视力',
  hearing: '听力',
  speech: '言语',
  physical: '肢体',
  intellectual: '智力',
  mental: '精神',
  multiple: '多重',
};

/**
 * What each feed holds for one person, or undefined when the person has no record in it. Rates follow SPEC §18's
 * order of magnitude (南昌县: 1,343–6,165 warnings a round for 799,400 residents): departments mostly confirm what the
 * registry already knows (illness, disability, backstop), and about 1% of persons end up with a hit.
 */
const FEEDS: {
  department: string;
  kind: string;
  period: string;
  make: (p: P, r: () => number) => Values | undefined;
}[] = [
  {
    department: 'medical_insurance',
    kind: 'settlement',
    period: '2026-10',
    make: (p, r) => {
      if (r() >= 0.15) return undefined;
      const x = r();
      const oop = x < 0.95 ? between(r, 100, 5000) : x < 0.99 ? between(r, 5000, 15000) : between(r, 20000, 60000);
      const d = recentDay(r);
      return {
        name: p.name,
        idNumber: p.id,
        hospital: '县人民医院',
        disease: '肺炎',
        admissionDate: d,
        dischargeDate: d,
        totalCost: oop * 3,
        outOfPocket: oop,
        settlementDate: d,
      };
    },
  },
  {
    department: 'hr_social_security',
    kind: 'employment',
    period: '2025-10',
    make: (p, r) => {
      if (p.age < 18 || p.age > 60 || r() >= 0.09) return undefined;
      return {
        name: p.name,
        idNumber: p.id,
        workStartDate: '2025-03-01',
        lastMonthWage: between(r, 3000, 8000),
        workPlace: '浙江省宁波市',
      };
    },
  },
  {
    department: 'hr_social_security',
    kind: 'employment',
    period: '2026-10',
    make: (p, r) => {
      if (p.age < 18 || p.age > 60 || r() >= 0.09) return undefined;
      const x = r();
      const wage = x < 0.03 ? between(r, 500, 1500) : between(r, 3000, 8000);
      return {
        name: p.name,
        idNumber: p.id,
        workStartDate: '2026-03-01',
        lastMonthWage: wage,
        workPlace: '浙江省宁波市',
        ...(x > 0.99 ? { workEndDate: '2026-09-30' } : {}),
      };
    },
  },
  {
    department: 'civil_affairs',
    kind: 'social_assistance',
    period: '2026-10',
    make: (p, r) => {
      const known = p.backstop && p.relation === 'head';
      if (!known && (p.relation !== 'head' || r() >= 0.002)) return undefined;
      const type = p.backstop === 'tekun' ? '特困' : '低保';
      return {
        name: p.name,
        idNumber: p.id,
        assistanceType: type,
        status: known ? (r() < 0.97 ? '在保' : '停保') : '新增',
        startDate: '2024-01-01',
      };
    },
  },
  {
    department: 'education',
    kind: 'student',
    period: '2026-10',
    make: (p, r) => {
      if (p.age < 6 || p.age > 18 || r() >= 0.8) return undefined;
      return { name: p.name, idNumber: p.id, schoolName: '县第一中学', status: r() < 0.002 ? '辍学' : '在校' };
    },
  },
  {
    department: 'public_security',
    kind: 'vehicle',
    period: '2026-10',
    make: (p, r) => {
      if (p.age < 18 || r() >= 0.03) return undefined;
      return {
        name: p.name,
        idNumber: p.id,
        vehicleType: pick(r, ['小型普通客车', '轻型货车', '三轮汽车', '低速货车']),
        registrationDate: day(r, 2026, 1 + Math.floor(r() * 9)),
      };
    },
  },
  {
    department: 'housing',
    kind: 'safety_appraisal',
    period: '2026-10',
    make: (p, r) => {
      if (p.relation !== 'head' || r() >= 0.06) return undefined;
      const x = r();
      return {
        name: p.name,
        idNumber: p.id,
        appraisalDate: day(r, 2026, 9),
        grade: x < 0.6 ? 'A级' : x < 0.95 ? 'B级' : x < 0.99 ? 'C级' : 'D级',
      };
    },
  },
  {
    department: 'central_bank',
    kind: 'deposit',
    period: '2026-10',
    make: (p, r) => {
      if (p.age < 18 || r() >= 0.03) return undefined;
      return {
        name: p.name,
        idNumber: p.id,
        balance: r() < 0.95 ? between(r, 100, 20000) : between(r, 50000, 300000),
        asOfDate: '2026-09-30',
      };
    },
  },
  {
    department: 'health',
    kind: 'serious_disease',
    period: '2026-10',
    make: (p, r) =>
      (p.health === 'serious' && r() < 0.9) || r() < 0.001
        ? {
            name: p.name,
            idNumber: p.id,
            disease: pick(r, ['肺癌', '胃癌', '白血病', '尿毒症']),
            diagnosisDate: day(r, 2026, 8),
          }
        : undefined,
  },
  {
    department: 'disabled_federation',
    kind: 'disability_certificate',
    period: '2026-10',
    make: (p, r) => {
      const known = p.health === 'disabled' && p.disabilityLevel !== null;
      if (!known && r() >= 0.001) return undefined;
      const level = known ? LEVELS[(p.disabilityLevel as number) - 1] : pick(r, LEVELS);
      const category =
        (p.disabilityCategory && CATEGORY[p.disabilityCategory]) ?? pick(r, ['肢体', '视力', '听力', '智力', '精神']);
      return { name: p.name, idNumber: p.id, category, level: level as string, issueDate: day(r, 2026, 6) };
    },
  },
  {
    department: 'emergency',
    kind: 'household_loss',
    period: '2026-10',
    make: (p, r) => {
      if (p.relation !== 'head' || r() >= 0.03) return undefined;
      return {
        name: p.name,
        idNumber: p.id,
        disasterType: '暴雨洪涝',
        disasterDate: day(r, 2026, 7),
        propertyLoss: r() < 0.9 ? between(r, 500, 9000) : between(r, 10000, 30000),
        deaths: r() < 0.005 ? 1 : 0,
      };
    },
  },
];

/** A valid ID of someone outside the registry (another county's prefix). */
function stranger(r: () => number): string {
  const first17 = `620102${between(r, 1950, 2005)}${pad(between(r, 1, 12))}${pad(between(r, 1, 28))}${String(between(r, 0, 999)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** Writes the feed files into `dir`, reading the persons of `region` page by page. */
export async function writeBenchFeeds(ctx: AppContext, region: string, dir: string): Promise<FeedFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const outs = FEEDS.map((f, i) => {
    const record = findFeedRecord(f.department, f.kind);
    if (!record) throw new Error(`${f.department}/${f.kind}`);
    const file = path.join(dir, `${i}-${f.department}-${f.kind}-${f.period}.csv`);
    const stream = fs.createWriteStream(file);
    stream.write(`${record.columns.map((c) => c.header).join(',')}\n`);
    return { ...f, record, file, stream, rows: 0, buffer: [] as string[] };
  });
  const write = (o: (typeof outs)[number], v: Values) => {
    o.buffer.push(o.record.columns.map((c) => v[c.key] ?? '').join(','));
    o.rows++;
  };
  let after = '00000000-0000-0000-0000-000000000000';
  let seed = 1;
  for (;;) {
    const page = await ctx.database.db
      .selectFrom('persons as p')
      .innerJoin('households as h', 'h.id', 'p.household_id')
      .select(['p.id', 'p.name', 'p.id_number_enc', 'p.birth_date', 'p.relation', 'p.status', 'p.health'])
      .select(['p.disability_level', 'p.disability_category', 'h.backstop'])
      .where('p.region_code', 'like', `${region}%`)
      .where('p.id', '>', after)
      .orderBy('p.id')
      .limit(20_000)
      .execute();
    for (const row of page) {
      if (row.status !== 'normal') continue;
      const p: P = {
        name: row.name,
        id: ctx.cipher.decrypt(row.id_number_enc),
        age: 2026 - Number(row.birth_date.slice(0, 4)),
        relation: row.relation,
        health: row.health,
        disabilityLevel: row.disability_level,
        disabilityCategory: row.disability_category,
        backstop: row.backstop,
      };
      for (const o of outs) {
        const r = rng(seed++);
        const v = o.make(p, r);
        if (v) write(o, v);
        if (r() < 0.001) {
          const s = o.make({ ...p, name: '外来人员', id: stranger(r), relation: 'head', backstop: null }, () => 0);
          if (s) write(o, s);
        }
      }
    }
    for (const o of outs) {
      if (o.buffer.length && !o.stream.write(`${o.buffer.join('\n')}\n`))
        await new Promise<void>((res) => o.stream.once('drain', () => res()));
      o.buffer = [];
    }
    if (page.length < 20_000) break;
    after = page[page.length - 1]?.id ?? after;
  }
  await Promise.all(outs.map((o) => new Promise<void>((res) => o.stream.end(() => res()))));
  return outs.map((o) => ({ department: o.department, kind: o.kind, period: o.period, file: o.file, rows: o.rows }));
}
