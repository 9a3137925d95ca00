import { CATEGORY_NAMES, RISK_TYPE_NAMES } from '../../domain/assistance/household-facts.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { Actor } from '../auth/actor.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import { requireAssistanceRead } from './assistance.policy.ts';
import { riskTypesOf } from './household-facts.ts';
import { presentMeasure } from './measure-input.ts';
import type { PublicityRepository } from './publicity.repository.ts';

interface Deps {
  publicityRepo: PublicityRepository;
  regionsRepo: Pick<RegionsRepository, 'findByCode' | 'path'>;
  now?: () => Date;
}

/**
 * 帮扶措施村内公开 (SPEC §9 "measures are publicised in the village"): per village, each monitored household's head,
 * category, risks, 帮扶责任人 and measures. Names are public in the village; ID numbers never appear (SPEC §17) —
 * the repository does not select them.
 */
export const publicityService = ({ publicityRepo, regionsRepo, now = () => new Date() }: Deps) => ({
  async village(actor: Actor, villageCode: string) {
    requireAssistanceRead(actor);
    const village = await regionsRepo.findByCode(villageCode);
    if (!village || !villageCode.startsWith(actor.regionCode)) throw notFound('村');
    if (village.level !== 5) throw new AppError('REGION_NOT_VILLAGE', '公示清单按村生成', { field: 'village' });
    const path = await regionsRepo.path(village.code);
    const households = await publicityRepo.monitoredHouseholds(actor, village.code);
    const measures = await publicityRepo.liveMeasures(households.map((h) => h.id));
    const items = households.map((h) => {
      const risks = riskTypesOf(h.riskTypes);
      return {
        householdCode: h.code,
        headName: h.headName,
        memberCount: Number(h.memberCount),
        category: h.category,
        categoryName: h.category ? CATEGORY_NAMES[h.category] : null,
        riskNames: risks.map((r) => RISK_TYPE_NAMES[r]),
        responsible: h.responsiblePerson
          ? { name: h.responsiblePerson, unit: h.responsibleUnit, phone: h.responsiblePhone }
          : null,
        measures: measures
          .filter((m) => m.householdId === h.id)
          .map((m) => {
            const p = presentMeasure(m);
            return {
              typeName: p.typeName,
              name: p.name,
              content: p.content,
              departmentName: p.departmentName,
              responsiblePerson: p.responsiblePerson,
              startOn: p.startOn,
              plannedEndOn: p.plannedEndOn,
              amount: p.amount,
              fundSource: p.fundSource,
              statusName: p.statusName,
            };
          }),
      };
    });
    return {
      village: { code: village.code, name: village.name },
      regionPath: path.map((r) => r.name).join(''),
      generatedOn: chinaToday(now()),
      households: items,
      totals: { households: items.length, persons: items.reduce((a, h) => a + h.memberCount, 0) },
    };
  },
});

export type PublicityService = ReturnType<typeof publicityService>;
export type VillagePublicity = Awaited<ReturnType<PublicityService['village']>>;
