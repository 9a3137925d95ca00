import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { createServices } from '../../services.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';

/**
 * `shouxian calendar load FILE` (issue 10 point 6): a year's official holidays, either the State Council notice as
 * published (a text file: title line, then one line per holiday) or the JSON shape of `POST /api/calendars`.
 * Open cases whose dates were estimated for that year are recomputed. See docs/calendars.md.
 */
export function registerCalendarCommands(program: Command): void {
  const calendar = program.command('calendar').description('法定节假日和调休安排');
  calendar
    .command('load <file>')
    .description('导入某年度节假日安排：国务院办公厅通知原文（.txt）或 JSON；重算涉及该年的在办程序日期')
    .action((file: string) =>
      withCliContext('calendar load', async (ctx) => {
        const raw = await readFile(file, 'utf8');
        const input = file.toLowerCase().endsWith('.json') ? JSON.parse(raw) : { text: raw };
        const r = await createServices(ctx).casesModule.calendars.load(SYSTEM_ACTOR, input);
        process.stdout.write(
          `已导入${r.year}年节假日安排：放假${r.holidays}天、调休上班${r.workdays}天；重算在办程序${r.recomputedCases}件\n`,
        );
      }),
    );
  calendar
    .command('list')
    .description('已有的年度节假日安排及待导入的年份')
    .action(() =>
      withCliContext('calendar list', async (ctx) => {
        const services = createServices(ctx);
        for (const c of await services.casesModule.calendars.list()) {
          process.stdout.write(`${c.year}\t放假${c.holidays.length}天\t调休上班${c.workdays.length}天\t${c.source}\n`);
        }
        const alert = await services.casesModule.calendars.alert(SYSTEM_ACTOR);
        if (alert.message) process.stdout.write(`${alert.message}\n`);
      }),
    );
}
