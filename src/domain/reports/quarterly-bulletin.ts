import { byCategoryText, eliminationText, hp } from './figure-text.ts';
import { CHANNEL_NAMES, CHANNELS, percent, type RegionFigures, RISK_TYPE_NAMES, RISK_TYPES } from './figures.ts';

export interface BulletinInput {
  regionName: string;
  /** 2026年第一季度. */
  periodLabel: string;
  /** 2026年3月31日: the day the stock figures are taken. */
  asOfText: string;
  figures: RegionFigures;
  /** Subordinate regions with their figures, for the ranking paragraph. */
  children: { name: string; figures: RegionFigures }[];
  /** Regional risk events of the quarter (titles) and regions whose rates rose abnormally. */
  riskEvents: { title: string; regionName: string | null; exposed: number }[];
  anomalies: { regionName: string; month: string; kind: 'clue' | 'inclusion' }[];
  /** The month of the quarter with the concentrated screening (SPEC §6 ch. 2), if configured. */
  issuer: string;
  date: string;
}

/**
 * A draft of the 季通报 (quarterly bulletin, 枣庄 "月调度、季通报", SPEC §12) with every number filled in from the
 * figures: the work done, inclusions and eliminations by category and risk type, clues by channel, assistance
 * coverage, regional risks, and the regions with the most overdue items. Staff edit it before it is issued.
 */
export function quarterlyBulletin(b: BulletinInput): string {
  const f = b.figures;
  const topRisks = RISK_TYPES.map((t) => ({ t, v: f.includedRiskTypes[t] }))
    .filter((x) => x.v.households > 0)
    .sort((x, y) => y.v.households - x.v.households)
    .slice(0, 3)
    .map((x) => `${RISK_TYPE_NAMES[x.t]}${hp(x.v)}`);
  const channels = CHANNELS.filter((ch) => f.clues.received[ch].count > 0).map(
    (ch) => `${CHANNEL_NAMES[ch]}${f.clues.received[ch].count}条`,
  );
  const overdueRanking = b.children
    .map((c) => ({ name: c.name, n: c.figures.clues.overdue.total.count + (c.figures.cases.overdue ?? 0) }))
    .filter((c) => c.n > 0)
    .sort((x, y) => y.n - x.n)
    .slice(0, 5);
  const lowCoverage = b.children
    .filter((c) => c.figures.monitored.total.households > 0 && (c.figures.measuresCoverage.share ?? 1) < 1)
    .map((c) => `${c.name}（${percent(c.figures.measuresCoverage.share)}）`);

  const paragraphs = [
    `${b.regionName}防止返贫动态监测和帮扶工作${b.periodLabel}通报（征求意见稿）`,
    `一、总体情况。${b.periodLabel}，全${levelWord(b.regionName)}${byCategoryText('新纳入监测对象', f.included)}；` +
      `${byCategoryText('标注风险消除', f.eliminated)}` +
      (f.returned.total.households > 0 ? `；返贫（再次纳入）${hp(f.returned.total)}` : '') +
      `。截至${b.asOfText}，${byCategoryText('现有监测对象', f.monitored)}；` +
      `累计纳入${hp(f.everIncluded.total)}，${eliminationText(f.eliminatedStock.total, f.eliminationShare)}。`,
    `二、风险类型分析。本季度新纳入监测对象` +
      (topRisks.length ? `主要风险类型为：${topRisks.join('、')}。` : '无新纳入。') +
      `期末监测对象中，${
        RISK_TYPES.filter((t) => f.riskTypes[t].households > 0)
          .map((t) => `${RISK_TYPE_NAMES[t]}${hp(f.riskTypes[t])}`)
          .join('、') || '无分类风险'
      }。`,
    `三、监测预警。本季度共收到监测预警线索${f.clues.received.total.count}条` +
      (channels.length ? `（${channels.join('、')}）` : '') +
      `，办结${f.clues.closed.total.count}条；截至${b.asOfText}，在办${f.clues.open.total.count}条，` +
      `其中逾期未办结${f.clues.overdue.total.count}条，涉及${f.clues.overdue.total.households}户。`,
    `四、帮扶落实。监测对象已落实帮扶措施${hp(f.measuresCoverage)}，覆盖率${percent(f.measuresCoverage.share)}；` +
      `已明确帮扶责任人${hp(f.responsibleCoverage)}，覆盖率${percent(f.responsibleCoverage.share)}；` +
      `纳入兜底保障${hp(f.backstop.total)}（低保${hp(f.backstop.dibao)}、特困供养${hp(f.backstop.tekun)}）。` +
      (lowCoverage.length ? `帮扶措施尚未全覆盖的：${lowCoverage.join('、')}。` : ''),
    `五、区域性风险。` +
      (b.riskEvents.length
        ? `本季度登记区域性风险事件${b.riskEvents.length}起（${b.riskEvents
            .map((e) => `${e.regionName ?? ''}${e.title}，涉及${e.exposed}户`)
            .join('；')}），受影响${hp(f.regionalRisks.exposed)}。`
        : '本季度未登记区域性风险事件。') +
      (b.anomalies.length
        ? `线索或纳入数异常升高的：${b.anomalies
            .map((a) => `${a.regionName}（${Number(a.month.slice(5))}月${a.kind === 'clue' ? '线索' : '纳入'}）`)
            .join('、')}，请相关乡镇研判是否存在规模性返贫风险。`
        : '未发现线索或纳入数异常升高的区域。'),
    `六、存在问题。` +
      (overdueRanking.length
        ? `逾期事项较多的：${overdueRanking.map((c) => `${c.name}${c.n}项`).join('、')}，请于下月调度前办结销号。`
        : '本季度无逾期事项。'),
    `${b.issuer}\n${b.date}`,
  ];
  return paragraphs.join('\n\n');
}

function levelWord(name: string): string {
  if (name.endsWith('省') || name.endsWith('自治区')) return '省';
  if (name.endsWith('市') || name.endsWith('州') || name.endsWith('盟')) return '市';
  if (name.endsWith('县') || name.endsWith('区') || name.endsWith('旗')) return '县';
  if (name.endsWith('镇')) return '镇';
  if (name.endsWith('乡')) return '乡';
  return '村';
}
