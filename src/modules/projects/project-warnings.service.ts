import { chinaToday } from '../../domain/calendar/index.ts';
import { toFen } from '../../domain/money.ts';
import { monthWarning, WARNED_STATUSES, type Warning, type WarningColour } from '../../domain/projects/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { ProjectRulesService } from './project-rules.ts';
import { type ProjectRow, projectView, toPlan, toReports } from './project-view.ts';
import { requireProjectRead } from './projects.policy.ts';
import type { ProjectsRepository } from './projects.repository.ts';
import type { Bulletin, ListQuery, ProjectView, WarningRow } from './projects.schema.ts';

interface Deps {
  repo: ProjectsRepository;
  rules: ProjectRulesService;
  now: () => Date;
}

const counts = () => ({ blue: 0, yellow: 0, red: 0, total: 0 });

/**
 * The monthly 红黄蓝 cards (SPEC §13, 枣庄 预警反馈制度) over a region's projects, computed from plans and progress
 * with each project's regional rules; the list of the library with its cards, and the monthly bulletin by colour,
 * by region and by responsible person.
 */
export const projectWarningsService = ({ repo, rules, now }: Deps) => {
  const thisMonth = () => chinaToday(now()).slice(0, 7);

  async function cards(rows: readonly ProjectRow[], month: string) {
    const warned = rows.filter((r) => WARNED_STATUSES.includes(r.status));
    const ids = warned.map((r) => r.id);
    const [plans, progress] = await Promise.all([repo.plans(ids), repo.progress(ids)]);
    const rulesOf = rules.memo();
    const out = new Map<string, Warning>();
    for (const r of warned) {
      const w = (await rulesOf(r.region_code)).warning;
      const plan = toPlan(plans.filter((p) => p.project_id === r.id));
      const reports = toReports(progress.filter((p) => p.project_id === r.id));
      out.set(r.id, monthWarning(plan, reports, toFen(r.total_yuan), month, w));
    }
    return out;
  }

  /** The region asked for, or the reader's; what is shown of it is limited by `projectVisible` in every query. */
  const regionOf = (actor: Actor, region?: string) => region ?? actor.regionCode;

  async function warningRows(actor: Actor, region: string, month: string): Promise<WarningRow[]> {
    const rows = (await repo.listProjects(actor, { region })).filter((r) => WARNED_STATUSES.includes(r.status));
    const [c, names] = await Promise.all([cards(rows, month), repo.regionNames(rows.map((r) => r.region_code))]);
    return rows.map((r) => {
      const w = c.get(r.id) as Warning;
      return {
        id: r.id,
        number: r.number,
        name: r.name,
        regionCode: r.region_code,
        regionName: names.get(r.region_code) ?? r.region_code,
        status: r.status,
        manager: r.manager,
        keyProject: r.key_project,
        colour: w.colour,
        reason: w.reason,
        missedMonths: w.missedMonths,
        gapPoints: w.gapPoints,
      };
    });
  }

  return {
    thisMonth,

    /** The library, filtered by region, year, status and this month's card. */
    async list(actor: Actor, q: ListQuery): Promise<ProjectView[]> {
      requireProjectRead(actor);
      const month = q.month ?? thisMonth();
      const rows = await repo.listProjects(actor, {
        ...(q.region ? { region: q.region } : {}),
        ...(q.year ? { year: q.year } : {}),
        ...(q.status ? { status: q.status } : {}),
      });
      const [c, names] = await Promise.all([cards(rows, month), repo.regionNames(rows.map((r) => r.region_code))]);
      const rulesOf = rules.memo();
      const out: ProjectView[] = [];
      for (const r of rows) {
        const w = c.get(r.id) ?? null;
        if (q.colour && w?.colour !== q.colour) continue;
        out.push(projectView(r, names, await rulesOf(r.region_code), w));
      }
      return out;
    },

    /** Each project under warning in the region for the month, with its colour and the reason. */
    async warnings(actor: Actor, region: string | undefined, month = thisMonth()) {
      requireProjectRead(actor);
      const code = regionOf(actor, region);
      return { regionCode: code, month, projects: await warningRows(actor, code, month) };
    },

    /** The monthly bulletin (通报): counts and lists by colour, by region (next level down) and by manager. */
    async bulletin(actor: Actor, region: string | undefined, month = thisMonth()): Promise<Bulletin> {
      requireProjectRead(actor);
      const code = regionOf(actor, region);
      const projects = await warningRows(actor, code, month);
      const total = counts();
      const byRegion = new Map<string, ReturnType<typeof counts>>();
      const byManager = new Map<string, ReturnType<typeof counts>>();
      // The next level down: county → township (9 digits), township → village (12), province → prefecture …
      const childLength = code.length < 4 ? 4 : code.length < 6 ? 6 : code.length < 9 ? 9 : 12;
      const add = (map: Map<string, ReturnType<typeof counts>>, key: string, colour: WarningColour) => {
        const c = map.get(key) ?? counts();
        c[colour] += 1;
        c.total += 1;
        map.set(key, c);
      };
      for (const p of projects) {
        total[p.colour] += 1;
        total.total += 1;
        add(byRegion, p.regionCode.length >= childLength ? p.regionCode.slice(0, childLength) : p.regionCode, p.colour);
        add(byManager, p.manager, p.colour);
      }
      const names = await repo.regionNames([code, ...byRegion.keys()]);
      const order: Record<WarningColour, number> = { red: 0, yellow: 1, blue: 2 };
      return {
        regionCode: code,
        regionName: names.get(code) ?? code,
        month,
        fundName: (await rules.of(code)).fundName,
        counts: total,
        byRegion: [...byRegion.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([regionCode, c]) => ({ regionCode, regionName: names.get(regionCode) ?? regionCode, ...c })),
        byManager: [...byManager.entries()]
          .sort(([, a], [, b]) => b.red - a.red || b.yellow - a.yellow)
          .map(([manager, c]) => ({ manager, ...c })),
        projects: [...projects].sort((a, b) => order[a.colour] - order[b.colour] || a.number - b.number),
      };
    },
  };
};

export type ProjectWarningsService = ReturnType<typeof projectWarningsService>;
