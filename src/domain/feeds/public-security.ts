import { address, date, idNumber, personName, sex, text } from './common-columns.ts';
import type { FeedColumn, FeedDefinition } from './feed-types.ts';

const relationToHead: FeedColumn = text('relationToHead', '与户主关系', '户主/配偶/子/女/父母等', {
  aliases: ['与户主的关系', '家庭关系'],
});
const householdNumber: FeedColumn = text('householdNumber', '户号', '公安户籍户号', { aliases: ['户籍户号'] });

/**
 * 公安局 (博尔塔拉 §七(三)): population comparison, vehicles, household-register changes and traffic accidents.
 * SPEC §10 signals: death/injury of a labourer → other risk; member changes → registry update; car → exclusion 3.
 */
export const publicSecurityFeed: FeedDefinition = {
  department: 'public_security',
  name: '公安局',
  source: '博尔塔拉 §七(三)1–3；SPEC §10',
  records: [
    {
      kind: 'resident',
      name: '户籍人口信息',
      matchBy: 'id_number',
      signal: 'registry comparison: name, sex, relationship and address disagreements → data-quality items',
      columns: [
        personName(),
        idNumber(),
        sex(),
        text('education', '文化程度', '如小学、初中、高中、大专', { aliases: ['学历'] }),
        relationToHead,
        address(),
        householdNumber,
      ],
    },
    {
      kind: 'register_change',
      name: '户籍变动',
      matchBy: 'id_number',
      signal: 'birth, marriage in/out, migration, deregistration, death → registry member update (SPEC §7.2 item 9)',
      columns: [
        personName(),
        idNumber(),
        {
          key: 'changeType',
          header: '变动类型',
          aliases: ['变动情况', '户籍变动类型', '变动原因', '变更类型'],
          type: 'enum',
          required: true,
          enum: {
            出生: 'birth',
            正常出生: 'birth',
            出生落户: 'birth',
            超生落户: 'birth',
            嫁入: 'marriage_in',
            婚入: 'marriage_in',
            嫁出: 'marriage_out',
            婚出: 'marriage_out',
            迁入: 'move_in',
            户籍迁入: 'move_in',
            迁出: 'move_out',
            户籍迁出: 'move_out',
            死亡: 'death',
            死亡注销: 'death',
            户籍注销: 'deregistered',
            注销: 'deregistered',
          },
          description: '出生/嫁入/嫁出/迁入/迁出/死亡/户籍注销',
        },
        date('changeDate', '变动日期', '登记变动的日期', { aliases: ['变动时间', '办理日期', '注销日期'] }),
        text('otherPlace', '迁入迁出地', '迁入来源地或迁出目的地', {
          aliases: ['迁往地', '迁自地', '迁入地', '迁出地'],
        }),
        relationToHead,
        householdNumber,
      ],
    },
    {
      kind: 'traffic_accident',
      name: '交通事故伤亡',
      matchBy: 'id_number',
      signal: 'death or serious injury (of a main labourer) → other risk (SPEC §5.2 item 6)',
      columns: [
        personName(),
        idNumber(),
        date('accidentDate', '事故日期', '事故发生日期', { aliases: ['事故发生日期', '事故时间'] }),
        {
          key: 'injury',
          header: '伤亡情况',
          aliases: ['伤情', '伤亡程度', '事故后果'],
          type: 'enum',
          required: true,
          enum: { 死亡: 'death', 重伤: 'serious_injury', 轻伤: 'minor_injury' },
          description: '死亡/重伤/轻伤',
        },
        text('place', '事故地点', '事故发生地点', { aliases: ['发生地点'] }),
      ],
    },
    {
      kind: 'vehicle',
      name: '车辆登记',
      matchBy: 'id_number',
      signal: 'a consumer car bought → exclusion check (SPEC §7.2 item 3)',
      columns: [
        personName({ aliases: ['车主姓名', '车主', '机动车所有人'] }),
        idNumber({ aliases: ['车主身份证号', '所有人身份证明号码', '公民身份号码', '身份证号码', '证件号码'] }),
        text('plateNumber', '号牌号码', '车牌号', { aliases: ['车牌号', '车牌号码'] }),
        text('vehicleType', '车辆类型', '如小型普通客车、轻型货车、三轮汽车', {
          required: true,
          aliases: ['车型', '车辆类别'],
        }),
        date('purchaseDate', '购买日期', '购车发票日期', { required: false, aliases: ['购买时间', '购车日期'] }),
        date('registrationDate', '上牌日期', '初次登记（上牌）日期', {
          aliases: ['上牌时间', '初次登记日期', '注册登记日期', '登记日期'],
        }),
      ],
    },
  ],
};
