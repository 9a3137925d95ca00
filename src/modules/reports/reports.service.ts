import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chineseDate } from '../../domain/calendar/index.ts';
import {
  differences,
  type FigureDifference,
  type FlatFigure,
  flattenFigures,
} from '../../domain/reports/figure-labels.ts';
import type { RegionFigures } from '../../domain/reports/figures.ts';
import type { Period } from '../../domain/reports/period.ts';
import { quarterlyBulletin } from '../../domain/reports/quarterly-bulletin.ts';
import {
  assistanceTable,
  casesTable,
  categoryTable,
  cluesTable,
  monitoringTable,
  type RegionRow,
  type ReliefMonthRow,
  type ReportTable,
  reliefTable,
  riskTypeTable,
} from '../../domain/reports/report-tables.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import type { cycleService } from '../cases/cycle.service.ts';
import type { RegionalRiskService } from '../regional-risk/regional-risk.service.ts';
import { type FiguresService, figureText, type RegionRef } from './figures.service.ts';
import { writeReportCsv, writeReportXlsx } from './report-files.ts';
import type { SnapshotsService } from './snapshots.service.ts';
import { annualDynamics, lateItemDetails, monthlyTrend, type TrendPoint } from './trend.repository.ts';

export type ReportKind = 'monthly' | 'quarterly' | 'annual';

export const REPORT_NAMES: Record<ReportKind, string> = {
  monthly: '防止返贫监测帮扶工作月调度表',
  quarterly: '防止返贫监测帮扶工作季度分析',
  annual: '防止返贫监测帮扶年度动态调整情况',
};

export interface LateRow {
  level: string;
  levelName: string;
  stepName: string;
  due: string;
  daysLate: number;
  kind: 'overdue' | 'completed_late';
  householdCode: string;
  headName: string | null;
  villageName: string | null;
  townshipName: string | null;
  procedure: string;
}

export interface Report {
  kind: ReportKind;
  title: string;
  region: RegionRef;
  period: Period;
  /** 填报单位 and 填报日期 as printed on the form. */
  unit: string;
  date: string;
  /** Where the figures come from: a frozen month-end snapshot or today's recomputation (SPEC §12). */
  source: 'snapshot' | 'live';
  snapshot: { runId: number; asOf: string; takenAt: string; takenBy: string; trigger: string } | null;
  /** Frozen figures that today's records no longer give (later corrections). */
  differences: FigureDifference[];
  summary: string[];
  /** Every figure of the region named in Chinese, with households and persons. */
  figures: FlatFigure[];
  tables: ReportTable[];
  trend?: TrendPoint[];
  cycle?: {
    skipped: boolean;
    message?: string;
    steps: { stepName: string; level: string; due: string }[];
    late: LateRow[];
  };
  bulletin?: string;
}

interface Deps {
  db: Kysely<DB>;
  audit: Pick<AuditRepository, 'append'>;
  figures: FiguresService;
  snapshots: Pick<SnapshotsService, 'latestFrozen'>;
  cycle: Pick<ReturnType<typeof cycleService>, 'month'>;
  regionalRisk: Pick<RegionalRiskService, 'list' | 'anomalies'>;
  /** The relief platform's month (SPEC §14), counted by the relief module. */
  relief?: {
    figures(
      actor: Actor,
      region: string,
      month: string,
    ): Promise<{ totals: Omit<ReliefMonthRow, 'itemName' | 'departmentName'>; items: ReliefMonthRow[] }>;
  };
}

const LEVEL_NAMES: Record<string, string> = {
  village: '村级',
  township: '乡镇',
  county: '县级',
  department: '行业部门',
};

/**
 * The three reports of SPEC §12: 月调度 (the month's figures by subordinate region, the §8.2 deadlines and the late
 * items named by level), 季分析 (inclusions and eliminations by category and risk type, the quarter's trend, regional
 * risks and a draft 季通报), 年动态 (the annual full screening: visits, member changes, incomes, reviews).
 */
