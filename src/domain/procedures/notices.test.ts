import { describe, expect, it } from 'vitest';
import { noticePrivacyViolations } from './notice-privacy.ts';
import { notificationText, publicityNotice } from './notices.ts';

describe('publicity notice (SPEC §8.1)', () => {
  const notice = publicityNotice({
    kind: 'inclusion',
    county: '会泽县',
    township: '大井镇',
    village: '大井村',
    households: [
      { headName: '张三', persons: 4, category: 'sudden', riskTypes: ['medical', 'other'] },
      { headName: '李四', persons: 2, category: 'marginal', riskTypes: ['income'] },
    ],
    period: { start: '2026-09-28', end: '2026-10-09', days: 5, unit: 'working' },
    objection: { place: '村委会办公室', phone: '0874-0000000', online: '云南省“政府救助平台”', hotline: '12317' },
    issuer: '大井村村民委员会',
    issuedOn: '2026-09-28',
  });

  it('lists every household of the round with category and official risk wording (SPEC §8.1)', () => {
    expect(notice).toContain('关于拟纳入防止返贫监测对象的公示');
    expect(notice).toContain('会泽县大井镇大井村拟纳入防止返贫监测对象2户6人');
    expect(notice).toContain('1. 户主：张三，家庭人口4人，监测类别：突发严重困难户，纳入理由：因病、因灾或因意外事故');
    expect(notice).toContain('2. 户主：李四，家庭人口2人，监测类别：边缘易致贫户，纳入理由：因收入大幅缩减');
    expect(notice).toContain('公示期：2026年9月28日至2026年10月9日（5个工作日）');
    expect(notice).toContain('电话：0874-0000000');
    expect(notice).toContain('监督举报电话：12317');
    expect(notice).toContain('网上反映：云南省“政府救助平台”');
    expect(notice.trim().split('\n').slice(-2)).toEqual(['大井村村民委员会', '2026年9月28日']);
    expect(noticePrivacyViolations(notice, ['0874-0000000', '12317'])).toEqual([]);
  });

  it('says when the end date is only estimated because the holiday calendar is missing (issue 10)', () => {
    const t = publicityNotice({
      kind: 'inclusion',
      township: '乡',
      village: '甲村',
      households: [{ headName: '王五', persons: 3, riskTypes: [] }],
      period: { start: '2027-03-01', end: '2027-03-05', days: 5, unit: 'working', estimated: true },
      objection: {},
      issuer: '甲村村民委员会',
      issuedOn: '2027-03-01',
    });
    expect(t).toContain('按周末估算');
    expect(t).toContain('纳入理由：存在返贫致贫风险');
  });

  it('the elimination notice speaks of 风险消除 and calendar days (SPEC §8.3)', () => {
    const t = publicityNotice({
      kind: 'elimination',
      township: '乡',
      village: '甲村',
      households: [{ headName: '王五', persons: 3, riskTypes: ['medical'] }],
      period: { start: '2026-11-02', end: '2026-11-06', days: 5, unit: 'calendar' },
      objection: { place: '村委会' },
      issuer: '甲村村民委员会',
      issuedOn: '2026-11-02',
    });
    expect(t).toContain('拟标注风险消除的监测对象1户3人');
    expect(t).toContain('（5天）');
    expect(t).toContain('风险消除理由：收入持续稳定');
  });

  it('refuses to print wording that carries an amount or an illness (privacy rule)', () => {
    expect(() =>
      publicityNotice({
        kind: 'inclusion',
        township: '乡',
        village: '甲村',
        households: [{ headName: '王五', persons: 3, riskTypes: ['medical'] }],
        period: { start: '2026-11-02', end: '2026-11-06', days: 5, unit: 'calendar' },
        objection: {},
        issuer: '甲村村民委员会',
        issuedOn: '2026-11-02',
        wording: {
          income: '收入低',
          education: '因学',
          medical: '患尿毒症每年透析花费3万元',
          housing: '',
          water: '',
          industry_employment: '',
          other: '',
          fallback: '',
          elimination: '',
        },
      }),
    ).toThrow(/透析/);
  });
});

describe('three notifications 三告知 (SPEC §8.1)', () => {
  const base = { headName: '张三', issuer: '大井镇人民政府', date: '2026-09-07', contact: '0874-0000000' };

  it('受理告知 says when the application was received and accepted (SPEC §8.1)', () => {
    const t = notificationText('acceptance', { ...base, appliedOn: '2026-09-01', channel: '政府救助平台' });
    expect(t.split('\n')[0]).toBe('防止返贫监测帮扶申请受理告知书');
    expect(t).toContain('您于2026年9月1日通过政府救助平台提出的防止返贫监测帮扶申请已于2026年9月7日受理');
  });

  it('认定告知 names the category and risk types in official wording, never the figures (SPEC §8.1)', () => {
    const yes = notificationText('identification', {
      ...base,
      identified: true,
      category: 'sudden',
      riskTypes: ['medical'],
      measures: ['医疗救助', '临时救助'],
      responsiblePerson: { name: '李干部', phone: '13800000000' },
    });
    expect(yes).toContain('已被认定为防止返贫监测对象（突发严重困难户），风险类型：因病');
    expect(yes).toContain('医疗救助；临时救助');
    expect(yes).toContain('帮扶责任人为李干部（联系电话：13800000000）');
  });

  it('a refusal says truthfully at which step and by whom, with a reason from the fixed list (issue 10)', () => {
    const atVillage = notificationText('identification', {
      ...base,
      issuer: '城中社区居民委员会',
      identified: false,
      refusal: { stepsDone: [], step: '风险信息收集', decidedBy: '城中社区居民委员会' },
    });
    expect(atVillage).toContain('城中社区居民委员会在“风险信息收集”环节认定您家暂不符合防止返贫监测对象认定条件');
    expect(atVillage).not.toContain('入户调查');
    expect(atVillage).not.toContain('信息比对');
    expect(atVillage.trim().split('\n').at(-2)).toBe('城中社区居民委员会');
    const atCounty = notificationText('identification', {
      ...base,
      issuer: '会泽县农业农村局',
      identified: false,
      refusal: {
        stepsDone: ['村提名单', '乡镇复核'],
        step: '县级确定',
        decidedBy: '会泽县农业农村局',
        reason: '人均纯收入高于监测线，且未发现返贫致贫风险',
      },
    });
    expect(atCounty).toContain('经村提名单、乡镇复核，会泽县农业农村局在“县级确定”环节认定');
    expect(atCounty).toContain('原因：人均纯收入高于监测线');
    expect(atCounty).toContain('可随时重新申请');
  });

  it('退出告知 says the household is marked risk-eliminated and may apply again (SPEC §8.1, §8.3)', () => {
    const t = notificationText('exit', { ...base, date: '2026-11-11' });
    expect(t.split('\n')[0]).toBe('防止返贫监测对象风险消除告知书');
    expect(t).toContain('自2026年11月11日起标注为“风险消除”');
    expect(t).toContain('仍在日常监测排查范围内');
  });
});
