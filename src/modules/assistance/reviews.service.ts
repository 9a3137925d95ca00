import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { reviewEffectiveness } from '../../domain/assistance/effectiveness-review.ts';
import { gateOnEliminationRules } from '../../domain/assistance/elimination-gate.ts';
import { RISK_TYPE_NAMES, type RiskType } from '../../domain/assistance/household-facts.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requireScope } from '../auth/actor.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';
import type { LinesService } from '../settings/lines.service.ts';
import { requireAssistanceRead, requireAssistanceWrite } from './assistance.policy.ts';
import type { EliminationCheck } from './elimination-check.ts';
import { memberFacts, riskTypesOf } from './household-facts.ts';
import type { MeasuresRepository } from './measures.repository.ts';
import type { ReviewsRepository } from './reviews.repository.ts';
import type { StartElimination } from './start-elimination.ts';

export interface ReviewRoundInput {
  villageCode: string;
  year: number;
  meeting: { date: string; attendees: string[]; minutes: string };
}

/** What the village meeting judged for one household (SPEC §9: targeted, effective, risk points, income stable). */
export interface HouseholdJudgement {
  measuresTargeted: boolean;
  /** null: too early to tell. */
  measuresEffective: boolean | null;
  /** Per measure, overriding the two judgements above. */
  measureJudgements?: { measureId: string; targeted?: boolean; effective?: boolean | null }[];
  riskPointsGone: RiskType[];
  riskPointEvidence?: Partial<Record<RiskType, string>>;
  incomeStable: boolean;
  rigidExpenditureControllable: boolean;
  basicNeedsSecured: boolean;
  weakMotivation?: boolean;
  /** Yuan; by default from the registry's income survey of the review year (SPEC §4.3). */
  perCapitaIncome?: number;
  previousPerCapitaIncome?: number | null;
  note?: string;
}

interface Deps {
  db: Kysely<DB>;
  reviewsRepo: ReviewsRepository;
  measuresRepo: Pick<MeasuresRepository, 'byHousehold'>;
  registryRepo: Pick<RegistryRepository, 'findHousehold' | 'lockHousehold' | 'members' | 'incomes'>;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  lines: Pick<LinesService, 'effective'>;
  audit: Pick<AuditRepository, 'append'>;
  startElimination: StartElimination;
  /** The elimination rules on the household picture (SPEC §7.4): same picture, year and line as elimination. */
  eliminationCheck: EliminationCheck;
  now?: () => Date;
}

/**
 * 帮扶成效评议 (SPEC §9; 会泽 §四(二)): a yearly village meeting reviews each monitored household; the outcome comes
 * from `reviewEffectiveness` and is recorded with the meeting. 'start_elimination' starts the elimination procedure
 * in the same transaction (SPEC §8.3); 'keep_monitoring' is a household without labour, tracked long-term.
 */
