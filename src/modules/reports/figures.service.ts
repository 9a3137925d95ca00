import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import { byCategoryText, eliminationText, hp } from '../../domain/reports/figure-text.ts';
import type { RegionFigures } from '../../domain/reports/figures.ts';
import { type Period, PeriodError, parsePeriod } from '../../domain/reports/period.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { type Actor, requirePermission, requireScope } from '../auth/actor.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { CurrentStock } from './current-stock.ts';
import { figureHouseholds } from './figure-households.ts';
import { type Bounds, figureDef } from './figure-sets.ts';
import { computeFigures, emptyFigures } from './figures.repository.ts';

export interface RegionRef {
  code: string;
  name: string;
  level: number;
}

export interface RegionFigureSet {
  region: RegionRef;
  period: Period;
  figures: RegionFigures;
  /** The figures as the offices write them (SPEC §12). */
  text: { monitored: string; included: string; eliminated: string; everIncluded: string; backstop: string };
  children: (RegionRef & { figures: RegionFigures })[];
}

interface Deps {
  db: Kysely<DB>;
  regionsRepo: Pick<RegionsRepository, 'findByCode' | 'children' | 'roots'>;
  stock: CurrentStock;
  now?: () => Date;
}

const COUNTRY: RegionRef = { code: '', name: '全国', level: 0 };

export function periodOf(key: string, today: string): Period {
  try {
    return parsePeriod(key, today);
  } catch (err) {
    if (err instanceof PeriodError) throw new AppError('REPORT_PERIOD_INVALID', err.message, { field: 'period' });
    throw err;
  }
}

export function boundsOf(regionCode: string, p: Period): Bounds {
  return { region: regionCode, start: p.start, end: p.end, asOf: p.asOf, current: p.current };
}

/** The sentences of a region's figures as the offices write them (枣庄 2022, SPEC §12). */
export function figureText(f: RegionFigures) {
  const bs = f.backstop;
  return {
    monitored: byCategoryText('监测对象', f.monitored),
    included: byCategoryText('纳入监测', f.included),
    eliminated: byCategoryText('标注风险消除', f.eliminated),
    everIncluded: `累计纳入防止返贫监测对象${hp(f.everIncluded.total)}，${eliminationText(f.eliminatedStock.total, f.eliminationShare)}`,
    backstop: `监测对象中纳入兜底保障${hp(bs.total)}（低保${hp(bs.dibao)}、特困供养${hp(bs.tekun)}）`,
  };
}

/**
 * Figures of SPEC §12 for any region the user oversees (village → province) and any period, with the next level
 * for drill-down and the households behind each figure. Read-only; scope-checked like every monitoring read.
 */
export const figuresService = ({ db, regionsRepo, stock, now = () => new Date() }: Deps) => {
  const today = () => chinaToday(now());

  async function region(actor: Actor, code: string | undefined): Promise<RegionRef> {
    requirePermission(actor, 'registry.read');
    const c = code ?? actor.regionCode;
    requireScope(actor, c);
    if (c === '') return COUNTRY;
    const r = await regionsRepo.findByCode(c);
    if (!r) throw notFound('区划');
    return { code: r.code, name: r.name, level: r.level };
  }

  async function childrenOf(code: string): Promise<RegionRef[]> {
    const rows = code === '' ? await regionsRepo.roots() : await regionsRepo.children(code);
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level }));
  }

  return {
    today,
    region,
    childrenOf,

    /** One region's figures for a period, and each child's (SPEC §12 drill-down). */
    async figures(actor: Actor, regionCode: string | undefined, periodKey: string): Promise<RegionFigureSet> {
      const r = await region(actor, regionCode);
      const period = periodOf(periodKey, today());
      const children = await childrenOf(r.code);
      const lengths = [r.code.length, ...(children[0] ? [children[0].code.length] : [])];
      const b = boundsOf(r.code, period);
      const all = await computeFigures(db, b, lengths, stock);
      const figures = all.get(r.code) ?? emptyFigures(period.current);
      return {
        region: r,
        period,
        figures,
        text: figureText(figures),
        children: children.map((c) => ({ ...c, figures: all.get(c.code) ?? emptyFigures(period.current) })),
      };
    },

    /** The households behind a figure of a region (SPEC §12), a page at a time. */
    async households(
      actor: Actor,
      input: { regionCode?: string; period: string; figure: string; page: number; pageSize: number },
    ) {
      const r = await region(actor, input.regionCode);
      const period = periodOf(input.period, today());
      const b = boundsOf(r.code, period);
      const found = figureDef(input.figure, b);
      if (!found) throw new AppError('REPORT_FIGURE_UNKNOWN', `没有该项指标：${input.figure}`, { field: 'figure' });
      const list = await figureHouseholds(db, b, found.base, found.def, input.page, input.pageSize);
      return { region: r, period, figure: input.figure, ...list };
    },
  };
};

export type FiguresService = ReturnType<typeof figuresService>;
