import {
  CATEGORIES,
  CATEGORY_NAMES,
  CHANNEL_NAMES,
  CHANNELS,
  type HP,
  percent,
  type RegionFigures,
  RISK_TYPE_NAMES,
  RISK_TYPES,
} from './figures.ts';

/**
 * The tables of the three reports (SPEC §12) in the offices' layout: one row per subordinate region and a 合计 row,
 * columns under merged group headers ("监测对象" over 户 and 人 …). The same table is shown on screen, printed, and
 * written to Excel and CSV, so the three always agree.
 */
export interface ReportColumn {
  title: string;
  /** Upper header merged over consecutive columns of the same group. */
  group?: string;
}

export type Cell = string | number | null;

export interface ReportRow {
  label: string;
  /** Region code of a region row (for drill-down); absent for 合计 and non-region rows. */
  code?: string;
  cells: Cell[];
  total?: boolean;
}

export interface ReportTable {
  title: string;
  /** Header of the first column (区划, 月份, 风险类型 …). */
  rowHeader: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  note?: string;
}

export interface RegionRow {
  code: string;
  name: string;
  figures: RegionFigures;
}

const hpCols = (group: string): ReportColumn[] => [
  { title: '户', group },
  { title: '人', group },
];
const hpCells = (x: HP): Cell[] => [x.households, x.persons];

function regionRows(regions: RegionRow[], total: RegionRow, cells: (f: RegionFigures) => Cell[]): ReportRow[] {
  return [
    ...regions.map((r) => ({ label: r.name, code: r.code, cells: cells(r.figures) })),
    { label: '合计', cells: cells(total.figures), total: true },
  ];
}

/** 监测对象 by category, the period's inclusions, returns and eliminations, the cumulative figures. */
export function monitoringTable(title: string, regions: RegionRow[], total: RegionRow, flowName: string): ReportTable {
  return {
    title,
    rowHeader: '区划',
    columns: [
      ...hpCols('监测对象'),
      ...CATEGORIES.flatMap((c) => hpCols(`其中：${CATEGORY_NAMES[c]}`)),
      ...hpCols(`${flowName}新纳入`),
      ...hpCols(`其中：返贫（再次纳入）`),
      ...hpCols(`${flowName}风险消除`),
      ...hpCols('累计纳入'),
      ...hpCols('已标注风险消除'),
      { title: '按人', group: '风险消除占比' },
      { title: '按户', group: '风险消除占比' },
    ],
    rows: regionRows(regions, total, (f) => [
      ...hpCells(f.monitored.total),
      ...CATEGORIES.flatMap((c) => hpCells(f.monitored[c])),
      ...hpCells(f.included.total),
      ...hpCells(f.returned.total),
      ...hpCells(f.eliminated.total),
      ...hpCells(f.everIncluded.total),
      ...hpCells(f.eliminatedStock.total),
      percent(f.eliminationShare.persons),
      percent(f.eliminationShare.households),
    ]),
  };
}

/** Clues received, closed, open and overdue, received ones by channel (SPEC §6). */
export function cluesTable(title: string, regions: RegionRow[], total: RegionRow): ReportTable {
  return {
    title,
    rowHeader: '区划',
    columns: [
      { title: '合计', group: '收到线索（条）' },
      ...CHANNELS.map((ch) => ({ title: CHANNEL_NAMES[ch], group: '收到线索（条）' })),
      { title: '办结（条）' },
      { title: '在办（条）' },
      { title: '逾期未办结（条）' },
      { title: '逾期涉及户数' },
    ],
    rows: regionRows(regions, total, (f) => [
      f.clues.received.total.count,
      ...CHANNELS.map((ch) => f.clues.received[ch].count),
      f.clues.closed.total.count,
      f.clues.open.total.count,
      f.clues.overdue.total.count,
      f.clues.overdue.total.households,
    ]),
  };
}

/** Measures and responsible persons per monitored household, backstop (SPEC §9, §12 rates). */
export function assistanceTable(title: string, regions: RegionRow[], total: RegionRow): ReportTable {
  return {
    title,
    rowHeader: '区划',
    columns: [
      ...hpCols('监测对象'),
      { title: '户', group: '已落实帮扶措施' },
      { title: '覆盖率', group: '已落实帮扶措施' },
      { title: '户', group: '已明确帮扶责任人' },
      { title: '覆盖率', group: '已明确帮扶责任人' },
      ...hpCols('纳入低保'),
      ...hpCols('纳入特困供养'),
    ],
    rows: regionRows(regions, total, (f) => [
      ...hpCells(f.monitored.total),
      f.measuresCoverage.households,
      percent(f.measuresCoverage.share),
      f.responsibleCoverage.households,
      percent(f.responsibleCoverage.share),
      ...hpCells(f.backstop.dibao),
      ...hpCells(f.backstop.tekun),
    ]),
  };
}

