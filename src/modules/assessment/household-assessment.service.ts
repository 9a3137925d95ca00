import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AssessmentMode, AssessmentOutput, Thresholds } from '../../domain/assessment/index.ts';
import { assessFile } from '../../domain/assessment/index.ts';
import { attachProvenance } from '../../domain/picture/index.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission } from '../auth/actor.ts';
import { pictureLoader } from '../picture/load-picture.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';
import type { LinesService } from '../settings/lines.service.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import type { SurveyFacts } from './household-facts.ts';

type Q = Kysely<DB> | Transaction<DB>;

interface Deps {
  db: Kysely<DB>;
  registryRepo: Pick<RegistryRepository, 'findHousehold' | 'members' | 'incomes'>;
  lines: Pick<LinesService, 'effective'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  cipher: PiiCipher;
}

/**
 * A registry household assessed in place (SPEC §7.3; formats/assessment.md "a household in the registry can be turned
 * into this format"): the household picture of the year (SPEC §7.4 — registry, newest survey first, survey facts and
 * department records, each with its source), the region's line and thresholds — then the same engine as
 * `shouxian assess`, every reason citing where its facts came from.
 */
export const householdAssessmentService = ({ db, registryRepo, lines, settings, audit, cipher }: Deps) => {
  const pictures = pictureLoader({ db, registryRepo, cipher });
  const { latestSurvey } = pictures;

  /** The picture and, when the year has income, the rules' outcome on it. Not audited: callers audit their read. */
  async function evaluate(actor: Actor, householdId: string, opts: { year: number; mode: AssessmentMode }, q: Q = db) {
    const { household, picture, survey, extra } = await pictures.load(
      actor,
      householdId,
      opts.year,
      opts.mode,
      q,
      async (h) => {
        const [line, thresholds] = await Promise.all([
          lines.effective(h.regionCode, opts.year, q === db ? undefined : (q as Transaction<DB>)),
          settings.get('assessment.thresholds', h.regionCode, q),
        ]);
        // The setting is checked against the thresholds' rules when it is written (settings service).
        return { line, thresholds: thresholds.value as Partial<Thresholds> };
      },
    );
    if (!picture.input) {
      return { household, picture, survey, result: null, errors: [], line: null };
    }
    const { line, thresholds } = extra;
    const output: AssessmentOutput = assessFile({ year: opts.year, households: [picture.input] }, opts.mode, {
      resolveMonitoringLine: () => line?.amount,
      resolveThresholds: () => thresholds,
    });
    const raw = output.results[0];
    return {
      household,
      picture,
      survey,
      result: raw ? attachProvenance(raw, picture) : null,
      errors: output.errors[0]?.errors ?? [],
      line: line?.amount ?? null,
    };
  }

  return {
    latestSurvey,
    evaluate,

    /** Assessment of one registry household with its region's line and thresholds; audited as a read. */
    async assess(actor: Actor, householdId: string, opts: { year: number; mode: AssessmentMode }, q: Q = db) {
      requirePermission(actor, 'registry.read');
      const { household, picture, survey, result, errors } = await evaluate(actor, householdId, opts, q);
      if (!picture.input) {
        throw new AppError('ASSESS_INCOME_MISSING', `该户尚未录入${opts.year}年收支，无法研判`, {
          field: 'income',
          year: opts.year,
        });
      }
      await audit.append(
        actor,
        {
          action: AuditActions.householdAssess,
          entity: 'household',
          entityId: householdId,
          householdId,
          regionCode: household.regionCode,
          after: { mode: opts.mode, year: opts.year, decision: result?.decision ?? null },
        },
        q,
      );
      if (errors.length > 0 || !result) {
        throw new AppError(
          'ASSESS_INVALID_HOUSEHOLD',
          `该户数据不完整，无法研判：${errors.map((e) => e.message).join('；')}`,
          { errors },
        );
      }
      return { result, year: opts.year, survey, conflicts: picture.conflicts, picture };
    },

    /** Records a household survey (实地入户调查, 风险销号评估认定表); the newest one is used by assessments. */
    async recordSurvey(
      actor: Actor,
      householdId: string,
      input: { kind: 'identification' | 'elimination'; surveyedOn: string; facts: SurveyFacts },
    ) {
      requirePermission(actor, 'registry.write');
      return db.transaction().execute(async (trx) => {
        const household = await registryRepo.findHousehold(actor, householdId, trx);
        if (!household) throw notFound('农户');
        const row = await trx
          .insertInto('household_surveys')
          .values({
            household_id: householdId,
            region_code: household.regionCode,
            kind: input.kind,
            surveyed_on: input.surveyedOn,
            facts: JSON.stringify(input.facts),
            recorded_by: actor.username,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.append(
          actor,
          {
            action: AuditActions.surveyRecord,
            entity: 'household_survey',
            entityId: row.id,
            householdId,
            regionCode: household.regionCode,
            after: input,
          },
          trx,
        );
        return { id: row.id };
      });
    },
  };
};

export type HouseholdAssessmentService = ReturnType<typeof householdAssessmentService>;
