import type { StepLevel } from './types.ts';

/**
 * Public-safe wording of notices (SPEC §5.2, §8.1), a region setting (`notices.wording`): the official wording of
 * each risk type (因病、因学 …) that a notice prints as 纳入理由, and the sentence it prints as 风险消除理由. Never
 * the rule engine's text, never a figure.
 */
export type NoticeWording = {
  income: string;
  education: string;
  medical: string;
  housing: string;
  water: string;
  industry_employment: string;
  other: string;
  /** When no risk type is known yet. */
  fallback: string;
  elimination: string;
};

export const DEFAULT_NOTICE_WORDING: NoticeWording = {
  income: '因收入大幅缩减',
  education: '因学',
  medical: '因病',
  housing: '因住房安全问题',
  water: '因饮水安全问题',
  industry_employment: '因产业失败或务工就业不稳',
  other: '因灾或因意外事故',
  fallback: '存在返贫致贫风险',
  elimination: '收入持续稳定，“两不愁三保障”及饮水安全有保障，返贫致贫风险已稳定消除',
};

const RISK_ORDER = ['income', 'education', 'medical', 'housing', 'water', 'industry_employment', 'other'] as const;

/** 纳入理由 of a household: its risk types in official wording, in SPEC §7.3's order; unknown codes are dropped. */
export function riskGrounds(riskTypes: readonly string[], wording: NoticeWording): string {
  const words = RISK_ORDER.filter((r) => riskTypes.includes(r)).map((r) => wording[r]);
  return words.length ? [...new Set(words)].join('、') : wording.fallback;
}

/** Who issues notices above the village (`notices.issuers`); `{township}` and `{county}` are replaced. */
export type NoticeIssuers = {
  township: string;
  county: string;
};

export const DEFAULT_NOTICE_ISSUERS: NoticeIssuers = {
  township: '{township}',
  county: '{county}农业农村局',
};

/** 村民委员会 or 居民委员会: from the division code (GB/T 10114: 001–199 居委会, 200–399 村委会), else the name. */
export function villageCommittee(village: { code: string; name: string }): string {
  if (/委员会$/.test(village.name)) return village.name;
  const serial = Number(village.code.slice(-3));
  const urban = village.code.length === 12 ? serial >= 1 && serial < 200 : /社区$/.test(village.name);
  return `${village.name}${urban ? '居民委员会' : '村民委员会'}`;
}

/** The village as a place name (城中社区居民委员会 → 城中社区). */
export function villagePlace(name: string): string {
  return (
    name
      .replace(/村村民委员会$/, '村')
      .replace(/村民委员会$/, '村')
      .replace(/居民委员会$/, '')
      .replace(/委员会$/, '') || name
  );
}

/** A township's government: 城关镇 → 城关镇人民政府, 东城街道 → 东城街道办事处. */
export function townshipGovernment(name: string): string {
  if (/(人民政府|办事处)$/.test(name)) return name;
  return /街道$/.test(name) ? `${name}办事处` : `${name}人民政府`;
}

/** The issuing body of a notice from the acting step's level and the region's official names (SPEC §8.1). */
export function issuingBody(
  level: StepLevel,
  names: { village: { code: string; name: string }; township?: string | null; county?: string | null },
  issuers: NoticeIssuers = DEFAULT_NOTICE_ISSUERS,
): string {
  if (level === 'village') return villageCommittee(names.village);
  const township = townshipGovernment(names.township ?? '');
  if (level === 'township') return issuers.township.replace('{township}', township);
  return issuers.county.replace('{county}', names.county ?? '').replace('{township}', township);
}

/**
 * The decisive reason of a refusal at the county decision, in plain words from a fixed list per rule (a letter to
 * the household itself may name it; never the figures): no risk found, or the exclusion situation that applied.
 */
export function refusalReason(
  decision: string,
  exclusions: readonly number[],
  situations: Readonly<Record<number, string>>,
): string | undefined {
  if (decision === 'no_risk') return '人均纯收入高于监测线，且未发现返贫致贫风险';
  if (decision === 'exclude' && exclusions.length) {
    return `属于不纳入监测对象的情形（${exclusions.map((n) => (situations[n] ?? '').replace(/的$/, '')).join('；')}）`;
  }
  return undefined;
}
