import { type Static, Type } from 'typebox';
import { RISK_TYPE_NAMES } from '../../../domain/assistance/household-facts.ts';
import { riskGaps } from '../../../domain/assistance/risk-colour.ts';
import { chinaToday } from '../../../domain/calendar/index.ts';
import { requireAssistanceRead } from '../../assistance/assistance.policy.ts';
import { gapsRepository } from '../../assistance/gaps.repository.ts';
import { riskTypesOf } from '../../assistance/household-facts.ts';
import { AuditActions } from '../../audit/audit-actions.ts';
import type { Actor } from '../../auth/actor.ts';
import { defineLedger, defineSheet, keysetPages, type LedgerDeps } from '../ledger.ts';
import { REGION, riskNames } from './names.ts';

const filters = Type.Object({ region: REGION }, { additionalProperties: false });
type Filters = Static<typeof filters>;

const regionOf = (actor: Actor, f: Filters) => f.region ?? actor.regionCode;

const responsibleDays = async (deps: LedgerDeps) =>
  (await deps.settings.get<{ days: number }>('assistance.responsibleDays', '')).value.days;

/**
 * 帮扶缺口 (SPEC §9, §16 red): the two lists of the gaps page in full — households without a 帮扶责任人 past their
 * deadline, and monitored households with a risk no measure answers — with the same SQL as the page, paged by code.
 */
export const gapsLedger = defineLedger<Filters>({
  name: 'gaps',
  title: '帮扶缺口清单',
  filters,
  revealable: false,
  audit: AuditActions.ledgerExport,
  entity: 'household',
  authorize: (actor) => requireAssistanceRead(actor),
  describe: (f) => (f.region ? [`区划 ${f.region}`] : []),
  async estimate(deps, actor, f) {
    const repo = gapsRepository(deps.db);
    const region = regionOf(actor, f);
    const days = await responsibleDays(deps);
    const today = chinaToday(deps.now());
    // The lists are short next to the registry; counting them is reading them once without their columns.
    let n = 0;
    for (let after = ''; ; ) {
      const rows = await repo.withoutResponsible(actor, region, today, days, { afterCode: after, limit: 10000 });
      n += rows.length;
      if (rows.length < 10000) break;
      after = rows[rows.length - 1]?.householdCode ?? after;
    }
    for (let after = ''; ; ) {
      const rows = await repo.unansweredRisks(actor, region, { afterCode: after, limit: 10000 });
      n += rows.length;
      if (rows.length < 10000) break;
      after = rows[rows.length - 1]?.householdCode ?? after;
    }
    return n;
  },
  sheets(deps, actor, f) {
    const repo = gapsRepository(deps.db);
    const region = regionOf(actor, f);
    const today = chinaToday(deps.now());
    return [
      defineSheet({
        name: '未落实帮扶责任人',
        title: '逾期未明确帮扶责任人的监测户',
        pages: keysetPages(async (after: { householdCode: string } | undefined, size) =>
          repo.withoutResponsible(actor, region, today, await responsibleDays(deps), {
            afterCode: after?.householdCode ?? '',
            limit: size,
          }),
        ),
        columns: [
          { header: '户编号', width: 20, value: (r) => r.householdCode },
          { header: '户主', width: 10, value: (r) => r.headName },
          { header: '纳入日期', width: 12, value: (r) => r.includedOn },
          { header: '应明确日期', width: 12, value: (r) => r.dueOn },
          { header: '逾期天数', width: 10, value: (r) => r.daysOverdue },
        ],
      }),
      defineSheet({
        name: '风险未落实措施',
        title: '风险未落实帮扶措施的监测户',
        pages: keysetPages(async (after: { householdCode: string } | undefined, size) => {
          const rows = await repo.unansweredRisks(actor, region, {
            afterCode: after?.householdCode ?? '',
            limit: size,
          });
          return rows.map(({ answered, riskTypes, ...h }) => ({
            ...h,
            riskTypes,
            gaps: riskGaps(riskTypesOf(riskTypes), [
              { subtype: '', status: 'planned', answersRisks: riskTypesOf(answered) },
            ]).map((g) => RISK_TYPE_NAMES[g]),
          }));
        }),
        columns: [
          { header: '户编号', width: 20, value: (r) => r.householdCode },
          { header: '户主', width: 10, value: (r) => r.headName },
          { header: '风险类型', width: 18, value: (r) => riskNames(r.riskTypes) },
          { header: '未落实措施的风险', width: 20, value: (r) => r.gaps.join('、') },
        ],
      }),
    ];
  },
});
