import {
  CATEGORIES,
  CATEGORY_NAMES,
  CHANNEL_NAMES,
  CHANNELS,
  type RegionFigures,
  RISK_TYPE_NAMES,
  RISK_TYPES,
} from './figures.ts';

/**
 * Chinese names of every figure key (SPEC §12), so that screens, Excel, CSV and the CLI's JSON name a figure the same
 * way: `monitored.unstable` → 监测对象（脱贫不稳定户）. Keys are for the machine; users only ever see these names.
 */
const GROUPS: Record<string, string> = {
  monitored: '监测对象',
  eliminatedStock: '已标注风险消除',
  everIncluded: '累计纳入监测',
  included: '新纳入监测',
  returned: '返贫（再次纳入）',
  eliminated: '本期风险消除',
};

const CLUE_STATES: Record<string, string> = {
  received: '收到线索',
  closed: '办结线索',
  open: '在办线索',
  overdue: '逾期线索',
};

function build(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [g, name] of Object.entries(GROUPS)) {
    out[`${g}.total`] = name;
    for (const c of CATEGORIES) out[`${g}.${c}`] = `${name}（${CATEGORY_NAMES[c]}）`;
  }
  for (const t of RISK_TYPES) {
    out[`riskTypes.${t}`] = `监测对象风险类型：${RISK_TYPE_NAMES[t]}`;
    out[`includedRiskTypes.${t}`] = `新纳入风险类型：${RISK_TYPE_NAMES[t]}`;
  }
  out['backstop.total'] = '纳入兜底保障（低保、特困）';
  out['backstop.dibao'] = '纳入低保';
  out['backstop.tekun'] = '纳入特困供养';
  out.measuresCoverage = '已落实帮扶措施';
  out.responsibleCoverage = '已明确帮扶责任人';
  out['coverage.noMeasures'] = '未落实帮扶措施';
  out['coverage.noResponsible'] = '未明确帮扶责任人';
  out['eliminationShare.persons'] = '风险消除占比（按人）';
  out['eliminationShare.households'] = '风险消除占比（按户）';
  for (const [s, name] of Object.entries(CLUE_STATES)) {
    out[`clues.${s}.total`] = name;
    for (const ch of CHANNELS) out[`clues.${s}.${ch}`] = `${name}（${CHANNEL_NAMES[ch]}）`;
  }
  const kinds = { inclusion: '识别纳入', elimination: '风险消除' } as const;
  const caseStates = { started: '启动', completed: '办结', stopped: '退回终止', open: '在办' } as const;
  for (const [s, sName] of Object.entries(caseStates))
    for (const [k, kName] of Object.entries(kinds)) out[`cases.${s}.${k}`] = `${kName}程序${sName}`;
  out['cases.overdue'] = '程序逾期';
  out['regionalRisks.events'] = '区域性风险事件';
  out['regionalRisks.exposed'] = '受区域性风险影响';
  return out;
}

export const FIGURE_LABELS: Readonly<Record<string, string>> = build();

export function figureLabel(key: string): string {
  return FIGURE_LABELS[key] ?? key;
}

/** A flat value of one figure: X户Y人, N条/M户, N件, or a share. */
export interface FlatFigure {
  key: string;
  name: string;
  households?: number;
  persons?: number;
  count?: number;
  share?: number | null;
}

/** Every figure of a region as a flat list (the CLI's JSON, CSV rows, snapshot differences). */
export function flattenFigures(f: RegionFigures): FlatFigure[] {
  const out: FlatFigure[] = [];
  const push = (key: string, v: { households?: number; persons?: number; count?: number; share?: number | null }) =>
    out.push({ key, name: figureLabel(key), ...v });
  for (const g of Object.keys(GROUPS)) {
    const b = f[g as 'monitored'];
    push(`${g}.total`, b.total);
    for (const c of CATEGORIES) push(`${g}.${c}`, b[c]);
  }
  push('eliminationShare.persons', { share: f.eliminationShare.persons });
  push('eliminationShare.households', { share: f.eliminationShare.households });
  for (const t of RISK_TYPES) push(`riskTypes.${t}`, f.riskTypes[t]);
  for (const t of RISK_TYPES) push(`includedRiskTypes.${t}`, f.includedRiskTypes[t]);
  push('backstop.total', f.backstop.total);
  push('backstop.dibao', f.backstop.dibao);
  push('backstop.tekun', f.backstop.tekun);
  push('measuresCoverage', f.measuresCoverage);
  push('responsibleCoverage', f.responsibleCoverage);
  for (const s of Object.keys(CLUE_STATES)) {
    const b = f.clues[s as 'received'];
    push(`clues.${s}.total`, b.total);
    for (const ch of CHANNELS) push(`clues.${s}.${ch}`, b[ch]);
  }
  for (const s of ['started', 'completed', 'stopped', 'open'] as const) {
    push(`cases.${s}.inclusion`, { count: f.cases[s].inclusion });
    push(`cases.${s}.elimination`, { count: f.cases[s].elimination });
  }
  if (f.cases.overdue !== null) push('cases.overdue', { count: f.cases.overdue });
  push('regionalRisks.events', { count: f.regionalRisks.events });
  push('regionalRisks.exposed', f.regionalRisks.exposed);
  return out;
}

export interface FigureDifference {
  key: string;
  name: string;
  frozen: FlatFigure;
  now: FlatFigure;
}

/** What changed between a frozen snapshot and today's recomputation (SPEC §12: corrections show as a difference). */
export function differences(frozen: RegionFigures, now: RegionFigures): FigureDifference[] {
  const after = new Map(flattenFigures(now).map((x) => [x.key, x]));
  const out: FigureDifference[] = [];
  for (const a of flattenFigures(frozen)) {
    const b = after.get(a.key);
    if (!b) continue;
    if (a.households !== b.households || a.persons !== b.persons || a.count !== b.count || a.share !== b.share)
      out.push({ key: a.key, name: a.name, frozen: a, now: b });
  }
  return out;
}
