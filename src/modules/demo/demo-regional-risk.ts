import type { AppContext } from '../../app-context.ts';
import { chinaToday, shiftDate } from '../../domain/calendar/index.ts';
import type { Services } from '../../services.ts';
import { demoActor } from './demo-actor.ts';

/**
 * 区域性风险 of the demo county (SPEC §11; issue 13 point 8: the 区域性风险 page and the reports' regional table are
 * never empty on first start): a cold snap that cut a village's potato crop, and a drop in migrant work felt across
 * a township. Each is recorded as the county records one, so the exposed households get their clues through the
 * real path (found set-based, merged into open clues, audited).
 */
export async function loadDemoRegionalRisks(
  ctx: AppContext,
  services: Services,
  scope: { township: string; village: string },
) {
  const county = await demoActor(ctx.database.db, 'county');
  const today = chinaToday(ctx.now?.() ?? new Date());
  const frost = await services.regionalRisk.record(county, {
    regionCode: scope.village,
    eventType: 'natural_disaster',
    title: '持续低温冻害致马铃薯减产',
    description: '入冬前连续低温，村里马铃薯窖藏受冻、秋播地块出苗差，种植户预计减收三成以上。',
    product: '马铃薯',
    startedOn: shiftDate(today, -24),
    endedOn: shiftDate(today, -17),
    exposure: { businessIncome: true },
  });
  const work = await services.regionalRisk.record(county, {
    regionCode: scope.township,
    eventType: 'unemployment',
    title: '外出务工人员返乡增多',
    description: '东部沿海部分工厂减产，乡里外出务工人员提前返乡，务工收入减少。',
    startedOn: shiftDate(today, -45),
    exposure: { employment: ['outside'], monitoringStatus: ['none'], liftedOut: true },
  });
  return { frost: frost.householdsExposed, work: work.householdsExposed };
}
