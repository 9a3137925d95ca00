import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { assessRiskColour, type MeasureStatus, riskGaps } from '../../domain/assistance/risk-colour.ts';
import { chinaToday, shiftDate } from '../../domain/calendar/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { requireAssistanceRead, requireAssistanceWrite } from './assistance.policy.ts';
import type { BackstopRepository } from './backstop.repository.ts';
import { riskTypesOf } from './household-facts.ts';
import { presentMeasure } from './measure-input.ts';
import type { MeasuresRepository } from './measures.repository.ts';
import type { ReviewsRepository } from './reviews.repository.ts';

export interface ResponsibleInput {
  name: string;
  phone: string;
  unit: string;
  assignedOn?: string;
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

interface Deps {
  db: Kysely<DB>;
  measuresRepo: Pick<
    MeasuresRepository,
    'byHousehold' | 'progressOf' | 'insertResponsible' | 'responsibleHistory' | 'hasOpenClue' | 'colourInputs'
  >;
  reviewsRepo: Pick<ReviewsRepository, 'latestOutcome'>;
  backstopRepo: Pick<BackstopRepository, 'list'>;
  registryRepo: Pick<RegistryRepository, 'findHousehold' | 'lockHousehold' | 'updateHousehold'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
}

interface ColourFacts {
  monitoringStatus: 'none' | 'monitored' | 'eliminated';
  riskTypes: readonly string[];
  responsiblePerson: string | null;
}

/**
 * The 三色 colour from a household's facts (SPEC §16), the same for the household file and for every list: red for
 * an unanswered risk or an overdue responsible person or measure, yellow for a clue under verification or an
 * assisted household not yet stable, green otherwise.
 */
interface ColourMeasure {
  subtype: string;
  status: MeasureStatus;
  answersRisks: readonly string[];
  plannedEndOn: string | null;
}

function colourOf<M extends ColourMeasure>(
  household: ColourFacts,
  measures: readonly M[],
  openClue: boolean,
  reviewOutcome: string | undefined,
  responsibleDueOn: string | null,
  today: string,
) {
  const gaps = riskGaps(
    riskTypesOf(household.riskTypes),
    measures.map((m) => ({ subtype: m.subtype, status: m.status, answersRisks: riskTypesOf(m.answersRisks) })),
  );
  const monitored = household.monitoringStatus === 'monitored';
  const responsibleOverdue =
    monitored && !household.responsiblePerson && responsibleDueOn !== null && responsibleDueOn < today;
  const measuresOverdue = measures.filter(
    (m) => (m.status === 'planned' || m.status === 'in_progress') && m.plannedEndOn && m.plannedEndOn < today,
  );
  const colour = assessRiskColour({
    monitoringStatus: household.monitoringStatus,
    openRiskTypesUnanswered: gaps,
    overdue: monitored && (responsibleOverdue || measuresOverdue.length > 0),
    clueUnderVerification: openClue,
    stable: reviewOutcome === 'start_elimination',
  });
  return { gaps, responsibleOverdue, measuresOverdue, colour };
}

/** One household's assistance: its 帮扶责任人 (SPEC §9) and everything assistance knows about it, with its 三色 (§16). */
export const householdAssistanceService = (deps: Deps) => {
  const { db, measuresRepo, reviewsRepo, backstopRepo, registryRepo, settings, audit } = deps;
  const today = () => chinaToday((deps.now ?? (() => new Date()))());

  const deadline = async (regionCode: string, includedOn: string | null, q?: Parameters<RegionSettings['get']>[2]) => {
    if (!includedOn) return null;
    const { value } = await settings.get<{ days: number }>('assistance.responsibleDays', regionCode, q);
    return shiftDate(includedOn, value.days);
  };

  return {
    /** 帮扶责任人, due within the configured days of inclusion (SPEC §9 "assigned promptly"); history kept. */
    async assignResponsible(actor: Actor, householdId: string, input: ResponsibleInput) {
      requireAssistanceWrite(actor);
      const name = input.name.trim();
      const unit = input.unit.trim();
      const phone = input.phone.replace(/\s/g, '');
      if (!name) throw new AppError('VALIDATION', '请填写帮扶责任人姓名', { field: 'name' });
      if (!unit) throw new AppError('VALIDATION', '请填写帮扶责任人所在单位', { field: 'unit' });
      if (!PHONE.test(phone))
        throw new AppError('VALIDATION', '联系电话格式不正确（手机11位或区号加座机号）', { field: 'phone' });
      const assignedOn = input.assignedOn ?? today();
      if (assignedOn > today()) throw new AppError('VALIDATION', '指定日期不能晚于今天', { field: 'assignedOn' });
      return db.transaction().execute(async (trx) => {
        const household = await registryRepo.lockHousehold(actor, householdId, trx);
        if (!household) throw notFound('农户');
        if (household.monitoringStatus !== 'monitored') {
          throw new AppError('ASSISTANCE_NOT_MONITORED', '帮扶责任人为监测对象指定', {});
        }
        const dueOn = await deadline(household.regionCode, household.includedOn, trx);
        const row = { householdId, regionCode: household.regionCode, name, phone, unit, assignedOn, dueOn };
        await measuresRepo.insertResponsible({ ...row, by: actor.username }, trx);
        await registryRepo.updateHousehold(householdId, { responsible_person: name, responsible_phone: phone }, trx);
        await audit.append(
          actor,
          {
            action: AuditActions.responsibleAssign,
            entity: 'household',
            entityId: householdId,
            householdId,
            regionCode: household.regionCode,
            before: { name: household.responsiblePerson, phone: household.responsiblePhone },
            after: row,
          },
          trx,
        );
        return { name, phone, unit, assignedOn, dueOn, onTime: dueOn === null || assignedOn <= dueOn };
      });
    },

    /**
     * 三色 of many households at once, for lists (SPEC §16 "shown everywhere a household appears"): the same rule as
     * the household file, over a page of households in a few set-based reads. Households outside the actor's
     * region are left out, never refused one by one.
     */
    async colours(actor: Actor, householdIds: readonly string[]) {
      requireAssistanceRead(actor);
      const inputs = await measuresRepo.colourInputs(actor, householdIds);
      const day = today();
      const deadlines = new Map<string, string | null>();
      const out: Record<string, { colour: 'red' | 'yellow' | 'green'; reason: string }> = {};
      for (const h of inputs.households) {
        const key = `${h.regionCode}|${h.includedOn ?? ''}`;
        if (!deadlines.has(key)) deadlines.set(key, await deadline(h.regionCode, h.includedOn));
        const { colour } = colourOf(
          h,
          inputs.measures.filter((m) => m.householdId === h.id),
          inputs.openClues.has(h.id),
          inputs.reviews.get(h.id),
          deadlines.get(key) ?? null,
          day,
        );
        out[h.id] = colour;
      }
      return out;
    },

    async summary(actor: Actor, householdId: string) {
      requireAssistanceRead(actor);
      const household = await registryRepo.findHousehold(actor, householdId);
      if (!household) throw notFound('农户');
      const [measures, responsible, proposals, review, openClue, dueOn] = await Promise.all([
        measuresRepo.byHousehold(householdId),
        measuresRepo.responsibleHistory(householdId),
        backstopRepo.list(actor, { householdId }),
        reviewsRepo.latestOutcome(householdId),
        measuresRepo.hasOpenClue(householdId),
        deadline(household.regionCode, household.includedOn),
      ]);
      const progress = await measuresRepo.progressOf(measures.map((m) => m.id));
      const riskTypes = riskTypesOf(household.riskTypes);
      const { gaps, responsibleOverdue, measuresOverdue, colour } = colourOf(
        household,
        measures,
        openClue,
        review?.outcome,
        dueOn,
        today(),
      );
      return {
        householdId,
        householdCode: household.code,
        monitoringStatus: household.monitoringStatus,
        category: household.category,
        riskTypes,
        includedOn: household.includedOn,
        backstop: household.backstop,
        responsible: { current: responsible[0] ?? null, dueOn, overdue: responsibleOverdue, history: responsible },
        measures: measures.map((m) => ({
          ...presentMeasure(m),
          progress: progress.filter((p) => p.measureId === m.id),
        })),
        unansweredRisks: gaps,
        overdueMeasures: measuresOverdue.map((m) => m.id),
        backstopProposals: proposals,
        latestReview: review ?? null,
        riskColour: colour,
      };
    },
  };
};

export type HouseholdAssistanceService = ReturnType<typeof householdAssistanceService>;
