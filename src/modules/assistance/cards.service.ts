import { CATEGORY_NAMES, RISK_TYPE_NAMES } from '../../domain/assistance/household-facts.ts';
import { DEPARTMENT_NAMES } from '../../domain/assistance/measure-catalogue.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { requireAssistanceRead } from './assistance.policy.ts';
import type { CardsRepository } from './cards.repository.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { riskTypesOf } from './household-facts.ts';
import { presentMeasure } from './measure-input.ts';
import type { PublicityRepository } from './publicity.repository.ts';

interface Deps {
  cardsRepo: CardsRepository;
  publicityRepo: Pick<PublicityRepository, 'liveMeasures'>;
  catalogue: Pick<CatalogueService, 'effective'>;
  regionsRepo: Pick<RegionsRepository, 'findByCode' | 'path'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
}

/**
 * 明白卡 (SPEC §16): a one-page card for each monitored household — category, risks, measures, 帮扶责任人 and phone,
 * the policies its risks can use and the hotline — printed for one household or for a village in one batch. The
 * printing is audited like a read of the household files it shows.
 */
export const cardsService = (deps: Deps) => {
  const { cardsRepo, publicityRepo, catalogue, regionsRepo, settings, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function build(actor: Actor, rows: Awaited<ReturnType<CardsRepository['households']>>, regionCode: string) {
    const ids = rows.map((h) => h.id);
    const [members, measures, contact] = await Promise.all([
      cardsRepo.members(ids),
      publicityRepo.liveMeasures(ids),
      settings.get<{ hotline: string; title: string; policies: number }>('card.contact', regionCode),
    ]);
    // The card is one page: the region says how many policies it lists (card.contact).
    const limit = contact.value.policies;
    const catalogues = new Map<string, Awaited<ReturnType<CatalogueService['effective']>>>();
    const paths = new Map<string, string>();
    const cards = [];
    for (const h of rows) {
      if (!catalogues.has(h.regionCode)) catalogues.set(h.regionCode, await catalogue.effective(h.regionCode));
      if (!paths.has(h.regionCode)) {
        paths.set(h.regionCode, (await regionsRepo.path(h.regionCode)).map((r) => r.name).join(''));
      }
      const risks = riskTypesOf(h.riskTypes);
      const own = measures.filter((m) => m.householdId === h.id).map(presentMeasure);
      const taken = new Set(own.map((m) => m.subtype));
      // Each risk gets its turn, so a household with two risks sees policies for both within the card's limit.
      const open = (catalogues.get(h.regionCode) ?? []).filter((e) => e.enabled && !taken.has(e.code));
      const perRisk = risks.map((r) => open.filter((e) => e.answersRisks.includes(r)));
      const picked = new Map<string, (typeof open)[number]>();
      for (let i = 0; picked.size < limit && perRisk.some((l) => i < l.length); i++) {
        for (const list of perRisk) {
          const e = list[i];
          if (e && picked.size < limit) picked.set(e.code, e);
        }
      }
      const policies = [...picked.values()].map((e) => ({
        name: e.name,
        departmentName: DEPARTMENT_NAMES[e.department],
      }));
      cards.push({
        householdId: h.id,
        householdCode: h.code,
        regionPath: paths.get(h.regionCode) ?? '',
        address: h.address,
        headName: h.headName,
        members: members.filter((m) => m.householdId === h.id).map((m) => ({ name: m.name, relation: m.relation })),
        monitored: h.monitoringStatus === 'monitored',
        categoryName: h.category ? CATEGORY_NAMES[h.category] : null,
        riskNames: risks.map((r) => RISK_TYPE_NAMES[r]),
        includedOn: h.includedOn,
        responsible: h.responsiblePerson
          ? { name: h.responsiblePerson, unit: h.responsibleUnit, phone: h.responsiblePhone }
          : null,
        measures: own.map((m) => ({
          name: m.name,
          typeName: m.typeName,
          departmentName: m.departmentName,
          statusName: m.statusName,
        })),
        policies,
      });
    }
    await audit.append(actor, {
      action: AuditActions.cardPrint,
      entity: 'household',
      entityId: ids.length === 1 ? (ids[0] as string) : null,
      householdId: ids.length === 1 ? (ids[0] as string) : null,
      regionCode,
      after: { households: ids.length },
    });
    return {
      title: contact.value.title,
      hotline: contact.value.hotline,
      generatedOn: chinaToday(now()),
      cards,
    };
  }

  return {
    /** One household's card (monitored or not: a card of an eliminated household says so). */
    async household(actor: Actor, householdId: string) {
      requireAssistanceRead(actor);
      const rows = await cardsRepo.households(actor, { householdId });
      const h = rows[0];
      if (!h) throw notFound('农户');
      return build(actor, rows, h.regionCode);
    },

    /** Every monitored household of a village, for printing in one batch. */
    async village(actor: Actor, villageCode: string) {
      requireAssistanceRead(actor);
      const village = await regionsRepo.findByCode(villageCode);
      if (!village || !villageCode.startsWith(actor.regionCode)) throw notFound('村');
      if (village.level !== 5) throw new AppError('REGION_NOT_VILLAGE', '明白卡按村批量打印', { field: 'village' });
      return build(actor, await cardsRepo.households(actor, { villageCode }), villageCode);
    },
  };
};

export type CardsService = ReturnType<typeof cardsService>;
export type HouseholdCards = Awaited<ReturnType<CardsService['village']>>;
