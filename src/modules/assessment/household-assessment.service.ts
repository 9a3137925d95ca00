import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AssessmentMode, AssessmentOutput, HouseholdInput } from '../../domain/assessment/index.ts';
import { assessFile } from '../../domain/assessment/index.ts';
import { toFen, toYuan } from '../../domain/money.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission } from '../auth/actor.ts';
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

type Income = Awaited<ReturnType<RegistryRepository['incomes']>>[number];

/** The newest figures of a year: the annual record if there is one, else the latest survey of that year. */
function incomeOf(incomes: Income[], year: number): Income | undefined {
  const ofYear = incomes.filter((i) => i.year === year);
  return ofYear.find((i) => i.survey === 'annual') ?? ofYear[0];
}

const formatIncome = (i: Income) => ({
  wage: Number(i.wage),
  businessNet: toYuan(toFen(i.businessGross) - toFen(i.businessCost)),
  property: Number(i.property),
  transfer: Number(i.transfer),
});

/**
 * A registry household assessed in place (SPEC §7.3; formats/assessment.md "a household in the registry can be turned
 * into this format"): the registry file, the year's income, the newest survey facts, the region's line and thresholds
 * — then the same engine as `shouxian assess`.
 */
export const householdAssessmentService = ({ db, registryRepo, lines, settings, audit, cipher }: Deps) => {
  async function latestSurvey(householdId: string, kind: 'identification' | 'elimination', q: Q = db) {
    const row = await q
      .selectFrom('household_surveys')
      .select(['facts', 'surveyed_on as surveyedOn', 'recorded_by as recordedBy'])
      .where('household_id', '=', householdId)
      .where('kind', '=', kind)
      .orderBy('surveyed_on', 'desc')
      .orderBy('recorded_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { ...row, facts: row.facts as SurveyFacts } : undefined;
  }

  async function toInput(actor: Actor, householdId: string, year: number, mode: AssessmentMode, q: Q = db) {
    const household = await registryRepo.findHousehold(actor, householdId, q);
    if (!household) throw notFound('农户');
    const [members, incomes] = await Promise.all([
      registryRepo.members(householdId, q),
      registryRepo.incomes(householdId, q),
    ]);
    const income = incomeOf(incomes, year);
    if (!income) {
      throw new AppError('ASSESS_INCOME_MISSING', `该户尚未录入${year}年收支，无法研判`, { field: 'income', year });
    }
    const previous = incomeOf(incomes, year - 1);
    const survey =
      (await latestSurvey(householdId, mode, q)) ??
      (mode === 'elimination' ? await latestSurvey(householdId, 'identification', q) : undefined);
    const facts = survey?.facts ?? {};
    const input: HouseholdInput = {
      id: household.code,
      regionCode: household.regionCode,
      liftedOutOfPoverty: household.liftedOut,
      members: members.map((m) => ({
        idNumber: cipher.decrypt(m.idNumberEnc),
        name: m.name,
        relation: m.relation as HouseholdInput['members'][number]['relation'],
        status: m.status as HouseholdInput['members'][number]['status'],
        labor: m.labor as HouseholdInput['members'][number]['labor'],
        health: m.health as HouseholdInput['members'][number]['health'],
        disabilityLevel: m.disabilityLevel,
        education: m.education as HouseholdInput['members'][number]['education'],
        publicServant: m.publicServant,
        paidVillageCadre: m.paidVillageCadre,
      })),
      closeRelativePublicServant: facts.closeRelativePublicServant ?? false,
      income: formatIncome(income),
      previousIncome: previous ? formatIncome(previous) : null,
      rigidExpenditure: {
        medical: Number(income.medicalExpense),
        education: Number(income.educationExpense),
        disaster: Number(income.disasterLoss),
        accident: Number(income.accidentExpense),
      },
      risks: facts.risks ?? {},
      suddenEvent: facts.suddenEvent ?? null,
      exclusions: facts.exclusions ?? {},
      majorFamilyEvent: facts.majorFamilyEvent ?? false,
      backstop: household.backstop,
      consentToElimination: facts.consentToElimination ?? null,
    };
    return { household, input, survey };
  }

  return {
    latestSurvey,

    /** Assessment of one registry household with its region's line and thresholds; audited as a read. */
    async assess(actor: Actor, householdId: string, opts: { year: number; mode: AssessmentMode }, q: Q = db) {
      requirePermission(actor, 'registry.read');
      const { household, input, survey } = await toInput(actor, householdId, opts.year, opts.mode, q);
      const line = await lines.effective(
        household.regionCode,
        opts.year,
        q === db ? undefined : (q as Transaction<DB>),
      );
      const thresholds = (await settings.get('assessment.thresholds', household.regionCode, q)).value as never;
      const output: AssessmentOutput = assessFile({ year: opts.year, households: [input] }, opts.mode, {
        resolveMonitoringLine: () => line?.amount,
        resolveThresholds: () => thresholds,
      });
      await audit.append(
        actor,
        {
          action: AuditActions.householdAssess,
          entity: 'household',
          entityId: householdId,
          householdId,
          regionCode: household.regionCode,
          after: { mode: opts.mode, year: opts.year, decision: output.results[0]?.decision ?? null },
        },
        q,
      );
      const error = output.errors[0];
      if (error) {
        throw new AppError(
          'ASSESS_INVALID_HOUSEHOLD',
          `该户数据不完整，无法研判：${error.errors.map((e) => e.message).join('；')}`,
          {
            errors: error.errors,
          },
        );
      }
      return {
        result: output.results[0] as AssessmentOutput['results'][number],
        year: opts.year,
        survey: survey ?? null,
      };
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
