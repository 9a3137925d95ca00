import type { AppContext } from '../../app-context.ts';
import { analyzeTables } from '../../db/analyze.ts';
import type { Services } from '../../services.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { loadDemoPicture } from '../picture/demo-picture.ts';
import { loadDemoCampaigns } from './demo-campaigns.ts';
import { DEMO, DEMO_USERS } from './demo-county.ts';
import { loadDemoHistory } from './demo-history.ts';
import { loadDemoProjects } from './demo-projects.ts';
import { loadDemoRegionalRisks } from './demo-regional-risk.ts';
import { loadDemoRelief } from './demo-relief.ts';

export type PopulationLoader = (
  ctx: AppContext,
  opts: { county: string; households: number; seed: number },
) => Promise<{ households: number; persons: number }>;

/**
 * First start of an empty database: the demo county's regions, lines, one user per role and a synthetic population.
 * Skipped when any user exists, so later starts keep the data (and a real deployment never gets demo rows).
 */
export async function loadDemoIfEmpty(ctx: AppContext, services: Services, loadPopulation?: PopulationLoader) {
  const any = await ctx.database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return undefined;
  const log = ctx.logger.child({ category: 'demo' });
  log.info('空数据库：载入演示县（临洮县）');
  await services.regions.ensureUpperLevels();
  await services.regions.loadCounty(SYSTEM_ACTOR, DEMO.county);
  for (const line of DEMO.lines) await services.lines.set(SYSTEM_ACTOR, line);
  // Single-level publicity, as 2026 counties hold it (issue 10 point 3), recorded with history like any setting.
  await services.settings.set(SYSTEM_ACTOR, 'publicity.levels', DEMO.county, DEMO.publicity);
  const [township] = (await services.regions.children(SYSTEM_ACTOR, DEMO.county)).children;
  const [village] = township ? (await services.regions.children(SYSTEM_ACTOR, township.code)).children : [];
  if (!township || !village) throw new Error('演示县缺少乡镇或村数据');
  const scope = { township: township.code, village: village.code } as Record<string, string>;
  for (const u of DEMO_USERS) {
    await services.auth.addUser(SYSTEM_ACTOR, {
      username: u.username,
      password: DEMO.password,
      role: u.role,
      displayName: u.displayName,
      regionCode: scope[u.role] ?? DEMO.county,
      department: u.department ?? null,
      // Demo users: the published password, refused outside demo mode (issue 11 point 9).
      demo: true,
    });
  }
  const population = loadPopulation
    ? await loadPopulation(ctx, { county: DEMO.county, households: DEMO.households, seed: DEMO.seed })
    : undefined;
  // Work histories need households: only a demo with its population gets them (tests load none).
  if (population) await loadDemoRelief(ctx, services, village.code);
  // A running 专项行动 (SPEC §15) once the population is there (npm start; tests start without it).
  if (population) await loadDemoCampaigns(ctx, services, scope as { township: string; village: string });
  // 帮扶资金项目 (SPEC §13): the county's project library with plans, progress, cards and beneficiaries.
  if (population) await loadDemoProjects(ctx, services);
  // household picture (issue 9): department evidence and a conflict for the 研判 panel
  if (population) await loadDemoPicture(ctx, services, village.code);
  // 12 months of monitoring work (issue 13 point 8): clues, procedures, measures, reviews, eliminations, returns.
  const history = population ? await loadDemoHistory(ctx, { share: DEMO.historyShare }) : undefined;
  // 区域性风险 (SPEC §11): two recent events and the clues of the households they reach, after the history's months.
  if (population) await loadDemoRegionalRisks(ctx, services, scope as { township: string; village: string });
  // The demo's work histories fill many tables through the services: leave them all analysed (issue 18 point 1).
  if (population) await analyzeTables(ctx.database);
  if (history) log.info(history, '演示县十二个月的监测帮扶记录已生成');
  log.info({ township: township.code, village: village.code, ...population }, '演示县已载入');
  return { township: township.code, village: village.code, population, history };
}