export const reviewsService = (deps: Deps) => {
  const { db, reviewsRepo, measuresRepo, registryRepo, regionsRepo, lines, audit, startElimination, eliminationCheck } =
    deps;
  const today = () => chinaToday((deps.now ?? (() => new Date()))());

  return {
    async createRound(actor: Actor, input: ReviewRoundInput) {
      requireAssistanceWrite(actor);
      const village = await regionsRepo.findByCode(input.villageCode);
      if (!village)
        throw new AppError('REGION_UNKNOWN', `区划代码不存在：${input.villageCode}`, { field: 'villageCode' });
      if (village.level !== 5)
        throw new AppError('REGION_NOT_VILLAGE', '成效评议以村为单位开展', { field: 'villageCode' });
      requireScope(actor, village.code);
      const { date, minutes } = input.meeting;
      const attendees = input.meeting.attendees.map((a) => a.trim()).filter(Boolean);
      if (date > today()) throw new AppError('VALIDATION', '评议会日期不能晚于今天', { field: 'meeting.date' });
      if (Number(date.slice(0, 4)) < input.year) {
        throw new AppError('VALIDATION', '评议会不能早于所评议的年度', { field: 'meeting.date' });
      }
      if (attendees.length === 0) throw new AppError('VALIDATION', '请填写参会人员', { field: 'meeting.attendees' });
      if (!minutes.trim()) throw new AppError('VALIDATION', '请填写会议记录', { field: 'meeting.minutes' });
      return db.transaction().execute(async (trx) => {
        const row = {
          villageCode: village.code,
          year: input.year,
          meetingDate: date,
          attendees,
          minutes,
          by: actor.username,
        };
        const id = await reviewsRepo.insertRound(row, trx);
        await audit.append(
          actor,
          {
            action: AuditActions.reviewCreate,
            entity: 'review',
            entityId: id,
            regionCode: village.code,
            after: row,
          },
          trx,
        );
        return {
          id,
          villageCode: village.code,
          villageName: village.name,
          year: input.year,
          meeting: { date, attendees, minutes },
        };
      });
    },

    async get(actor: Actor, id: string) {
      requireAssistanceRead(actor);
      const round = await reviewsRepo.findRound(actor, id);
      if (!round) throw notFound('成效评议');
      return { ...round, households: await reviewsRepo.results(id) };
    },

    async list(actor: Actor, filter: { village?: string; year?: number }) {
      requireAssistanceRead(actor);
      return { items: await reviewsRepo.listRounds(actor, filter) };
    },

    async reviewHousehold(actor: Actor, reviewId: string, householdId: string, j: HouseholdJudgement) {
      requireAssistanceWrite(actor);
      const round = await reviewsRepo.findRound(actor, reviewId);
      if (!round) throw notFound('成效评议');
      const household = await registryRepo.findHousehold(actor, householdId);
      if (!household) throw notFound('农户');
      if (household.regionCode !== round.villageCode) {
        throw new AppError('REVIEW_WRONG_VILLAGE', '该户不属于本次评议的村', { field: 'householdId' });
      }
      // Lines and incomes are read before the transaction: the lines service queries outside it (PGlite has one
      // connection; a query outside an open transaction would wait for it).
      // The household picture of the round's year (SPEC §7.4), read with the elimination rules before the
      // transaction: the lines service queries outside it (PGlite has one connection).
      const [line, verdict] = await Promise.all([
        lines.effective(household.regionCode, round.year),
        eliminationCheck(actor, householdId, round.year),
      ]);
      if (!line) {
        throw new AppError('LINE_NOT_SET', `未设定${round.year}年监测线，无法评议收入`, { year: round.year });
      }
      const perCapita = j.perCapitaIncome ?? verdict?.perCapita ?? null;
      if (perCapita === null) {
        throw new AppError(
          'REVIEW_INCOME_MISSING',
          `该户没有${round.year}年收入数据：请先录入收入或在评议中填写人均纯收入`,
          {
            field: 'perCapitaIncome',
          },
        );
      }
      const previousPerCapita =
        j.previousPerCapitaIncome !== undefined ? j.previousPerCapitaIncome : (verdict?.previousPerCapita ?? null);

      return db.transaction().execute(async (trx) => {
        const locked = await registryRepo.lockHousehold(actor, householdId, trx);
        if (!locked) throw notFound('农户');
        if (locked.monitoringStatus !== 'monitored') {
          throw new AppError('ASSISTANCE_NOT_MONITORED', '只评议监测对象', {});
        }
        if (await reviewsRepo.findResult(reviewId, householdId, trx)) {
          throw new AppError('REVIEW_DUPLICATE', '该户已在本次评议中评议过', {});
        }
        const [rows, measures] = await Promise.all([
          registryRepo.members(householdId, trx),
          measuresRepo.byHousehold(householdId, trx),
        ]);
        const riskTypes = riskTypesOf(locked.riskTypes);
        const judged = new Map((j.measureJudgements ?? []).map((m) => [m.measureId, m]));
        const unknown = [...judged.keys()].filter((id) => !measures.some((m) => m.id === id));
        if (unknown.length > 0) {
          throw new AppError('VALIDATION', '评议的措施不属于该户', { field: 'measureJudgements', measureIds: unknown });
        }
        const evidence = j.riskPointEvidence ?? {};
        const reviewed = reviewEffectiveness({
          riskTypes,
          members: rows.map((m) => memberFacts(m, today())),
          measures: measures.map((m) => ({
            subtype: m.subtype,
            name: m.name,
            status: m.status,
            answersRisks: riskTypesOf(m.answersRisks),
            targeted: judged.get(m.id)?.targeted ?? j.measuresTargeted,
            effective:
              judged.get(m.id)?.effective !== undefined ? (judged.get(m.id)?.effective ?? null) : j.measuresEffective,
          })),
          riskPoints: riskTypes.map((r) => ({
            risk: r,
            gone: j.riskPointsGone.includes(r),
            ...(evidence[r] ? { evidence: evidence[r] } : {}),
          })),
          income: {
            perCapita,
            line: line.amount,
            previousPerCapita,
            // The elimination rules compare both years with the assessed year's line (SPEC §7.3); so does the review.
            previousLine: line.amount,
          },
          incomeStable: j.incomeStable,
          rigidExpenditureControllable: j.rigidExpenditureControllable,
          basicNeedsSecured: j.basicNeedsSecured,
          weakMotivation: j.weakMotivation ?? false,
          backstopInPlace:
            locked.backstop !== null ||
            measures.some((m) => (m.subtype === 'dibao' || m.subtype === 'tekun') && m.status !== 'cancelled'),
        });
        const review = gateOnEliminationRules(reviewed, verdict, round.year);
        const judgement = {
          ...j,
          perCapitaIncome: perCapita,
          previousPerCapitaIncome: previousPerCapita,
          line: line.amount,
        };
        const resultId = await reviewsRepo.insertResult(
          {
            review_id: reviewId,
            household_id: householdId,
            region_code: locked.regionCode,
            judgement: JSON.stringify(judgement),
            outcome: review.outcome,
            reasons: JSON.stringify(review.reasons),
            follow_ups: JSON.stringify(review.followUps),
            findings: JSON.stringify(review.findings),
            reviewed_by: actor.username,
          },
          trx,
        );
        let link: { caseId: string | null; clueId: string | null } = { caseId: null, clueId: null };
        if (review.outcome === 'start_elimination') {
          const reason =
            `${round.year}年度帮扶成效评议（${round.meetingDate}村级评议会）：` +
            `${review.reasons.map((r) => r.text).join('；')}，启动风险消除程序`;
          const started = await startElimination(actor, householdId, reason, trx, round.year);
          link = { caseId: started.caseId, clueId: started.clueId ?? null };
          await reviewsRepo.linkProcedure(resultId, link, trx);
        }
        await audit.append(
          actor,
          {
            action: AuditActions.reviewHousehold,
            entity: 'review',
            entityId: reviewId,
            householdId,
            regionCode: locked.regionCode,
            after: { judgement, outcome: review.outcome, reasons: review.reasons, ...link },
          },
          trx,
        );
        return {
          id: resultId,
          reviewId,
          householdId,
          outcome: review.outcome,
          reasons: review.reasons,
          followUps: review.followUps,
          findings: review.findings,
          risksRemainingNames: review.findings.risksRemaining.map((r) => RISK_TYPE_NAMES[r]),
          ...link,
        };
      });
    },
  };
};

export type ReviewsService = ReturnType<typeof reviewsService>;
