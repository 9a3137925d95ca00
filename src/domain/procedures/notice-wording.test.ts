import { describe, expect, it } from 'vitest';
import { EXCLUSION_SITUATIONS } from '../assessment/exclusions.ts';
import {
  DEFAULT_NOTICE_WORDING,
  issuingBody,
  refusalReason,
  riskGrounds,
  villageCommittee,
  villagePlace,
} from './notice-wording.ts';

describe('who signs notices (SPEC §8.1, issue 10)', () => {
  it('村民委员会 or 居民委员会 from the division code, never both', () => {
    expect(villageCommittee({ code: '621124100005', name: '城中社区居民委员会' })).toBe('城中社区居民委员会');
    expect(villageCommittee({ code: '621124100005', name: '城中社区' })).toBe('城中社区居民委员会');
    expect(villageCommittee({ code: '621124100201', name: '龚家掌村' })).toBe('龚家掌村村民委员会');
    expect(villageCommittee({ code: '621124100201', name: '龚家掌村民委员会' })).toBe('龚家掌村民委员会');
    expect(villagePlace('城中社区居民委员会')).toBe('城中社区');
    expect(villagePlace('龚家掌村民委员会')).toBe('龚家掌村');
  });

  it('the acting level signs: village committee, township government, county body from settings', () => {
    const names = { village: { code: '621124100201', name: '龚家掌村' }, township: '城关镇', county: '临洮县' };
    expect(issuingBody('village', names)).toBe('龚家掌村村民委员会');
    expect(issuingBody('township', names)).toBe('城关镇人民政府');
    expect(issuingBody('township', { ...names, township: '东城街道' })).toBe('东城街道办事处');
    expect(issuingBody('county', names)).toBe('临洮县农业农村局');
    expect(issuingBody('county', names, { township: '{township}', county: '{county}乡村振兴局' })).toBe(
      '临洮县乡村振兴局',
    );
  });

  it('grounds are the official wording of the risk types, in SPEC order, without duplicates', () => {
    expect(riskGrounds(['medical', 'education'], DEFAULT_NOTICE_WORDING)).toBe('因学、因病');
    expect(riskGrounds(['unknown'], DEFAULT_NOTICE_WORDING)).toBe('存在返贫致贫风险');
  });

  it('a refusal reason comes from a fixed list per rule', () => {
    expect(refusalReason('no_risk', [], EXCLUSION_SITUATIONS)).toBe('人均纯收入高于监测线，且未发现返贫致贫风险');
    expect(refusalReason('exclude', [3], EXCLUSION_SITUATIONS)).toBe('属于不纳入监测对象的情形（购买了消费型汽车）');
    expect(refusalReason('include', [], EXCLUSION_SITUATIONS)).toBeUndefined();
  });
});
