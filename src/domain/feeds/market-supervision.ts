import { date, idNumber, personName, text, yuan } from './common-columns.ts';
import type { FeedColumn, FeedDefinition } from './feed-types.ts';

const creditCode: FeedColumn = text('creditCode', '统一社会信用代码', '18位统一社会信用代码', {
  required: true,
  aliases: ['信用代码', '注册号', '统一社会信用代码/注册号'],
});
const entityName: FeedColumn = text('entityName', '主体名称', '企业、合作社或个体工商户名称', {
  required: true,
  aliases: ['企业名称', '名称', '合作社名称', '经营主体名称', '市场主体名称'],
});

/**
 * 市场监督管理局 (博尔塔拉 §七(十五)): cooperatives and other business entities — name, registration date, capital,
 * member list. SPEC §10 signal: → exclusion 5 (registered company actually operating, SPEC §7.2 item 5).
 */
export const marketSupervisionFeed: FeedDefinition = {
  department: 'market_supervision',
  name: '市场监督管理局',
  source: '博尔塔拉 §七(十五)；SPEC §10',
  records: [
    {
      kind: 'business_entity',
      name: '经营主体登记',
      matchBy: 'id_number',
      signal: 'legal representative runs a registered, operating entity → exclusion check (SPEC §7.2 item 5)',
      columns: [
        creditCode,
        entityName,
        text('entityType', '主体类型', '公司、个人独资企业、农民专业合作社、个体工商户等', {
          required: true,
          aliases: ['企业类型', '类型'],
        }),
        date('registrationDate', '成立日期', '注册登记日期', {
          aliases: ['注册时间', '注册日期', '登记日期', '成立时间'],
        }),
        yuan('registeredCapital', '出资额', '注册资本或出资总额（元；表头注明“万元”的按万元换算）', {
          required: false,
          aliases: ['注册资本', '出资总额', '注册资金'],
        }),
        personName({ key: 'name', header: '法定代表人', aliases: ['法定代表人姓名', '负责人', '经营者', '法人'] }),
        idNumber({
          header: '法定代表人身份证号',
          aliases: ['法定代表人证件号码', '负责人身份证号', '经营者身份证号', '证件号码', '身份证号码'],
        }),
        text('status', '登记状态', '存续、在业、注销、吊销', { aliases: ['经营状态', '状态'] }),
        text('address', '住所', '经营场所', { aliases: ['经营场所', '地址'] }),
      ],
    },
    {
      kind: 'entity_member',
      name: '合作社成员名单',
      matchBy: 'id_number',
      signal: 'member of a cooperative (membership alone is not an exclusion; dividends are property income)',
      columns: [
        creditCode,
        entityName,
        personName({ aliases: ['成员姓名', '出资人', '股东姓名'] }),
        idNumber(),
        yuan('contribution', '出资额', '成员出资额（元）', { required: false, aliases: ['认缴出资额', '出资金额'] }),
        text('role', '成员身份', '理事长、理事、监事、普通成员等', { aliases: ['职务', '成员类型'] }),
      ],
    },
  ],
};
