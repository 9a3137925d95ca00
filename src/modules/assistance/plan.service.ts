import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Thresholds } from '../../domain/assessment/assessment.types.ts';
import { checkMergedAges, resolveThresholds, validateThresholds } from '../../domain/assessment/thresholds.ts';
import {
  type AgeRules,
  ageRulesOf,
  checkTekunAges,
  HOUSEHOLD_LABOUR_NAMES,
  householdLabour,
  type RiskType,
  type TekunAges,
} from '../../domain/assistance/household-facts.ts';
import { enabledSubtype } from '../../domain/assistance/measure-catalogue.ts';
import { riskGaps } from '../../domain/assistance/risk-colour.ts';
import { suggestPlan } from '../../domain/assistance/suggest-plan.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission } from '../auth/actor.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { requireAssistanceRead, requireAssistanceWrite } from './assistance.policy.ts';
import type { MeasureStatus } from './assistance.tables.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { hasStableWorkIncome, memberFacts, riskTypesOf } from './household-facts.ts';
import { checkMeasure, type MeasureFields, moneyText, presentMeasure } from './measure-input.ts';
import type { MeasuresRepository } from './measures.repository.ts';

export interface NewMeasureInput extends Omit<MeasureFields, 'status' | 'result' | 'finishedOn'> {
  /** Catalogue sub-type code, as suggested or chosen by staff. */
  subtype: string;
  /** Risk types this measure is to answer; by default those of the household the sub-type answers. */
  answersRisks?: RiskType[];
  /** The suggestion accepted or changed (its rule code), absent for a measure staff add themselves. */
  suggestionRule?: string;
  suggestionReason?: string;
}

interface Deps {
  db: Kysely<DB>;
  measuresRepo: Pick<MeasuresRepository, 'byHousehold' | 'insert'>;
  registryRepo: Pick<RegistryRepository, 'findHousehold' | 'lockHousehold' | 'members'>;
  catalogue: Pick<CatalogueService, 'effective'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
}

/** The measures a project's benefit may count as (就地就近就业, 联农带农利益联结; projects.service addBeneficiary). */
const PROJECT_BENEFIT_SUBTYPES: readonly string[] = ['local_employment', 'benefit_linkage'];

const notMonitored = () =>
  new AppError('ASSISTANCE_NOT_MONITORED', '该户不是监测对象：帮扶措施只为纳入监测的农户安排', {});

/**
 * 缺什么补什么 (SPEC §9): the suggested plan for a monitored household, and staff's choice of measures. A suggestion
 * is only shown; a measure exists only when staff record it (accepted, changed or added), never silently.
 */
