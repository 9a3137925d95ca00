/**
 * The privacy rule for public notices (SPEC §8.1; the counties' practice since 2024): a notice that is posted,
 * shown on the declarant's status page or printed for the household never carries an income or other amount,
 * an illness or disability detail, an ID number (full or masked), a phone number other than the issuing body's
 * contact, a bank account, or the rule engine's internal wording. Notices are built from named fields only
 * (notices.ts); this check is the second net, applied to every notice text before it is stored or shown.
 * Official risk-type wording (因病、因残) is allowed; the detail behind it is not.
 */
export type NoticePrivacyKind = 'amount' | 'health' | 'id_number' | 'phone' | 'bank' | 'internal';

export interface NoticePrivacyViolation {
  kind: NoticePrivacyKind;
  match: string;
}

const PATTERNS: readonly (readonly [NoticePrivacyKind, RegExp])[] = [
  ['id_number', /\d{6}(?:19|20)\d{2}[01]\d[0-3]\d\d{3}[\dXx]|\d{3,6}\*{3,}\d{0,4}[\dXx]?/g],
  ['bank', /银行卡|银行账|账号|卡号|开户行|\d{16,19}/g],
  ['phone', /(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)1\d{2}\*{4}\d{4}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g],
  ['amount', /\d[\d,，.]*\s*(?:万元|元|块钱)|收入\s*\d|监测线\s*\d/g],
  [
    'health',
    /患有?|疾病|癌|肿瘤|住院|治疗|手术|透析|瘫痪|慢性|重病|大病|(?<!因)病|(?<!因)残|精神|智力|失能|半失能|级残/g,
  ],
  ['internal', /建议纳入|逐户分析|综合研判风险|研判结果|不低于|规则|reasonText/g],
];

/** Every place where `text` breaks the rule; `allowedContacts` are the issuing body's own numbers (12317, 村委会). */
export function noticePrivacyViolations(
  text: string,
  allowedContacts: readonly string[] = [],
): NoticePrivacyViolation[] {
  let t = text;
  for (const c of allowedContacts) if (c.trim()) t = t.split(c.trim()).join('〔联系方式〕');
  const out: NoticePrivacyViolation[] = [];
  for (const [kind, re] of PATTERNS) {
    for (const m of t.matchAll(re)) out.push({ kind, match: m[0] });
  }
  return out;
}

export class NoticePrivacyError extends Error {
  constructor(readonly violations: NoticePrivacyViolation[]) {
    super(`公开告知内容不得包含个人隐私或内部研判信息：${violations.map((v) => v.match).join('、')}`);
  }
}

/** Returns `text` when it is fit to publish, else throws: a notice that breaks the rule is never issued. */
export function assertPublicSafe(text: string, allowedContacts: readonly string[] = []): string {
  const v = noticePrivacyViolations(text, allowedContacts);
  if (v.length) throw new NoticePrivacyError(v);
  return text;
}
