import { RISK_TYPE_NAMES, RISK_TYPES, type RiskType } from './household-facts.ts';

/**
 * 帮扶措施目录 (SPEC §9): the ten measure types of 博尔塔拉 §六, their sub-types, the 枣庄 三道防线 each belongs
 * to, the risk types it answers and the department that usually delivers it. The defaults live in
 * `default-catalogue.ts`; a region adapts them with `mergeCatalogue` (configuration is set at a level and
 * inherited downward, SPEC §3).
 */

/** The ten measure types of 博尔塔拉 §六 (SPEC §9), in the document's order. */
export type MeasureType =
  | 'industry'
  | 'finance'
  | 'employment'
  | 'public_welfare_job'
  | 'housing'
  | 'water'
  | 'health'
  | 'education'
  | 'social'
  | 'backstop';

export const MEASURE_TYPES: readonly MeasureType[] = [
  'industry',
  'finance',
  'employment',
  'public_welfare_job',
  'housing',
  'water',
  'health',
  'education',
  'social',
  'backstop',
];

export const MEASURE_TYPE_NAMES: Readonly<Record<MeasureType, string>> = {
  industry: '产业帮扶',
  finance: '金融帮扶',
  employment: '稳岗就业帮扶',
  public_welfare_job: '公益岗位帮扶',
  housing: '住房安全保障帮扶',
  water: '饮水安全保障帮扶',
  health: '健康帮扶',
  education: '教育帮扶',
  social: '社会帮扶',
  backstop: '综合保障兜底',
};

/** 三道防线 of 枣庄: 发展型 development, 保障型 protective, 精神型 spiritual (SPEC §9). */
export type LineOfDefence = 'development' | 'protective' | 'spiritual';

export const LINES_OF_DEFENCE: readonly LineOfDefence[] = ['development', 'protective', 'spiritual'];

export const LINE_OF_DEFENCE_NAMES: Readonly<Record<LineOfDefence, string>> = {
  development: '发展型帮扶',
  protective: '保障型帮扶',
  spiritual: '精神型帮扶',
};

/** Delivering departments; codes agree with the department feed codes of SPEC §10 where both exist. */
export const DEPARTMENT_NAMES = {
  education: '教育局',
  civil_affairs: '民政局',
  hr_social_security: '人力资源和社会保障局',
  housing: '住房和城乡建设局',
  water: '水利局',
  agriculture: '农业农村局',
  health: '卫生健康委员会',
  medical_insurance: '医疗保障局',
  finance: '财政局',
  central_bank: '人民银行（金融机构）',
  rural_revitalization: '乡村振兴局',
  disabled_federation: '残疾人联合会',
  emergency: '应急管理局',
  forestry: '林业和草原局',
} as const;

export type DepartmentCode = keyof typeof DEPARTMENT_NAMES;

export const isDepartmentCode = (v: unknown): v is DepartmentCode =>
  typeof v === 'string' && Object.hasOwn(DEPARTMENT_NAMES, v);

/** One sub-type of a measure type, e.g. finance → 小额信贷. */
export interface MeasureSubtype {
  /** Stable snake_case code; never changes once measures are recorded with it. */
  readonly code: string;
  /** Chinese name shown to users; a region may rename it. */
  readonly name: string;
  readonly type: MeasureType;
  readonly lineOfDefence: LineOfDefence;
  /** Risk types it answers (SPEC §5.2); empty only for spiritual measures, which answer a cause (内生动力不足). */
  readonly answersRisks: readonly RiskType[];
  readonly department: DepartmentCode;
  /** Needs a member with labour capacity (full or partial) to take it up. */
  readonly needsLaborCapacity: boolean;
  /** Policy content in Chinese; a region may rewrite it. */
  readonly content: string;
  /** Statutory guarantees (低保, 特困, 临时救助, 控辍保学, 基本医保) no region may disable. */
  readonly mandatory?: boolean;
  /** Where the sub-type comes from: the document item, or the region code that added it. */
  readonly source: string;
}