export const planService = ({
  db,
  measuresRepo,
  registryRepo,
  catalogue,
  settings,
  audit,
  now = () => new Date(),
}: Deps) => {
  const today = () => chinaToday(now());

  /**
   * The ages the suggestion uses for a region (SPEC §3: rules are data): its 特困 ages, and the compulsory-education
   * range the assessment uses, so that both modules call the same child 义务教育适龄.
   */
  async function ageRules(regionCode: string): Promise<AgeRules> {
    const [tekun, thresholds] = await Promise.all([
      settings.get<Partial<TekunAges>>('assistance.tekunAges', regionCode),
      settings.get<Partial<Thresholds>>('assessment.thresholds', regionCode),
    ]);
    const resolved = resolveThresholds(thresholds.value);
    const mergedAges = checkMergedAges(resolved, 'thresholds');
    const errors = [
      ...checkTekunAges(tekun.value),
      ...validateThresholds(thresholds.value, 'thresholds').map((e) => e.message),
      ...(mergedAges ? [mergedAges.message] : []),
    ];
    if (errors.length > 0) {
      throw new AppError('SETTING_INVALID', `区划的年龄配置有误，请县级重新设置：${errors.join('；')}`, { errors });
    }
    return ageRulesOf(tekun.value, resolved.compulsoryEducationAge);
  }

  return {
    async suggest(actor: Actor, householdId: string, opts: { weakMotivation?: boolean; stableWorkIncome?: boolean }) {
      requireAssistanceRead(actor);
      const household = await registryRepo.findHousehold(actor, householdId);
      if (!household) throw notFound('农户');
      if (household.monitoringStatus !== 'monitored') throw notMonitored();
      const [rows, measures, entries, ages] = await Promise.all([
        registryRepo.members(householdId),
        measuresRepo.byHousehold(householdId),
        catalogue.effective(household.regionCode),
        ageRules(household.regionCode),
      ]);
      const members = rows.map((m) => memberFacts(m, today()));
      const stableFromRegistry = hasStableWorkIncome(rows);
      const stableWorkIncome = opts.stableWorkIncome ?? stableFromRegistry;
      const riskTypes = riskTypesOf(household.riskTypes);
      const existing = measures.map((m) => ({
        subtype: m.subtype,
        status: m.status,
        answersRisks: riskTypesOf(m.answersRisks),
      }));
      const plan = suggestPlan(
        {
          riskTypes,
          category: household.category,
          members,
          stableWorkIncome,
          weakMotivation: opts.weakMotivation ?? false,
          backstop: household.backstop,
          existingMeasures: existing,
        },
        entries,
        ages,
      );
      await audit.append(actor, {
        action: AuditActions.assistancePlanSuggest,
        entity: 'household',
        entityId: householdId,
        householdId,
        regionCode: household.regionCode,
      });
      const labour = householdLabour(members);
      return {
        householdId,
        householdCode: household.code,
        category: household.category,
        riskTypes,
        facts: {
          labour,
          labourName: HOUSEHOLD_LABOUR_NAMES[labour],
          stableWorkIncome,
          stableWorkIncomeSource: opts.stableWorkIncome === undefined ? 'registry' : 'staff',
          weakMotivation: opts.weakMotivation ?? false,
          backstop: household.backstop,
        },
        unansweredRisks: riskGaps(riskTypes, existing),
        measures: plan.measures.map((m) => ({ ...m, content: enabledSubtype(entries, m.subtype)?.content ?? '' })),
        notes: plan.notes,
        gaps: plan.gaps,
        ...(plan.backstopProposal ? { backstopProposal: plan.backstopProposal } : {}),
      };
    },

    /**
     * Records one measure staff accepted, changed or added (SPEC §9), in the region's catalogue. Inside `outer` when
     * another module records it together with its own change (a project's benefit counted as a measure).
     * `from: 'project_benefit'` is that case: the county project officer, who holds no registry write, may count a
     * monitored beneficiary's job or benefit link as a measure of the two kinds a project gives (docs/decisions/0036).
     */
    async addMeasure(
      actor: Actor,
      householdId: string,
      input: NewMeasureInput,
      outer?: Transaction<DB>,
      from?: 'project_benefit',
    ) {
      if (from === 'project_benefit') {
        requirePermission(actor, 'projects.write');
        if (!PROJECT_BENEFIT_SUBTYPES.includes(input.subtype)) {
          throw new AppError('VALIDATION', '项目带农只能记为就地就近就业或联农带农利益联结措施', { field: 'subtype' });
        }
      } else {
        requireAssistanceWrite(actor);
      }
      const inTransaction = <T>(work: (trx: Transaction<DB>) => Promise<T>) =>
        outer ? work(outer) : db.transaction().execute(work);
      return inTransaction(async (trx) => {
        const household = await registryRepo.lockHousehold(actor, householdId, trx);
        if (!household) throw notFound('农户');
        if (household.monitoringStatus !== 'monitored') throw notMonitored();
        const entries = await catalogue.effective(household.regionCode, trx);
        const entry = enabledSubtype(entries, input.subtype);
        if (!entry) {
          throw new AppError('ASSISTANCE_SUBTYPE_UNKNOWN', `本地帮扶措施目录中没有启用的措施子类“${input.subtype}”`, {
            field: 'subtype',
          });
        }
        const riskTypes = riskTypesOf(household.riskTypes);
        const wrong = (input.answersRisks ?? []).filter((r) => !entry.answersRisks.includes(r));
        if (wrong.length > 0) {
          throw new AppError('VALIDATION', `「${entry.name}」不能应对所列风险：${wrong.join('、')}`, {
            field: 'answersRisks',
          });
        }
        const answersRisks = input.answersRisks ?? entry.answersRisks.filter((r) => riskTypes.includes(r));
        const content = input.content?.trim() || entry.content;
        const department = input.department ?? entry.department;
        const origin = !input.suggestionRule
          ? 'added'
          : content === entry.content && department === entry.department
            ? 'accepted'
            : 'changed';
        const status: MeasureStatus = 'planned';
        checkMeasure({
          department,
          content,
          startOn: input.startOn ?? null,
          plannedEndOn: input.plannedEndOn ?? null,
          status,
          result: null,
        });
        const row = {
          household_id: householdId,
          region_code: household.regionCode,
          type: entry.type,
          subtype: entry.code,
          name: entry.name,
          line_of_defence: entry.lineOfDefence,
          answers_risks: answersRisks,
          content,
          department,
          responsible_person: input.responsiblePerson ?? null,
          start_on: input.startOn ?? null,
          planned_end_on: input.plannedEndOn ?? null,
          amount: moneyText(input.amount) ?? null,
          fund_source: input.fundSource ?? null,
          status,
          result: null,
          finished_on: null,
          origin,
          suggestion_rule: input.suggestionRule ?? null,
          suggestion_reason: input.suggestionReason ?? null,
          created_by: actor.username,
          // The service's clock (AppContext.now), not the database's: coverage figures count measures by this time.
          created_at: now(),
        } as const;
        const id = await measuresRepo.insert(row, trx);
        await audit.append(
          actor,
          {
            action: AuditActions.measureCreate,
            entity: 'measure',
            entityId: id,
            householdId,
            regionCode: household.regionCode,
            after: row,
          },
          trx,
        );
        const saved = (await measuresRepo.byHousehold(householdId, trx)).find((m) => m.id === id);
        const warnings: string[] = [];
        if (answersRisks.length === 0 && entry.lineOfDefence !== 'spiritual') {
          warnings.push(`「${entry.name}」不针对本户登记的风险类型，请确认措施的针对性`);
        }
        return { ...presentMeasure(saved as NonNullable<typeof saved>), warnings };
      });
    },
  };
};

export type PlanService = ReturnType<typeof planService>;