export const reportsService = ({ db, audit, figures, snapshots, cycle, regionalRisk, relief }: Deps) => {
  function header(kind: ReportKind, region: RegionRef, period: Period) {
    return {
      kind,
      title: `${region.name}${period.label}${REPORT_NAMES[kind]}`,
      region,
      period,
      unit: `填报单位：${region.name}`,
      date: `填报日期：${chineseDate(figures.today())}`,
    };
  }

  async function base(actor: Actor, kind: ReportKind, regionCode: string | undefined, periodKey: string) {
    const live = await figures.figures(actor, regionCode, periodKey);
    let total: RegionFigures = live.figures;
    let children: RegionRow[] = live.children;
    let snapshot: Report['snapshot'] = null;
    let diffs: FigureDifference[] = [];
    if (kind === 'monthly') {
      const frozen = await snapshots.latestFrozen(
        live.region.code,
        periodKey,
        live.children.map((c) => c.code),
      );
      if (frozen) {
        total = frozen.figures;
        children = live.children.map((c) => ({ ...c, figures: frozen.children.get(c.code) ?? c.figures }));
        const r = frozen.run;
        snapshot = {
          runId: r.id,
          asOf: r.asOf,
          takenAt: new Date(r.takenAt).toISOString(),
          takenBy: r.takenBy,
          trigger: r.trigger,
        };
        diffs = differences(frozen.figures, live.figures);
      }
    }
    const text = figureText(total);
    return {
      ...header(kind, live.region, live.period),
      source: snapshot ? ('snapshot' as const) : ('live' as const),
      snapshot,
      differences: diffs,
      total: { code: live.region.code, name: '合计', figures: total },
      children,
      summary: [text.monitored, text.included, text.eliminated, text.everIncluded, text.backstop],
      figures: flattenFigures(total),
    };
  }

  async function monthCycle(actor: Actor, region: RegionRef, month: string): Promise<Report['cycle']> {
    if (region.code.length < 6)
      return { skipped: true, message: '月度工作时限按县设定，请选择县级及以下区划查看', steps: [], late: [] };
    const c = await cycle.month(actor, month, region.code);
    if (c.cycle.skipped) return { skipped: true, message: c.cycle.message, steps: [], late: [] };
    const details = await lateItemDetails(db, [...new Set(c.late.map((l) => l.id))]);
    const late = c.late
      .map((l) => {
        const d = details.get(l.id);
        return {
          level: l.level,
          levelName: LEVEL_NAMES[l.level] ?? l.level,
          stepName: l.stepName,
          due: l.due,
          daysLate: l.daysLate,
          kind: l.kind,
          householdCode: d?.householdCode ?? '',
          headName: d?.headName ?? null,
          villageName: d?.villageName ?? null,
          townshipName: d?.townshipName ?? null,
          procedure: d?.kind === 'elimination' ? '风险消除' : '识别纳入',
        };
      })
      .sort((a, b) => (a.level === b.level ? b.daysLate - a.daysLate : a.level < b.level ? -1 : 1));
    return {
      skipped: false,
      steps: c.cycle.steps.map((s) => ({ stepName: s.stepName, level: LEVEL_NAMES[s.level] ?? s.level, due: s.due })),
      late,
    };
  }

  const service = {
    /** A report by kind and period key (the CLI and the routes). */
    build(actor: Actor, kind: ReportKind, regionCode: string | undefined, period: string): Promise<Report> {
      if (kind === 'monthly') return service.monthly(actor, regionCode, period);
      if (kind === 'quarterly') return service.quarterly(actor, regionCode, period.toUpperCase());
      return service.annual(actor, regionCode, period);
    },

    /** A report as an Excel or CSV file, streamed to `out`; the export is audited (SPEC §17). */
    async export(actor: Actor, r: Report, format: 'xlsx' | 'csv', out: Writable) {
      await audit.append(actor, {
        action: AuditActions.reportExport,
        entity: 'report',
        entityId: `${r.kind}:${r.period.key}`,
        regionCode: r.region.code,
        after: { kind: r.kind, period: r.period.key, format, source: r.source },
      });
      if (format === 'xlsx') await writeReportXlsx(r, out);
      else await writeReportCsv(r, out);
      return r;
    },

    async monthly(actor: Actor, regionCode: string | undefined, month: string): Promise<Report> {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
        throw new AppError('REPORT_PERIOD_INVALID', `月调度的期间应为 YYYY-MM：${month}`, { field: 'period' });
      const b = await base(actor, 'monthly', regionCode, month);
      const { total, children, ...rest } = b;
      return {
        ...rest,
        tables: [
          monitoringTable('一、监测对象情况', children, total, '本月'),
          cluesTable('二、监测预警线索办理情况', children, total),
          casesTable('三、识别纳入和风险消除程序办理情况', children, total),
          assistanceTable('四、帮扶措施落实情况', children, total),
          ...(relief
            ? [await relief.figures(actor, b.region.code, month)].map((r) =>
                reliefTable('五、政府救助平台申请办理情况', r.items, r.totals),
              )
            : []),
        ],
        cycle: await monthCycle(actor, b.region, month),
      };
    },

    async quarterly(actor: Actor, regionCode: string | undefined, quarter: string): Promise<Report> {
      if (!/^\d{4}-Q[1-4]$/i.test(quarter))
        throw new AppError('REPORT_PERIOD_INVALID', `季分析的期间应为 YYYY-Qn：${quarter}`, { field: 'period' });
      const b = await base(actor, 'quarterly', regionCode, quarter);
      const { total, children, ...rest } = b;
      const p = b.period;
      const trend = await monthlyTrend(db, b.region.code, p.months, p.asOf);
      const events = (await regionalRisk.list(actor, 200)) as {
        title: string;
        regionCode: string;
        regionName: string | null;
        startedOn: string;
        householdsExposed: number;
      }[];
      const inQuarter = events.filter(
        (e) => e.regionCode.startsWith(b.region.code) && e.startedOn >= (p.start ?? '') && e.startedOn <= p.end,
      );
      const anomalies: { regionName: string; month: string; kind: 'clue' | 'inclusion' }[] = [];
      for (const m of p.months.filter((m) => `${m}-01` <= p.asOf)) {
        const a = await regionalRisk.anomalies(actor, m);
        for (const r of [...a.townships, ...a.villages].filter((r) => r.regionCode.startsWith(b.region.code))) {
          if (r.clueAnomaly) anomalies.push({ regionName: r.regionName ?? r.regionCode, month: m, kind: 'clue' });
          if (r.inclusionAnomaly)
            anomalies.push({ regionName: r.regionName ?? r.regionCode, month: m, kind: 'inclusion' });
        }
      }
      return {
        ...rest,
        trend,
        tables: [
          monitoringTable('一、监测对象纳入和风险消除情况', children, total, '本季度'),
          categoryTable('二、按监测对象类别分析', total.figures, '本季度'),
          riskTypeTable('三、按风险类型分析', total.figures, '本季度'),
          trendTable('四、季度内逐月趋势', trend),
          cluesTable('五、集中排查和监测预警线索办理情况', children, total),
          assistanceTable('六、帮扶措施落实情况', children, total),
          {
            title: '七、区域性风险',
            rowHeader: '事件',
            columns: [{ title: '区划' }, { title: '发生日期' }, { title: '受影响户数' }],
            rows: inQuarter.map((e) => ({ label: e.title, cells: [e.regionName, e.startedOn, e.householdsExposed] })),
            note: anomalies.length
              ? `线索或纳入数异常升高：${anomalies.map((a) => `${a.regionName}（${a.month}，${a.kind === 'clue' ? '线索' : '纳入'}）`).join('、')}`
              : '本季度未发现线索或纳入数异常升高的区域。',
          },
        ],
        bulletin: quarterlyBulletin({
          regionName: b.region.name,
          periodLabel: p.label,
          asOfText: chineseDate(p.asOf),
          figures: total.figures,
          children,
          riskEvents: inQuarter.map((e) => ({
            title: e.title,
            regionName: e.regionName,
            exposed: e.householdsExposed,
          })),
          anomalies,
          issuer: `${b.region.name}防止返贫监测帮扶工作领导小组办公室`,
          date: chineseDate(figures.today()),
        }),
      };
    },

    async annual(actor: Actor, regionCode: string | undefined, year: string): Promise<Report> {
      if (!/^\d{4}$/.test(year))
        throw new AppError('REPORT_PERIOD_INVALID', `年动态的期间应为 YYYY：${year}`, { field: 'period' });
      const b = await base(actor, 'annual', regionCode, year);
      const { total, children, ...rest } = b;
      const lengths = [b.region.code.length, ...(children[0] ? [children[0].code.length] : [])];
      const dyn = await annualDynamics(db, b.region.code, Number(year), lengths);
      const trend = await monthlyTrend(
        db,
        b.region.code,
        b.period.months.filter((m) => `${m}-01` <= b.period.asOf),
        b.period.asOf,
      );
      const zero = { households: 0, persons: 0 };
      const dynRow = (code: string) =>
        dyn.get(code) ?? {
          registered: zero,
          visited: zero,
          membersChanged: zero,
          incomesUpdated: zero,
          reviewed: zero,
        };
      const hpPair = (x: { households: number; persons: number }) => [x.households, x.persons];
      const dynCells = (code: string) => {
        const d = dynRow(code);
        return [
          ...hpPair(d.registered),
          ...hpPair(d.visited),
          ...hpPair(d.membersChanged),
          ...hpPair(d.incomesUpdated),
          ...hpPair(d.reviewed),
        ];
      };
      const group = (g: string) => [
        { title: '户', group: g },
        { title: '人', group: g },
      ];
      return {
        ...rest,
        trend,
        tables: [
          {
            title: '一、年度全面排查和动态调整',
            rowHeader: '区划',
            columns: [
              ...group('在册农户'),
              ...group('排查走访'),
              ...group('家庭成员变动'),
              ...group('收入信息更新'),
              ...group('帮扶成效评议'),
            ],
            rows: [
              ...children.map((c) => ({ label: c.name, code: c.code, cells: dynCells(c.code) })),
              { label: '合计', cells: dynCells(b.region.code), total: true },
            ],
            note: '排查走访：年内有干部排查记录的农户；家庭成员变动：年内新增、迁入或成员状况变化（去世、服刑、失联、不共同生活）。',
          },
          monitoringTable('二、监测对象纳入和风险消除情况', children, total, '全年'),
          categoryTable('三、按监测对象类别', total.figures, '全年'),
          riskTypeTable('四、按风险类型', total.figures, '全年'),
          trendTable('五、逐月趋势', trend),
          assistanceTable('六、帮扶措施落实情况', children, total),
        ],
      };
    },
  };
  return service;
};

function trendTable(title: string, trend: TrendPoint[]): ReportTable {
  const g = (x: string) => [
    { title: '户', group: x },
    { title: '人', group: x },
  ];
  return {
    title,
    rowHeader: '月份',
    columns: [
      ...g('新纳入'),
      ...g('风险消除'),
      ...g('月末监测对象'),
      { title: '收到线索（条）' },
      { title: '办结线索（条）' },
    ],
    rows: trend.map((t) => ({
      label: `${Number(t.month.slice(0, 4))}年${Number(t.month.slice(5))}月`,
      cells: [
        t.included.households,
        t.included.persons,
        t.eliminated.households,
        t.eliminated.persons,
        t.monitored.households,
        t.monitored.persons,
        t.cluesReceived,
        t.cluesClosed,
      ],
    })),
  };
}

export type ReportsService = ReturnType<typeof reportsService>;
