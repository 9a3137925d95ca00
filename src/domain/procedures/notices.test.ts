import { describe, expect, it } from 'vitest';
import { notificationText, publicityNotice } from './notices.ts';

describe('publicity notice (SPEC §8.1)', () => {
  const notice = publicityNotice({
    kind: 'inclusion',
    county: '会泽县',
    township: '大井镇',
    village: '大井村',
    households: [
      { headName: '张三', persons: 4, category: 'sudden', reason: '因病导致刚性支出较大' },
      { headName: '李四', persons: 2, category: 'marginal', reason: '人均纯收入低于监测线' },
    ],
    period: { start: '2026-09-28', end: '2026-10-09', days: 5, unit: 'working' },
    objection: { place: '村委会办公室', phone: '0874-0000000', online: '云南省“政府救助平台”' },
    issuedOn: '2026-09-28',
  });

  it('names households, village, category, reason, period and where to object (SPEC §8.1)', () => {
    expect(notice).toContain('关于拟纳入防止返贫监测对象的公示');
    expect(notice).toContain('会泽县大井镇大井村拟纳入防止返贫监测对象2户6人');
    expect(notice).toContain('1. 户主：张三，家庭人口4人，监测类别：突发严重困难户，纳入理由：因病导致刚性支出较大');
    expect(notice).toContain('边缘易致贫户');
    expect(notice).toContain('公示期：2026年9月28日至2026年10月9日（5个工作日）');
    expect(notice).toContain('电话：0874-0000000');
    expect(notice).toContain('网上反映：云南省“政府救助平台”');
    expect(notice.trim().split('\n').slice(-2)).toEqual(['大井村村民委员会', '2026年9月28日']);
  });

  it('the elimination notice speaks of 风险消除 and calendar days (SPEC §8.3)', () => {
    const t = publicityNotice({
      kind: 'elimination',
      township: '乡',
      village: '甲村',
      households: [{ headName: '王五', persons: 3, reason: '收入持续稳定' }],
      period: { start: '2026-11-02', end: '2026-11-06', days: 5, unit: 'calendar' },
      objection: { place: '村委会' },
      issuedOn: '2026-11-02',
    });
    expect(t).toContain('拟标注风险消除的监测对象1户3人');
    expect(t).toContain('（5天）');
    expect(t).toContain('风险消除理由：收入持续稳定');
  });
});

describe('three notifications 三告知 (SPEC §8.1)', () => {
  const base = {
    headName: '张三',
    village: '大井村',
    issuer: '大井镇人民政府',
    date: '2026-09-07',
    contact: '0874-0000000',
  };

  it('受理告知 says when the application was received and accepted (SPEC §8.1)', () => {
    const t = notificationText('acceptance', { ...base, appliedOn: '2026-09-01', channel: '政府救助平台' });
    expect(t.split('\n')[0]).toBe('防止返贫监测帮扶申请受理告知书');
    expect(t).toContain('您于2026年9月1日通过政府救助平台提出的防止返贫监测帮扶申请已于2026年9月7日受理');
  });

  it('认定告知 says identified or not, and why (SPEC §8.1)', () => {
    const yes = notificationText('identification', {
      ...base,
      identified: true,
      category: 'sudden',
      reason: '因病刚性支出较大',
      measures: ['医疗救助', '临时救助'],
      responsiblePerson: { name: '李干部', phone: '13800000000' },
    });
    expect(yes).toContain('已被认定为防止返贫监测对象（突发严重困难户），认定理由：因病刚性支出较大');
    expect(yes).toContain('医疗救助；临时救助');
    expect(yes).toContain('帮扶责任人为李干部（联系电话：13800000000）');
    const no = notificationText('identification', { ...base, identified: false, reason: '家庭成员为国家公职人员' });
    expect(no).toContain('暂不符合防止返贫监测对象认定条件，原因：家庭成员为国家公职人员');
    expect(no).toContain('可随时重新申请');
  });

  it('退出告知 says the household is marked risk-eliminated and may apply again (SPEC §8.1, §8.3)', () => {
    const t = notificationText('exit', { ...base, date: '2026-11-11' });
    expect(t.split('\n')[0]).toBe('防止返贫监测对象风险消除告知书');
    expect(t).toContain('自2026年11月11日起标注为“风险消除”');
    expect(t).toContain('仍在日常监测排查范围内');
  });
});
