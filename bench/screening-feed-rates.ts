/**
 * The ten department feeds of the screening benchmark and who gets a record in each (bench/screening-feeds.ts writes
 * them). Deterministic for a given PRNG stream.
 */
export type Values = Record<string, string | number>;
export interface P {
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
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pad = (n: number) => String(n).padStart(2, '0');
const day = (r: () => number, y: number, m: number) => `${y}-${pad(m)}-${pad(1 + Math.floor(r() * 28))}`;
export const between = (r: () => number, lo: number, hi: number) => Math.round(lo + r() * (hi - lo));
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
export const FEEDS: {
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
