import type { Sex } from '../../domain/id-number.ts';
import { type Prng, WeightedTable } from './prng.ts';

/**
 * Realistic Chinese names for the synthetic population (SPEC §18). Surnames follow their approximate national
 * frequency (per mille, 2020 census order); given names draw on characters typical of the person's generation and
 * sex, so a grandmother is 秀英 or 桂兰 and her granddaughter 欣怡 or 梓涵.
 */
const SURNAMES: [string, number][] = [
  ['王', 72],
  ['李', 71],
  ['张', 68],
  ['刘', 54],
  ['陈', 45],
  ['杨', 32],
  ['黄', 23],
  ['赵', 22],
  ['吴', 20],
  ['周', 19],
  ['徐', 13],
  ['孙', 13],
  ['马', 12],
  ['朱', 12],
  ['胡', 11],
  ['郭', 11],
  ['何', 9],
  ['林', 9],
  ['高', 9],
  ['罗', 9],
  ['郑', 8],
  ['梁', 8],
  ['谢', 6],
  ['宋', 6],
  ['唐', 6],
  ['许', 5],
  ['韩', 5],
  ['邓', 5],
  ['冯', 5],
  ['曹', 5],
  ['彭', 5],
  ['曾', 4],
  ['肖', 4],
  ['田', 4],
  ['董', 4],
  ['潘', 4],
  ['袁', 4],
  ['蔡', 4],
  ['蒋', 4],
  ['余', 4],
  ['于', 4],
  ['杜', 3],
  ['叶', 3],
  ['程', 3],
  ['魏', 3],
  ['苏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['卢', 3],
  ['姚', 3],
  ['沈', 3],
  ['钟', 3],
  ['姜', 3],
  ['崔', 3],
  ['谭', 3],
  ['陆', 3],
  ['范', 2],
  ['汪', 2],
  ['廖', 2],
  ['石', 2],
  ['金', 2],
  ['韦', 2],
  ['贾', 2],
  ['夏', 2],
  ['付', 2],
  ['方', 2],
  ['邹', 2],
  ['熊', 2],
  ['白', 2],
  ['孟', 2],
  ['秦', 2],
  ['邱', 2],
  ['侯', 2],
  ['江', 2],
  ['尹', 2],
  ['薛', 2],
  ['闫', 2],
  ['段', 2],
  ['雷', 2],
  ['龙', 2],
  ['黎', 2],
  ['史', 2],
  ['陶', 2],
  ['贺', 2],
  ['毛', 2],
  ['郝', 2],
  ['顾', 2],
  ['龚', 1],
  ['邵', 1],
  ['万', 1],
  ['覃', 1],
  ['武', 1],
  ['钱', 1],
  ['戴', 1],
  ['严', 1],
  ['莫', 1],
  ['孔', 1],
  ['向', 1],
  ['常', 1],
  ['汤', 1],
  ['康', 1],
  ['易', 1],
  ['乔', 1],
  ['赖', 1],
  ['文', 1],
  ['牛', 1],
  ['包', 1],
  ['祁', 1],
  ['安', 1],
  ['令狐', 0.3],
  ['欧阳', 0.3],
  ['司马', 0.1],
  ['上官', 0.1],
];

type Generation = 'old' | 'middle' | 'young';

/** Characters of given names, by generation (born before 1960 / 1960–1989 / 1990 on) and sex. */
const GIVEN: Record<Generation, Record<Sex, string>> = {
  old: {
    male: '建国明德福军华文志强民忠成海山林富贵生平有才发全金宝荣祥正兴旺义仁礼春喜保存元长',
    female: '秀英兰桂珍芳玉梅凤花琴霞莲淑翠娥香菊云彩巧焕爱美荣凤仙银金素月玲芝',
  },
  middle: {
    male: '伟军勇强磊涛斌杰鹏刚辉平波明亮红兵建东峰俊海龙飞超伟文斌志国新宏锋卫',
    female: '丽娟敏静燕红霞艳玲萍芳英梅琳莉娜慧颖晶雪琴倩婷丽蓉春晓瑞兰',
  },
  young: {
    male: '浩宇轩博子俊杰涛鹏睿泽铭晨瑞豪航然皓哲浩天嘉煜祺锦宸奕阳凯明磊诚',
    female: '欣怡雨婷佳静子涵梓萱诗琪思悦可馨雅彤紫璐语嫣若曦诺依晴瑶妍蕊佳',
  },
};

const surnameTable = new WeightedTable(SURNAMES);

function generationOf(birthYear: number): Generation {
  if (birthYear < 1960) return 'old';
  if (birthYear < 1990) return 'middle';
  return 'young';
}

export function randomSurname(rng: Prng): string {
  return surnameTable.sample(rng);
}

/**
 * A 2–3 character name (surname + one or two given-name characters; single-character given names are commoner
 * among the young). The surname is passed for children, who take their father's.
 */
export function personName(rng: Prng, sex: Sex, birthYear: number, surname: string = randomSurname(rng)): string {
  const generation = generationOf(birthYear);
  const pool = GIVEN[generation][sex];
  const first = pool[rng.int(0, pool.length - 1)] as string;
  const single = rng.chance(generation === 'young' ? 0.25 : 0.12);
  if (single) return surname + first;
  let second = pool[rng.int(0, pool.length - 1)] as string;
  if (second === first && rng.chance(0.8)) second = pool[rng.int(0, pool.length - 1)] as string;
  return surname + first + second;
}
