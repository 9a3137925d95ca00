import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { shiftDate } from '../../domain/calendar/index.ts';
import { type CaseState, currentStep, missingRecords } from '../../domain/procedures/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';

/** A tiny valid PDF standing for the scanned materials of a step (the same the case tests upload). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The users of each level acting on one household's case. */
export interface CaseActors {
  village: Actor;
  township: Actor;
  county: Actor;
}

/** Where a story stops driving a case, so that the demo shows cases waiting at each step. */
export type StopAt = { step: string; publicity?: 'running' } | null;

const meeting = (date: string) => ({
  date,
  attendees: ['村党支部书记', '村委会主任', '党员代表', '户主代表', '驻村工作队员'],
  votesFor: 5,
  votesAgainst: 0,
});

/**
 * Drives one case through its template's steps with the real procedures service, as the users of each level would
 * (SPEC §8.1): materials attached, the village meeting, the publicity run to its end, each step completed. It is an
 * async generator yielding the China date it wants to act next; the demo's clock runs the stories in date order
 * (demo-history.ts). Returns the case's outcome, or null when it stopped at `stopAt`.
 */
export async function* driveCase(
  s: Services,
  db: Kysely<DB>,
  today: () => string,
  caseId: string,
  actors: CaseActors,
  stopAt: StopAt = null,
  /** prompt: each step a day or two after the last; deadline: near each step's due date, as busy villages do. */
  pace: 'prompt' | 'deadline' = 'deadline',
): AsyncGenerator<string, string | null, void> {
  let fileId: string | undefined;
  // The case as the service stored it (a read: every change below goes through the procedures service).
  const read = async () => {
    const row = await db
      .selectFrom('cases')
      .select(['state', 'outcome', 'current_due as currentDue'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const state = row.state as CaseState;
    return { ...row, state, step: currentStep(state) };
  };
  for (let guard = 0; guard < 30; guard++) {
    const c = await read();
    if (c.outcome) return c.outcome;
    if (stopAt && stopAt.step === c.step.code && !stopAt.publicity) return null;
    const level = c.step.level as string;
    const actor = level === 'village' ? actors.village : level === 'township' ? actors.township : actors.county;
    const missing = missingRecords(c.step, c.state.current.attachments);
    if (missing.length > 0) {
      fileId ??= (await s.caseFiles.upload(actors.village, caseId, '材料.pdf', PDF)).id;
      const id = fileId;
      await s.casesModule.act(actor, caseId, {
        type: 'attach_records',
        attachments: missing.map((m) => ({ recordCode: m.code, fileId: id })),
      });
    }
    if (c.step.publicity) {
      if (!c.state.current.publicity) {
        await s.casesModule.act(actor, caseId, {
          type: 'start_publicity',
          ...(c.step.meeting ? { meeting: meeting(today()) } : {}),
        });
      }
      if (stopAt && stopAt.step === c.step.code) return null;
      const end = (await read()).state.current.publicity?.end ?? today();
      yield shiftDate(end, 1);
    }
    await s.casesModule.act(actor, caseId, {
      type: 'complete_step',
      note: `${c.step.name}已完成`,
      ...(c.step.meeting && !c.step.publicity ? { meeting: meeting(today()) } : {}),
      // A decision step with conflicting sources needs the cadre's explanation (SPEC §7.4); harmless without.
      ...(c.step.notification && c.step.notification !== 'acceptance'
        ? { verificationNote: '已入户核实，以入户调查和部门比对结果为准' }
        : {}),
    });
    // The next step: a day or two later, or (deadline pace) shortly before its due date; never late by itself.
    const next = await read();
    if (next.outcome) return next.outcome;
    const due = next.currentDue as string | null;
    const soon = shiftDate(today(), 1 + (guard % 2));
    if (due && due < soon) yield today();
    else yield pace === 'deadline' && due && shiftDate(due, -2) > soon ? shiftDate(due, -2) : soon;
  }
  throw new Error(`演示程序未能办结：${caseId}`);
}