/** A merged catalogue entry: disabled entries are kept so lower levels get a precise message. */
export interface CatalogueEntry extends MeasureSubtype {
  readonly enabled: boolean;
  /** Region code that disabled it, when disabled. */
  readonly disabledBy?: string;
}

export type MeasureCatalogue = readonly CatalogueEntry[];

/** A region's changes to what it inherits (SPEC §3: set at a level, inherited downward). */
export interface RegionCatalogueOverride {
  /** GB/T 2260 code: 6 digits (province, prefecture, county), 9 (township) or 12 (village). */
  readonly regionCode: string;
  /** Sub-type codes not used in this region and below. */
  readonly disable?: readonly string[];
  /** New local sub-types (e.g. a county's own insurance product). */
  readonly add?: readonly Omit<MeasureSubtype, 'source' | 'mandatory'>[];
  /** Local names, content or delivering department; type, line and risks stay as inherited. */
  readonly rename?: readonly { code: string; name?: string; content?: string; department?: DepartmentCode }[];
}

export interface CatalogueError {
  readonly regionCode: string | null;
  readonly code: string | null;
  readonly message: string;
}

export type MergeResult = { ok: true; catalogue: MeasureCatalogue } | { ok: false; errors: CatalogueError[] };

const CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
const REGION_PATTERN = /^(\d{6}|\d{9}|\d{12})$/;

/** The significant prefix of a GB/T 2260 division code (SPEC §3): 12-digit codes lose trailing 000 groups, then 00 pairs below county. */
export function regionPrefix(code: string): string {
  let c = code.padEnd(12, '0');
  while (c.length > 6 && c.endsWith('000')) c = c.slice(0, -3);
  while (c.length > 2 && c.length <= 6 && c.endsWith('00')) c = c.slice(0, -2);
  return c;
}

const withinRegion = (child: string, parent: string) => regionPrefix(child).startsWith(regionPrefix(parent));

function subtypeProblems(s: Omit<MeasureSubtype, 'source'>): string[] {
  const label = `措施子类「${s.name || s.code}」`;
  const out: string[] = [];
  if (!CODE_PATTERN.test(s.code))
    out.push(`${label}的代码“${s.code}”无效：须为小写字母开头的字母、数字或下划线，2–40位`);
  if (!s.name?.trim()) out.push(`${label}缺少中文名称`);
  if (!MEASURE_TYPES.includes(s.type)) out.push(`${label}的措施类型“${s.type}”不在十类帮扶措施之内`);
  if (!LINES_OF_DEFENCE.includes(s.lineOfDefence)) {
    out.push(`${label}的帮扶防线“${s.lineOfDefence}”无效：须为发展型、保障型或精神型`);
  }
  const risks = Array.isArray(s.answersRisks) ? s.answersRisks : [];
  for (const r of risks) if (!RISK_TYPES.includes(r)) out.push(`${label}应对的风险类型“${r}”无效`);
  if (risks.length === 0 && s.lineOfDefence !== 'spiritual')
    out.push(`${label}须至少应对一种风险类型（精神型措施除外）`);
  if (!isDepartmentCode(s.department)) out.push(`${label}的责任部门“${s.department}”不是已知部门代码`);
  if (typeof s.needsLaborCapacity !== 'boolean') out.push(`${label}须注明是否需要劳动能力`);
  return out;
}

/**
 * Applies region overrides, ordered from the highest level to the lowest (province → … → village), to the default
 * sub-types (SPEC §3, §9). A lower level may disable, add or rename sub-types but not re-enable what a level above
 * disabled, not disable statutory guarantees, and not leave any risk type without an enabled measure. Every problem
 * is reported with a Chinese message; nothing is applied when any is found.
 */
