import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  ASSESSMENT_MODES,
  type AssessmentMode,
  type HouseholdErrors,
} from '../../domain/assessment/assessment.types.ts';
import { type AssessOptions, assessFile } from '../../domain/assessment/index.ts';
import { AppError } from '../../shared/app-error.ts';
import { configuredResolvers } from './configured-resolvers.ts';

/** A stored household (the household picture, SPEC §7.4): opens the configured database (embedded or PostgreSQL). */
async function runStoredAssess(args: { household: string; year: string; mode: string }) {
  const [{ withCliContext }, { createServices }, { assessStoredHousehold }] = await Promise.all([
    import('../../cli/cli-context.ts'),
    import('../../services.ts'),
    import('../picture/assess-stored.cli.ts'),
  ]);
  return withCliContext('assess', (ctx) =>
    assessStoredHousehold({ db: ctx.database.db, assessments: createServices(ctx).assessments }, args),
  );
}

/** What one run of `shouxian assess` writes and how it exits. */
export interface AssessRun {
  stdout: string;
  stderr: string;
  /** 0 all assessed; 1 some households had field errors (the others are still printed); 2 unusable input. */
  exitCode: 0 | 1 | 2;
}

function describeHouseholdErrors(e: HouseholdErrors): string {
  const who = `第${e.index + 1}户${e.id ? `（${e.id}）` : ''}`;
  return [`${who}数据有误，未研判：`, ...e.errors.map((f) => `  - ${f.message} [${f.field}，${f.code}]`)].join('\n');
}

/**
 * The whole of `shouxian assess` except reading the file: parse, run the engine (SPEC §7.3, formats/assessment.md),
 * print the output JSON (2-space indent) and per-household errors in Chinese. Without a database no monitoring line
 * can be looked up unless the caller passes a resolver, so a file without `monitoringLine` gives field errors.
 */
export function runAssess(args: { inputText: string; mode?: string; options?: AssessOptions }): AssessRun {
  const mode = args.mode ?? 'identification';
  if (!(ASSESSMENT_MODES as readonly string[]).includes(mode)) {
    return {
      stdout: '',
      stderr: `研判模式“${mode}”无效，可选：identification（识别）、elimination（风险消除）\n`,
      exitCode: 2,
    };
  }
  let input: unknown;
  try {
    input = JSON.parse(args.inputText.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { stdout: '', stderr: `无法解析输入文件：不是有效的 JSON（${(err as Error).message}）\n`, exitCode: 2 };
  }
  try {
    const output = assessFile(input, mode as AssessmentMode, args.options);
    const lines = output.errors.map(describeHouseholdErrors);
    lines.push(`研判完成：${output.results.length}户有结果，${output.errors.length}户数据有误`);
    return {
      stdout: `${JSON.stringify(output, null, 2)}\n`,
      stderr: `${lines.join('\n')}\n`,
      exitCode: output.errors.length > 0 ? 1 : 0,
    };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const fields = (err.details.fields ?? []) as { field: string; message: string }[];
    const detail = fields.map((f) => `  - ${f.message} [${f.field}]`).join('\n');
    return {
      stdout: '',
      stderr: `输入文件不符合研判格式，未研判任何农户：\n${detail || `  - ${err.message}`}\n`,
      exitCode: 2,
    };
  }
}

async function readInput(source: string): Promise<string> {
  if (source !== '-') return readFile(source, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `shouxian assess --input FILE [--mode identification|elimination]` (formats/assessment.md): assesses households
 * described in a file, without a database, so a county can check a list before entry and a department can test its
 * feed. `--input -` reads standard input.
 */
export function registerAssessCommand(program: Command): void {
  program
    .command('assess')
    .description('按识别或风险消除规则研判文件中的农户（格式见 formats/assessment.md），结果以 JSON 输出')
    .option('--input <file>', '输入 JSON 文件，- 表示标准输入')
    .option('--household <code>', '改为研判已登记的农户（农户编码），按其家庭情况（含部门数据）研判')
    .option('--year <year>', '与 --household 同用：研判年度')
    .option('--mode <mode>', '研判模式：identification（识别，默认）或 elimination（风险消除）', 'identification')
    .action(async (opts: { input?: string; household?: string; year?: string; mode: string }) => {
      if (opts.household) {
        const run = await runStoredAssess({ household: opts.household, year: opts.year ?? '', mode: opts.mode });
        process.stdout.write(run.stdout);
        process.stderr.write(run.stderr);
        process.exitCode = run.exitCode;
        return;
      }
      if (!opts.input) {
        process.stderr.write('请用 --input 指定输入文件，或用 --household 与 --year 研判已登记的农户\n');
        process.exitCode = 2;
        return;
      }
      let inputText: string;
      try {
        inputText = await readInput(opts.input);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : (err as Error).message;
        process.stderr.write(`无法读取输入文件 ${opts.input}：${why}\n`);
        process.exitCode = 2;
        return;
      }
      const options = await configuredResolvers(inputText, (m) => process.stderr.write(m));
      const run = runAssess({ inputText, mode: opts.mode, options });
      process.stdout.write(run.stdout);
      process.stderr.write(run.stderr);
      process.exitCode = run.exitCode;
    });
}
