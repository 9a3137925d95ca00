import { chineseDate } from '../calendar/dates.ts';
import type { PublicityPeriod } from '../calendar/working-days.ts';
import type { NotificationKind, ProcedureKind } from './types.ts';

/** 三类监测对象 labels (SPEC §5.1), by the codes the registry uses; any other string is printed as given. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden: '突发严重困难户',
};

const categoryLabel = (c: string | undefined) => (c ? (CATEGORY_LABELS[c] ?? c) : undefined);

export interface NoticeHousehold {
  headName: string;
  persons: number;
  /** 'unstable' | 'marginal' | 'sudden' or a label. */
  category?: string;
  reason: string;
}

export interface PublicityNoticeInfo {
  kind: ProcedureKind;
  county?: string;
  township: string;
  village: string;
  households: NoticeHousehold[];
  period: Pick<PublicityPeriod, 'start' | 'end' | 'days' | 'unit'>;
  /** Where to object: at least one of these (会泽: 村民小组公开场所 and the 政府救助平台 online). */
  objection: { place?: string; phone?: string; online?: string };
  /** Who posts the notice; default `${village}村民委员会`. */
  issuer?: string;
  issuedOn: string;
}

/**
 * The publicity notice (公示) generated from the case, ready to post (SPEC §8.1): names, village, category, reason,
 * period and where to object. Only what is passed in is printed — never an ID number.
 */
export function publicityNotice(info: PublicityNoticeInfo): string {
  const inclusion = info.kind === 'inclusion';
  const place = `${info.county ?? ''}${info.township}${info.village}`;
  const persons = info.households.reduce((n, h) => n + h.persons, 0);
  const unit = info.period.unit === 'working' ? '个工作日' : '天';
  const lines = [
    inclusion ? '关于拟纳入防止返贫监测对象的公示' : '关于拟标注风险消除监测对象的公示',
    '',
    inclusion
      ? `根据防止返贫动态监测和帮扶工作要求，经农户申请、入户调查、信息比对和民主评议，${place}拟纳入防止返贫监测对象${info.households.length}户${persons}人，现予以公示：`
      : `根据防止返贫动态监测和帮扶工作要求，经入户调查评估、征求农户意见和民主评议，${place}拟标注风险消除的监测对象${info.households.length}户${persons}人，现予以公示：`,
    '',
    ...info.households.map((h, i) => {
      const cat = categoryLabel(h.category);
      return `${i + 1}. 户主：${h.headName}，家庭人口${h.persons}人${cat ? `，监测类别：${cat}` : ''}，${inclusion ? '纳入理由' : '风险消除理由'}：${h.reason}`;
    }),
    '',
    `公示期：${chineseDate(info.period.start)}至${chineseDate(info.period.end)}（${info.period.days}${unit}）。`,
    '公示期间，任何单位和个人如有异议，可通过以下方式反映，我们将及时调查核实并反馈：',
    ...(info.objection.place ? [`现场反映：${info.objection.place}`] : []),
    ...(info.objection.phone ? [`电话：${info.objection.phone}`] : []),
    ...(info.objection.online ? [`网上反映：${info.objection.online}`] : []),
    '',
    info.issuer ?? `${info.village}村民委员会`,
    chineseDate(info.issuedOn),
  ];
  return lines.join('\n');
}

export interface NotificationInfo {
  headName: string;
  village: string;
  township?: string;
  county?: string;
  /** Who sends the notice (村委会, 乡镇人民政府 …). */
  issuer: string;
  date: string;
  /** Phone or office for questions. */
  contact?: string;
  /** acceptance: when and how the household applied. */
  appliedOn?: string;
  channel?: string;
  /** identification: identified or not, with category, reason, measures and responsible person. */
  identified?: boolean;
  category?: string;
  reason?: string;
  measures?: string[];
  responsiblePerson?: { name: string; phone?: string };
}

const TITLES: Record<NotificationKind, string> = {
  acceptance: '防止返贫监测帮扶申请受理告知书',
  identification: '防止返贫监测对象认定情况告知书',
  exit: '防止返贫监测对象风险消除告知书',
};

/**
 * The three notifications (三告知, SPEC §8.1, 枣庄): 受理告知 when the application is accepted, 认定告知 when the
 * household is identified or not and why, 退出告知 when it exits monitoring. Chinese text, ready to print or to show
 * on the self-declaration status page.
 */
export function notificationText(kind: NotificationKind, info: NotificationInfo): string {
  const body: string[] = [];
  const contact = info.contact ? `如有疑问，请联系：${info.contact}。` : '';
  if (kind === 'acceptance') {
    const applied = info.appliedOn
      ? `您于${chineseDate(info.appliedOn)}${info.channel ? `通过${info.channel}` : ''}提出的`
      : '您提出的';
    body.push(
      `${applied}防止返贫监测帮扶申请已于${chineseDate(info.date)}受理。我们将按程序开展入户调查、信息比对、民主评议和公示，认定结果将另行告知。${contact}`,
    );
  } else if (kind === 'identification') {
    if (info.identified === false) {
      body.push(
        `经入户调查、信息比对和审核，您家暂不符合防止返贫监测对象认定条件，原因：${info.reason ?? '（未填写）'}。`,
        `如家庭情况发生变化，可随时重新申请；对认定结果有异议的，可向${info.issuer}反映。${contact}`,
      );
    } else {
      const cat = categoryLabel(info.category);
      body.push(
        `经入户调查、信息比对、民主评议、公示和逐级审核，您家已被认定为防止返贫监测对象${cat ? `（${cat}）` : ''}${info.reason ? `，认定理由：${info.reason}` : ''}。`,
        `我们将按照“缺什么补什么”的原则落实针对性帮扶措施${info.measures?.length ? `：${info.measures.join('；')}` : ''}。`,
      );
      if (info.responsiblePerson) {
        const phone = info.responsiblePerson.phone ? `（联系电话：${info.responsiblePerson.phone}）` : '';
        body.push(`您家的帮扶责任人为${info.responsiblePerson.name}${phone}。`);
      }
      if (contact) body.push(contact);
    }
  } else {
    body.push(
      `经入户评估、民主评议、公示和逐级审定，您家返贫致贫风险已稳定消除${info.reason ? `（${info.reason}）` : ''}，自${chineseDate(info.date)}起标注为“风险消除”，不再按监测对象进行帮扶。`,
      `您家仍在日常监测排查范围内，今后如家庭生活出现困难，可随时申请，我们将按程序及时纳入监测帮扶。${contact}`,
    );
  }
  return [
    TITLES[kind],
    '',
    `${info.headName}（户主）：`,
    ...body.map((b) => `    ${b}`),
    '',
    info.issuer,
    chineseDate(info.date),
  ].join('\n');
}
