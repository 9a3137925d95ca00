import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../auth/actor.ts';
import type { CluesService } from '../clues/clues.service.ts';
import type { CasesService } from './cases.service.ts';

/**
 * A verified clue that calls for a procedure (SPEC §6: closed with "start identification" / "start elimination"):
 * the clue is closed with that result and the case is started, in one transaction, linked both ways.
 */
export const startCaseFromClue =
  ({
    db,
    cases,
    clues,
  }: {
    db: Kysely<DB>;
    cases: Pick<CasesService, 'start'>;
    clues: Pick<CluesService, 'close' | 'get'>;
  }) =>
  async (actor: Actor, clueId: string, input: { kind: 'inclusion' | 'elimination'; note: string }) => {
    const clue = await clues.get(actor, clueId);
    if (!clue.householdId)
      throw new AppError('CLUE_NO_HOUSEHOLD', '该线索未关联农户，请先核实并登记农户', { field: 'householdId' });
    if (clue.status === 'closed') throw new AppError('CLUE_CLOSED', '线索已销号');
    return db.transaction().execute(async (trx) => {
      const started = await cases.start(
        actor,
        { householdId: clue.householdId as string, kind: input.kind, clueId },
        trx,
      );
      await clues.close(
        actor,
        clueId,
        {
          result: input.kind === 'inclusion' ? 'start_identification' : 'start_elimination',
          note: input.note,
          caseId: started.id,
        },
        trx,
      );
      return started;
    });
  };
