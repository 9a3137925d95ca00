/**
 * The rules of the project area as data (SPEC §3 "rules are data", §13): what the fund is called, the type catalogue,
 * which projects are key projects (重点帮包), and how the monthly 红黄蓝 colour is given. The default is 枣庄's: blue
 * when the month's plan is met, yellow when not, red after two consecutive missed months. Other provinces' variants
 * are values, not code: a tolerated shortfall ("less than 10 points behind counts as met"), red beyond a shortfall
 * ("more than 30 points behind"), or red after three months.
 */
export interface WarningRules {
  /** A shortfall (percentage points of the planned payment share) strictly below this still counts as met; 0: none. */
  toleratedPoints: number;
  /** Consecutive missed months that make a red card (枣庄: 2). */
  redAfterMissedMonths: number;
  /** A shortfall above this many points is red at once; null: no such rule. */
  redAbovePoints: number | null;
}

export interface ProjectRules {
  /** The name the region's documents give the fund (衔接资金; since 2026 常态化帮扶资金). */
  fundName: string;
  /** Project type catalogue (项目类型). */
  types: string[];
  /** A project with at least this much of the fund (yuan) is a key project (枣庄: 100万元以上). */
  keyProjectMinYuan: number;
  /** Region codes of key areas (集中推进区, 重点帮扶镇): every project inside one is a key project. */
  keyAreaCodes: string[];
  warning: WarningRules;
}

export const DEFAULT_PROJECT_RULES: ProjectRules = {
  fundName: '衔接资金',
  types: ['产业发展', '就业帮扶', '基础设施', '乡村建设', '易地搬迁后续扶持', '公益岗位', '其他'],
  keyProjectMinYuan: 1_000_000,
  keyAreaCodes: [],
  warning: { toleratedPoints: 0, redAfterMissedMonths: 2, redAbovePoints: null },
};

export interface RuleIssue {
  field: string;
  message: string;
}

const isInt = (v: unknown, min: number, max: number) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/**
 * A stored value merged over the default, with every problem named by its field. The service refuses to save a value
 * with problems, and the warnings refuse to run on one (a second net).
 */
export function mergeProjectRules(stored: unknown): { rules: ProjectRules; issues: RuleIssue[] } {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<ProjectRules>;
  const rules: ProjectRules = {
    ...DEFAULT_PROJECT_RULES,
    ...s,
    warning: { ...DEFAULT_PROJECT_RULES.warning, ...(s.warning ?? {}) },
  };
  const issues: RuleIssue[] = [];
  if (typeof rules.fundName !== 'string' || !rules.fundName.trim() || rules.fundName.length > 30) {
    issues.push({ field: 'fundName', message: '资金名称应为1–30个字' });
  }
  if (
    !Array.isArray(rules.types) ||
    rules.types.length === 0 ||
    rules.types.length > 50 ||
    rules.types.some((t) => typeof t !== 'string' || !t.trim() || t.length > 30) ||
    new Set(rules.types).size !== rules.types.length
  ) {
    issues.push({ field: 'types', message: '项目类型应为1–50个互不重复、不超过30字的名称' });
  }
  if (!isInt(rules.keyProjectMinYuan, 1, 1_000_000_000)) {
    issues.push({ field: 'keyProjectMinYuan', message: '重点项目资金标准应为1–1000000000元的整数' });
  }
  if (!Array.isArray(rules.keyAreaCodes) || rules.keyAreaCodes.some((c) => !/^\d{2,12}$/.test(String(c)))) {
    issues.push({ field: 'keyAreaCodes', message: '重点区域应为区划代码列表' });
  }
  const w = rules.warning;
  if (!isInt(w.toleratedPoints, 0, 50)) {
    issues.push({ field: 'warning.toleratedPoints', message: '容许落后的百分点应为0–50的整数' });
  }
  if (!isInt(w.redAfterMissedMonths, 1, 12)) {
    issues.push({ field: 'warning.redAfterMissedMonths', message: '连续未达进度转红牌的月数应为1–12的整数' });
  }
  if (w.redAbovePoints !== null && !isInt(w.redAbovePoints, 1, 100)) {
    issues.push({ field: 'warning.redAbovePoints', message: '落后即转红牌的百分点应为1–100的整数，或不设' });
  } else if (w.redAbovePoints !== null && w.redAbovePoints < w.toleratedPoints) {
    issues.push({ field: 'warning.redAbovePoints', message: '落后即转红牌的百分点不能小于容许落后的百分点' });
  }
  return { rules, issues };
}

/** 重点帮包: a project in a key area, or with at least the set amount of the fund (in fen). */
export function isKeyProject(regionCode: string, linkageFen: number, rules: ProjectRules): boolean {
  return linkageFen >= rules.keyProjectMinYuan * 100 || rules.keyAreaCodes.some((c) => regionCode.startsWith(c));
}
