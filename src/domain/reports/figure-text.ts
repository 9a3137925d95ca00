import { type ByCategory, CATEGORIES, CATEGORY_NAMES, type HP, percent, type Share } from './figures.ts';

/** "41户129人" (SPEC §16: every count of households also gives the persons). */
export function hp(x: HP): string {
  return `${x.households}户${x.persons}人`;
}

/**
 * A figure by category the way the offices write it (SPEC §12, 枣庄 2022):
 * "纳入监测41户129人，其中脱贫不稳定户5户14人、边缘易致贫户17户54人、突发严重困难户19户61人".
 * Categories with no household are left out of the "其中" list; an empty figure reads "0户0人".
 */
export function byCategoryText(prefix: string, b: ByCategory): string {
  const parts = CATEGORIES.filter((c) => b[c].households > 0).map((c) => `${CATEGORY_NAMES[c]}${hp(b[c])}`);
  return parts.length ? `${prefix}${hp(b.total)}，其中${parts.join('、')}` : `${prefix}${hp(b.total)}`;
}

/** "已标注风险消除361户828人，占累计纳入人数的25.78%（户数占比30.39%）". */
export function eliminationText(eliminated: HP, s: Share): string {
  const tail = s.persons === null ? '' : `，占累计纳入人数的${percent(s.persons)}（户数占比${percent(s.households)}）`;
  return `已标注风险消除${hp(eliminated)}${tail}`;
}