export function mergeCatalogue(
  defaults: readonly MeasureSubtype[],
  regionOverrides: readonly RegionCatalogueOverride[] = [],
): MergeResult {
  const errors: CatalogueError[] = [];
  const entries = new Map<string, CatalogueEntry>();
  const fail = (regionCode: string | null, code: string | null, message: string) =>
    errors.push({ regionCode, code, message });

  for (const s of defaults) {
    for (const p of subtypeProblems(s)) fail(null, s.code, `默认目录：${p}`);
    if (entries.has(s.code)) fail(null, s.code, `默认目录：措施子类代码“${s.code}”重复`);
    entries.set(s.code, { ...s, enabled: true });
  }

  let previous: string | null = null;
  const seenRegions = new Set<string>();
  for (const o of regionOverrides) {
    const region = o.regionCode;
    const at = `区划${region}：`;
    if (!REGION_PATTERN.test(region)) {
      fail(region, null, `区划代码“${region}”无效：须为6位、9位或12位数字`);
      continue;
    }
    if (seenRegions.has(region)) fail(region, null, `${at}同一区划的目录配置出现了两次`);
    if (previous && !withinRegion(region, previous)) {
      fail(region, null, `${at}不在上一级配置区划${previous}的范围内；配置须按从上级到下级的顺序给出`);
    }
    seenRegions.add(region);
    previous = region;

    for (const code of o.disable ?? []) {
      const e = entries.get(code);
      if (!e) fail(region, code, `${at}要停用的措施子类“${code}”不存在`);
      else if (e.mandatory) fail(region, code, `${at}「${e.name}」是法定保障措施，不得停用`);
      else if (e.enabled) entries.set(code, { ...e, enabled: false, disabledBy: region });
    }
    for (const s of o.add ?? []) {
      const problems = subtypeProblems(s);
      for (const p of problems) fail(region, s.code, `${at}${p}`);
      const existing = entries.get(s.code);
      if (existing && !existing.enabled) {
        fail(
          region,
          s.code,
          `${at}「${existing.name}」已被区划${existing.disabledBy}停用，下级不得重新启用或以同一代码新增`,
        );
      } else if (existing) {
        fail(region, s.code, `${at}新增的措施子类代码“${s.code}”与已有的「${existing.name}」重复`);
      } else if (problems.length === 0) {
        entries.set(s.code, { ...s, source: region, enabled: true });
      }
    }
    for (const r of o.rename ?? []) {
      const e = entries.get(r.code);
      if (!e) {
        fail(region, r.code, `${at}要修改的措施子类“${r.code}”不存在`);
        continue;
      }
      if (!e.enabled) {
        fail(region, r.code, `${at}「${e.name}」已被区划${e.disabledBy}停用，不能修改`);
        continue;
      }
      if (r.name !== undefined && !r.name.trim()) fail(region, r.code, `${at}「${e.name}」的新名称不能为空`);
      if (r.content !== undefined && !r.content.trim()) fail(region, r.code, `${at}「${e.name}」的政策内容不能为空`);
      if (r.department !== undefined && !isDepartmentCode(r.department)) {
        fail(region, r.code, `${at}「${e.name}」的责任部门“${r.department}”不是已知部门代码`);
      }
      entries.set(r.code, {
        ...e,
        name: r.name?.trim() || e.name,
        content: r.content?.trim() || e.content,
        department: isDepartmentCode(r.department) ? r.department : e.department,
      });
    }
  }

  const enabled = [...entries.values()].filter((e) => e.enabled);
  const byName = new Map<string, string>();
  for (const e of enabled) {
    const other = byName.get(e.name);
    if (other) fail(null, e.code, `措施子类“${other}”与“${e.code}”的名称都是「${e.name}」，名称须唯一`);
    byName.set(e.name, e.code);
  }
  for (const risk of RISK_TYPES) {
    if (!enabled.some((e) => e.lineOfDefence !== 'spiritual' && e.answersRisks.includes(risk))) {
      fail(previous, null, `合并后没有任何启用的措施能应对「${RISK_TYPE_NAMES[risk]}」风险，不能全部停用`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, catalogue: [...entries.values()] };
}

/** Enabled entry by code, or undefined when disabled or unknown (SPEC §9 regional catalogue). */
export const enabledSubtype = (catalogue: MeasureCatalogue, code: string) =>
  catalogue.find((e) => e.code === code && e.enabled);
