import { date, idNumber, personName, regionCode, text } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 党委网信办 (博尔塔拉 §七(一)): online public opinion. SPEC §10 signal: → social-information clue (SPEC §6 channel 4).
 * Persons and regions are optional: an item names them only when the post does.
 */
export const cyberspaceFeed: FeedDefinition = {
  department: 'cyberspace',
  name: '党委网信办',
  source: '博尔塔拉 §七(一)；SPEC §10, §6',
  records: [
    {
      kind: 'public_opinion',
      name: '网络舆情',
      matchBy: 'none',
      signal: 'a post about hardship → social-information clue (channel 4) after manual review',
      columns: [
        text('title', '舆情标题', '帖子或报道标题', { required: true, aliases: ['标题'] }),
        text('summary', '内容摘要', '反映的主要问题', { required: true, aliases: ['舆情内容', '主要内容', '摘要'] }),
        text('platform', '来源平台', '网站、论坛、短视频平台等', { aliases: ['来源', '发布平台'] }),
        text('url', '链接', '原文链接', { aliases: ['网址', '原文链接'] }),
        date('publishedDate', '发布日期', '发布日期', { aliases: ['发布时间', '发现日期'] }),
        regionCode({ required: false, description: '涉及地区的区划代码（如能确定）' }),
        personName({ required: false, description: '涉及人员姓名（如能确定）', aliases: ['涉及人员'] }),
        idNumber({ required: false, description: '涉及人员身份证号（如能确定）' }),
      ],
    },
  ],
};
