import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { ASSESSMENT_MODES, type AssessmentMode } from '../../domain/assessment/index.ts';
import { AppError } from '../../shared/app-error.ts';
import type { HouseholdAssessmentService } from '../assessment/household-assessment.service.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { pictureRepository } from './picture.repository.ts';

export interface StoredAssessRun {
  stdout: string;
  stderr: string;
  /** 0 assessed; 1 the household's data are incomplete (errors printed); 2 unusable arguments. */
  exitCode: 0 | 1 | 2;
}

/**
 * `shouxian assess --household CODE --year Y [--mode …]`: the same rules as the API on a stored household's picture
 * (SPEC §7.3, §7.4), printed in the exchange format of formats/assessment.md — every reason with its `sources` — and
 * the picture's conflicts on standard error. Runs as the system (an operator's command), audited as an assessment.
 */
export async function assessStoredHousehold(
  deps: { db: Kysely<DB>; assessments: Pick<HouseholdAssessmentService, 'assess'> },
  args: { household: string; year: string | number; mode?: string },
): Promise<StoredAssessRun> {
  const mode = args.mode ?? 'identification';
  if (!(ASSESSMENT_MODES as readonly string[]).includes(mode)) {
    return {
      stdout: '',
      stderr: `研判模式“${mode}”无效，可选：identification（识别）、elimination（风险消除）\n`,
      exitCode: 2,
    };
  }
  const year = Number(args.year);
  if (!Number.isInteger(year) || year < 2013 || year > 2100) {
    return { stdout: '', stderr: `--year 应为年份（如 2026）：${args.year}\n`, exitCode: 2 };
  }
  const id = await pictureRepository(deps.db).householdIdByCode(args.household);
  if (!id) return { stdout: '', stderr: `农户编码不存在：${args.household}\n`, exitCode: 2 };
  try {
    const { result, conflicts } = await deps.assessments.assess(SYSTEM_ACTOR, id, {
      year,
      mode: mode as AssessmentMode,
    });
    const notes = conflicts.map((c) => `数据冲突：${c.text}`);
    notes.push(`研判完成：${args.household} ${year}年 ${result.decision}`);
    return {
      stdout: `${JSON.stringify({ year, results: [result], errors: [] }, null, 2)}\n`,
      stderr: `${notes.join('\n')}\n`,
      exitCode: 0,
    };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const errors = (err.details.errors ?? []) as { field: string; code: string; message: string }[];
    const output = { year, results: [], errors: [{ id: args.household, index: 0, errors }] };
    return {
      stdout: errors.length > 0 ? `${JSON.stringify(output, null, 2)}\n` : '',
      stderr: `${err.message}\n`,
      exitCode: 1,
    };
  }
}
