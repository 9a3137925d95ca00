import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import type { CasesService } from '../cases/cases.service.ts';
import type { CluesService } from '../clues/clues.service.ts';

/**
 * "The review outcome starts the elimination procedure" (SPEC §8.3, §9): injected so that assistance does not depend
 * on the procedures module. The procedures module (cases) provides the real one; it runs inside the caller's
 * transaction and returns the case it opened.
 */
export type StartElimination = (
  actor: Actor,
  householdId: string,
  reason: string,
  trx: Transaction<DB>,
  /** The year the review assessed: the case's decision step assesses the same year (SPEC §7.4). */
  assessmentYear?: number,
) => Promise<{ caseId: string | null; clueId?: string | null }>;

/**
 * The review's conclusion enters the clue ledger (SPEC §6: every signal is one clue, closed with a result) and opens
 * the elimination procedure (SPEC §8.3) linked both ways: the case names the clue, the clue is closed with
 * 启动风险消除程序 and the case — the same path a verified clue takes (cases/start-case-from-clue.ts), inside the
 * review's transaction.
 */
export const startEliminationCase =
  ({
    cases,
    clues,
  }: {
    cases: Pick<CasesService, 'start'>;
    clues: Pick<CluesService, 'record' | 'close'>;
  }): StartElimination =>
  async (actor, householdId, reason, trx, assessmentYear) => {
    const { id: clueId } = await clues.record(
      actor,
      {
        channel: 'cadre_screening',
        sourceKind: 'effectiveness_review',
        sourceRef: actor.username,
        householdId,
        finding: reason,
        facts: { reason },
      },
      trx,
    );
    const started = await cases.start(
      actor,
      { householdId, kind: 'elimination', clueId, ...(assessmentYear ? { assessmentYear } : {}) },
      trx,
    );
    await clues.close(actor, clueId, { result: 'start_elimination', note: reason, caseId: started.id }, trx);
    return { caseId: started.id, clueId };
  };

/**
 * Without the procedures module (tools, tests of assistance alone): records the conclusion in the clue ledger and
 * closes it with 启动风险消除程序, so the household shows up where the procedure is started by hand; no case (null).
 */
export const startEliminationByClue =
  (clues: Pick<CluesService, 'record' | 'close'>): StartElimination =>
  async (actor, householdId, reason, trx) => {
    const { id } = await clues.record(
      actor,
      {
        channel: 'cadre_screening',
        sourceKind: 'effectiveness_review',
        sourceRef: actor.username,
        householdId,
        finding: reason,
        facts: { reason },
      },
      trx,
    );
    await clues.close(actor, id, { result: 'start_elimination', note: reason }, trx);
    return { caseId: null, clueId: id };
  };
