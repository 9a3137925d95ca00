import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { toYuan } from '../../domain/money.ts';
import { FUND_LEVELS } from '../../domain/projects/index.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../auth/actor.ts';
import type { ProjectRulesService } from './project-rules.ts';
import { readProjectSheets, type SheetProblem, type SheetProject } from './project-sheet.ts';
import { requireProjectWrite } from './projects.policy.ts';
import type { ProjectsRepository } from './projects.repository.ts';
import type { ProjectInput } from './projects.schema.ts';
import type { ProjectsService } from './projects.service.ts';

const FIELD_COLUMNS: Record<string, string> = {
  type: '项目类型',
  regionCode: '建设地点',
  funds: '资金',
  name: '项目名称',
  taskForce: '项目专班',
  manager: '项目负责人',
};

/** Finds a place written as a code, a township, a village, or township and village together, inside the county. */
function placeFinder(regions: { code: string; name: string; level: number }[]) {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const byName = new Map<string, string[]>();
  for (const r of regions) byName.set(r.name, [...(byName.get(r.name) ?? []), r.code]);
  const townships = regions.filter((r) => r.level === 4);
  return (raw: string): string | undefined => {
    const s = raw.replace(/[\s\u3000]/g, '');
    if (/^\d{6,12}$/.test(s)) return byCode.has(s) ? s : undefined;
    const exact = byName.get(s);
    if (exact?.length === 1) return exact[0];
    const parts = s.split(/[/、\-—,，]/).filter(Boolean);
    const town = townships.find((t) => (parts.length > 1 ? parts[0] === t.name : s.startsWith(t.name)));
    if (!town) return undefined;
    const rest = parts.length > 1 ? parts.slice(1).join('') : s.slice(town.name.length);
    if (!rest) return town.code;
    const villages = (byName.get(rest) ?? []).filter((c) => c.startsWith(town.code));
    return villages.length === 1 ? villages[0] : undefined;
  };
}

/**
 * 导入项目库台账 (SPEC §13, issue 15 point 7): the county's existing library from its Excel sheets. Each good row
 * becomes a project through the same checks as a filed one (catalogue type, funds, key-project flag, audit); a row
 * already imported (same county, year, place and name) is passed over, so a corrected file can be loaded again.
 */
export const importProjects =
  ({
    db,
    repo,
    rules,
    projects,
  }: {
    db: Kysely<DB>;
    repo: ProjectsRepository;
    rules: ProjectRulesService;
    projects: ProjectsService;
  }) =>
  async (actor: Actor, content: Buffer, opts: { year?: number } = {}) => {
    requireProjectWrite(actor, '导入项目库台账');
    const county = actor.regionCode.slice(0, 6);
    if (county.length < 6) throw new AppError('PROJECT_INVALID', '请以县级账号导入本县项目库', { field: 'region' });
    const r = await rules.of(county);
    const { rows, problems } = await readProjectSheets(content, r.fundName);
    const regions = await db
      .selectFrom('regions')
      .select(['code', 'name', 'level'])
      .where('code', 'like', `${county}%`)
      .execute();
    const find = placeFinder(regions);
    const year = opts.year ?? Number(new Date().getFullYear());
    const out: SheetProblem[] = [...problems];
    const wanted = rows.map((row) => ({ row, code: find(row.place), year: row.year ?? year }));
    const keyOf = (w: { row: SheetProject; code: string | undefined; year: number }) =>
      `${county}:${w.year}:${w.code}:${w.row.name}`;
    const existing = new Set(
      (await repo.findByImportKey(wanted.filter((w) => w.code).map(keyOf))).map((e) => e.import_key),
    );
    let imported = 0;
    let skipped = 0;
    for (const w of wanted) {
      const { row } = w;
      const problem = (column: string, message: string) =>
        out.push({ sheet: row.sheet, row: row.row, column, message });
      if (!w.code) {
        problem('建设地点', `“${row.place}”不是本县的乡镇、村或区划代码`);
        continue;
      }
      if (existing.has(keyOf(w))) {
        skipped += 1;
        continue;
      }
      const funds: ProjectInput['funds'] = FUND_LEVELS.filter((l) => (row.linkageFen[l] ?? 0) > 0).map((level) => ({
        level,
        source: 'linkage' as const,
        amountYuan: toYuan(row.linkageFen[level] ?? 0),
      }));
      if (row.otherFen > 0) funds.push({ level: 'county', source: 'other', amountYuan: toYuan(row.otherFen) });
      if (!funds.length) {
        problem('资金', '缺少资金数额');
        continue;
      }
      if (!row.type) {
        problem('项目类型', '缺少项目类型');
        continue;
      }
      if (!row.manager) {
        problem('项目负责人', '缺少项目负责人');
        continue;
      }
      try {
        await projects.create(
          actor,
          {
            name: row.name.slice(0, 200),
            regionCode: w.code,
            year: w.year,
            type: row.type,
            funds,
            // Older sheets have no 专班 column: the project enters with its task force to be named.
            taskForce: row.taskForce || '（待明确）',
            manager: row.manager.slice(0, 50),
            ...(row.phone ? { managerPhone: row.phone.slice(0, 40) } : {}),
            ...(row.description ? { description: row.description.slice(0, 2000) } : {}),
          },
          { importKey: keyOf(w) },
        );
        imported += 1;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const field = String(e.details.field ?? '');
        problem(FIELD_COLUMNS[field.split('.')[0] ?? ''] ?? '—', e.message);
      }
    }
    return { imported, skipped, problems: out.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row) };
  };
