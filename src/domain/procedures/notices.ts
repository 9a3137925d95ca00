import { chineseDate } from '../calendar/dates.ts';
import type { PublicityPeriod } from '../calendar/working-days.ts';
import { assertPublicSafe } from './notice-privacy.ts';
import { DEFAULT_NOTICE_WORDING, type NoticeWording, riskGrounds } from './notice-wording.ts';
import type { NotificationKind, ProcedureKind } from './types.ts';

/** 三类监测对象 labels (SPEC §5.1), by the codes the registry uses; any other string is printed as given. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden: '突发严重困难户',
};

const categoryLabel = (c: string | null | undefined) => (c ? (CATEGORY_LABELS[c] ?? c) : undefined);

/** One household of a notice: named fields only — never a note, an amount or a person's number. */
export interface NoticeHousehold {
  headName: string;
  persons: number;
  /** 'unstable' | 'marginal' | 'sudden'. */
  category?: string | null;
  /** Risk type codes (SPEC §5.2), printed in the region's official wording. */
  riskTypes: readonly string[];
}

export interface PublicityNoticeInfo {
  kind: ProcedureKind;
  county?: string;
  township: string;
  /** The village as a place (城中社区, 大井村). */
  village: string;
  households: NoticeHousehold[];
  period: Pick<PublicityPeriod, 'start' | 'end' | 'days' | 'unit'> & { estimated?: boolean };
  /** Where to object: at least one of these (会泽: 村民小组公开场所 and the 政府救助平台 online), and the hotline. */
  objection: { place?: string; phone?: string; online?: string; hotline?: string };
  /** The village committee that posts the notice (`villageCommittee`). */
  issuer: string;
  issuedOn: string;
  wording?: NoticeWording;
}

const contactsOf = (o: PublicityNoticeInfo['objection']) => [o.phone, o.hotline].filter((x): x is string => !!x);

/**
 * The publicity notice (公示) of a village round, ready to post (SPEC §8.1): every household of the round with its
 * head's name, size, category and grounds in official wording, the period, where to object and the hotline.
 * Passed through the privacy rule (notice-privacy.ts) before it is returned.
 */
export function publicityNotice(info: PublicityNoticeInfo): string {
  const wording = info.wording ?? DEFAULT_NOTICE_WORDING;
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
      const why = inclusion ? `纳入理由：${riskGrounds(h.riskTypes, wording)}` : `风险消除理由：${wording.elimination}`;
      return `${i + 1}. 户主：${h.headName}，家庭人口${h.persons}人${cat ? `，监测类别：${cat}` : ''}，${why}`;
    }),
    '',
    `公示期：${chineseDate(info.period.start)}至${chineseDate(info.period.end)}（${info.period.days}${unit}）。`,
    ...(info.period.estimated ? ['（本年度法定节假日安排尚未导入，公示截止日期按周末估算。）'] : []),
    '公示期间，任何单位和个人如有异议，可通过以下方式反映，我们将及时调查核实并反馈：',
    ...(info.objection.place ? [`现场反映：${info.objection.place}`] : []),
    ...(info.objection.phone ? [`电话：${info.objection.phone}`] : []),
    ...(info.objection.online ? [`网上反映：${info.objection.online}`] : []),
    ...(info.objection.hotline ? [`监督举报电话：${info.objection.hotline}`] : []),
    '',
    info.issuer,
    chineseDate(info.issuedOn),
  ];
  return assertPublicSafe(lines.join('\n'), contactsOf(info.objection));
}

export interface NotificationInfo {
  headName: string;
  /** Who sends the notice (`issuingBody`: 村民委员会, 乡镇人民政府, 县农业农村局 …). */
  issuer: string;
  date: string;
  /** The issuing body's phone or office for questions. */
  contact?: string;
  /** acceptance: when and how the household applied. */
  appliedOn?: string;
  channel?: string;
  /** identification: identified or not. */
  identified?: boolean;
  category?: string | null;
  riskTypes?: readonly string[];
  /**
   * Not identified: the steps that actually took place (their names as the template writes them), the body that
   * decided, and the decisive reason in plain words from a fixed list per rule (a letter to the household itself).
   */
  refusal?: { stepsDone: string[]; step: string; decidedBy: string; reason?: string };
  measures?: string[];
  responsiblePerson?: { name: string; phone?: string };
  wording?: NoticeWording;
}

const TITLES: Record<NotificationKind, string> = {
  acceptance: '防止返贫监测帮扶申请受理告知书',
  identification: '防止返贫监测对象认定情况告知书',
  exit: '防止返贫监测对象风险消除告知书',
};

/**
 * The three notifications (三告知, SPEC §8.1, 枣庄): 受理告知 when the application is accepted, 认定告知 when the
 * household is identified or not and why, 退出告知 when it exits monitoring. Built from named fields and passed
 * through the privacy rule: they are shown on the self-declaration status page.
 */
export function notificationText(kind: NotificationKind, info: NotificationInfo): string {
  const wording = info.wording ?? DEFAULT_NOTICE_WORDING;
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
      const r = info.refusal ?? { stepsDone: [], step: '审核', decidedBy: info.issuer };
      const steps = r.stepsDone.length ? `经${r.stepsDone.join('、')}，` : '';
      body.push(
        `${steps}${r.decidedBy}在“${r.step}”环节认定您家暂不符合防止返贫监测对象认定条件${r.reason ? `，原因：${r.reason}` : ''}。`,
        `如家庭情况发生变化，可随时重新申请；对认定结果有异议的，可向${info.issuer}反映。${contact}`,
      );
    } else {
      const cat = categoryLabel(info.category);
      body.push(
        `经入户调查、信息比对、民主评议、公示和逐级审核，您家已被认定为防止返贫监测对象${cat ? `（${cat}）` : ''}，风险类型：${riskGrounds(info.riskTypes ?? [], wording)}。`,
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
      `经入户评估、民主评议、公示和逐级审定，您家${wording.elimination}，自${chineseDate(info.date)}起标注为“风险消除”，不再按监测对象进行帮扶。`,
      `您家仍在日常监测排查范围内，今后如家庭生活出现困难，可随时申请，我们将按程序及时纳入监测帮扶。${contact}`,
    );
  }
  const text = [
    TITLES[kind],
    '',
    `${info.headName}（户主）：`,
    ...body.map((b) => `    ${b}`),
    '',
    info.issuer,
    chineseDate(info.date),
  ].join('\n');
  return assertPublicSafe(
    text,
    [info.contact, info.responsiblePerson?.phone].filter((x): x is string => !!x),
  );
}