/** Procedures started, finished, running and overdue (SPEC §8). */
export function casesTable(title: string, regions: RegionRow[], total: RegionRow): ReportTable {
  return {
    title,
    rowHeader: '区划',
    columns: [
      { title: '启动', group: '识别纳入程序（件）' },
      { title: '办结', group: '识别纳入程序（件）' },
      { title: '在办', group: '识别纳入程序（件）' },
      { title: '启动', group: '风险消除程序（件）' },
      { title: '办结', group: '风险消除程序（件）' },
      { title: '在办', group: '风险消除程序（件）' },
      { title: '退回终止（件）' },
      { title: '当前步骤逾期（件）' },
    ],
    rows: regionRows(regions, total, (f) => [
      f.cases.started.inclusion,
      f.cases.completed.inclusion,
      f.cases.open.inclusion,
      f.cases.started.elimination,
      f.cases.completed.elimination,
      f.cases.open.elimination,
      f.cases.stopped.inclusion + f.cases.stopped.elimination,
      f.cases.overdue,
    ]),
  };
}

/** Inclusions of the period and monitored households by risk type (SPEC §5.2). */
export function riskTypeTable(title: string, f: RegionFigures, flowName: string): ReportTable {
  return {
    title,
    rowHeader: '风险类型',
    columns: [...hpCols(`${flowName}新纳入`), ...hpCols('监测对象（期末）')],
    rows: RISK_TYPES.map((t) => ({
      label: RISK_TYPE_NAMES[t],
      cells: [...hpCells(f.includedRiskTypes[t]), ...hpCells(f.riskTypes[t])],
    })),
    note: '一户有多种风险类型的，在各类型中分别计数。',
  };
}

/** Inclusions and eliminations of the period by category (SPEC §5.1). */
export function categoryTable(title: string, f: RegionFigures, flowName: string): ReportTable {
  const row = (label: string, pick: (b: RegionFigures['included']) => HP) => ({
    label,
    cells: [
      ...hpCells(pick(f.included)),
      ...hpCells(pick(f.eliminated)),
      ...hpCells(pick(f.monitored)),
      ...hpCells(pick(f.everIncluded)),
    ],
  });
  return {
    title,
    rowHeader: '监测对象类别',
    columns: [
      ...hpCols(`${flowName}新纳入`),
      ...hpCols(`${flowName}风险消除`),
      ...hpCols('监测对象（期末）'),
      ...hpCols('累计纳入'),
    ],
    rows: [
      ...CATEGORIES.map((c) => row(CATEGORY_NAMES[c], (b) => b[c])),
      { ...row('合计', (b) => b.total), total: true },
    ],
  };
}

/** One service item's month on the relief platform (SPEC §14), as the relief module counts it. */
export interface ReliefMonthRow {
  itemName: string;
  departmentName: string;
  received: number;
  replied: number;
  inTime: number;
  overdue: number;
  rated: number;
  satisfied: number;
}

/**
 * 政府救助平台 in the monthly report (SPEC §14 "figures feed the reports"): per service item, applications received
 * in the month, answered, answered within the limit, still open past it, and the applicants' satisfaction.
 */
export function reliefTable(
  title: string,
  items: ReliefMonthRow[],
  totals: Omit<ReliefMonthRow, 'itemName' | 'departmentName'>,
): ReportTable {
  const cells = (r: Omit<ReliefMonthRow, 'itemName' | 'departmentName'>, department: string): Cell[] => [
    department,
    r.received,
    r.replied,
    r.inTime,
    r.overdue,
    r.rated,
    r.satisfied,
    percent(r.rated ? r.satisfied / r.rated : null),
  ];
  return {
    title,
    rowHeader: '服务事项',
    columns: [
      { title: '办理部门' },
      { title: '本月受理', group: '申请（件）' },
      { title: '已办结', group: '申请（件）' },
      { title: '按时办结', group: '申请（件）' },
      { title: '超期未办结', group: '申请（件）' },
      { title: '评价', group: '群众评价（件）' },
      { title: '满意', group: '群众评价（件）' },
      { title: '满意率', group: '群众评价（件）' },
    ],
    rows: [
      ...items.map((i) => ({ label: i.itemName, cells: cells(i, i.departmentName) })),
      { label: '合计', cells: cells(totals, ''), total: true },
    ],
    note: items.length ? undefined : '本月没有收到救助申请',
  };
}
