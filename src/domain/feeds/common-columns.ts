import type { FeedColumn } from './feed-types.ts';

/**
 * Columns that nearly every department feed carries (SPEC §10: data are compared with the registry by ID number).
 * Builders take overrides so that a feed can say "户主姓名" or make a column optional without repeating aliases.
 */
type Overrides = Partial<Omit<FeedColumn, 'type'>>;

const ID_ALIASES = [
  '公民身份号码',
  '身份证号码',
  '证件号码',
  '身份证件号码',
  '身份证',
  '身份证件号',
  '公民身份证号码',
  '公民身份证号',
  '居民身份证号码',
  '居民身份证号',
  '身份证编号',
  '身份号码',
  '证件号',
];

/** 姓名 of the person a record is about (SPEC §10). */
export function personName(o: Overrides = {}): FeedColumn {
  return {
    key: 'name',
    header: '姓名',
    aliases: ['人员姓名', '居民姓名', '参保人姓名', '参保人', '患者姓名', '学生姓名', '成员姓名'],
    type: 'string',
    required: true,
    description: '与身份证一致的姓名',
    ...o,
  };
}

/** 身份证号: the key every household-level feed is compared by (SPEC §10, §4.2). */
export function idNumber(o: Overrides = {}): FeedColumn {
  return {
    key: 'idNumber',
    header: '身份证号',
    aliases: ID_ALIASES,
    type: 'id_number',
    required: true,
    description: '18位公民身份号码，末位可为X；请将该列设置为文本格式，以免Excel丢失末尾数字',
    ...o,
  };
}

/** Household head's name and ID, for records that concern a whole household (house, disaster loss, income). */
export function headName(o: Overrides = {}): FeedColumn {
  return personName({ key: 'name', header: '户主姓名', aliases: ['姓名', '户主'], description: '户主姓名', ...o });
}

/** 户主身份证号, for household-level records. */
export function headIdNumber(o: Overrides = {}): FeedColumn {
  return idNumber({
    header: '户主身份证号',
    aliases: ['户主身份证号码', '户主证件号码', '户主公民身份号码', ...ID_ALIASES],
    description: '户主的18位公民身份号码',
    ...o,
  });
}

/** 性别; the ID number remains the authority (SPEC §4.2). */
export function sex(o: Overrides = {}): FeedColumn {
  return {
    key: 'sex',
    header: '性别',
    type: 'enum',
    required: false,
    enum: { 男: 'male', 女: 'female', 男性: 'male', 女性: 'female' },
    description: '男/女；与身份证号不一致时以身份证号为准',
    ...o,
  };
}

/** 12-digit statistical village code (SPEC §3); 6/9 digits are accepted for county- or township-level records. */
export function regionCode(o: Overrides = {}): FeedColumn {
  return {
    key: 'regionCode',
    header: '行政区划代码',
    aliases: ['区划代码', '村代码', '村级代码', '行政村代码', '统计用区划代码', '地区代码'],
    type: 'region_code',
    required: true,
    description: '国家统计用区划代码：村12位、乡镇9位、县6位',
    ...o,
  };
}

/** Place names for people to read; matching uses codes. */
export function regionName(o: Overrides = {}): FeedColumn {
  return {
    key: 'regionName',
    header: '所在地区',
    aliases: ['地县乡村名', '行政区划', '所在村', '村名', '村（社区）', '地址（村）'],
    type: 'string',
    required: false,
    description: '县、乡镇、村名称，便于人工核对；比对以身份证号或区划代码为准',
    ...o,
  };
}

/** 家庭详细住址. */
export function address(o: Overrides = {}): FeedColumn {
  return {
    key: 'address',
    header: '详细地址',
    aliases: ['家庭详细住址', '家庭住址', '住址', '地址'],
    type: 'string',
    required: false,
    description: '家庭详细住址',
    ...o,
  };
}

/** A yuan amount, required unless overridden; imported as integer fen. */
export function yuan(key: string, header: string, description: string, o: Overrides = {}): FeedColumn {
  return { key, header, type: 'yuan', required: true, description, ...o };
}

/** A date, required unless overridden; imported as YYYY-MM-DD. */
export function date(key: string, header: string, description: string, o: Overrides = {}): FeedColumn {
  return { key, header, type: 'date', required: true, description, ...o };
}

/** Free text, optional unless overridden. */
export function text(key: string, header: string, description: string, o: Overrides = {}): FeedColumn {
  return { key, header, type: 'string', required: false, description, ...o };
}

/** A non-negative whole number (days, persons, households), optional unless overridden. */
export function count(key: string, header: string, description: string, o: Overrides = {}): FeedColumn {
  return { key, header, type: 'integer', required: false, description, ...o };
}
