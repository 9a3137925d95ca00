import type { ProcedureTemplate } from '../types.ts';
import { ANHUI_INCLUSION } from './anhui.ts';
import { BORTALA_INCLUSION } from './bortala.ts';
import { BORTALA_ELIMINATION } from './bortala-elimination.ts';
import { GANSU_INCLUSION } from './gansu.ts';
import { HUIZE_INCLUSION } from './huize.ts';
import { HUIZE_ELIMINATION } from './huize-elimination.ts';
import { WAFANG_INCLUSION } from './wafang.ts';
import { ZAOZHUANG_INCLUSION } from './zaozhuang.ts';

export {
  ANHUI_INCLUSION,
  BORTALA_ELIMINATION,
  BORTALA_INCLUSION,
  GANSU_INCLUSION,
  HUIZE_ELIMINATION,
  HUIZE_INCLUSION,
  WAFANG_INCLUSION,
  ZAOZHUANG_INCLUSION,
};

/**
 * The shipped procedure templates by code (SPEC §8.1, §8.3). 会泽 is the default inclusion template (monthly cycle,
 * SPEC §8.2) and 会泽's elimination its mirror.
 */
export const DEFAULT_TEMPLATES: Readonly<Record<string, ProcedureTemplate>> = Object.freeze(
  Object.fromEntries(
    [
      HUIZE_INCLUSION,
      HUIZE_ELIMINATION,
      BORTALA_INCLUSION,
      BORTALA_ELIMINATION,
      ZAOZHUANG_INCLUSION,
      WAFANG_INCLUSION,
      ANHUI_INCLUSION,
      GANSU_INCLUSION,
    ].map((t) => [t.code, t]),
  ),
);

export const DEFAULT_INCLUSION_TEMPLATE = HUIZE_INCLUSION.code;
export const DEFAULT_ELIMINATION_TEMPLATE = HUIZE_ELIMINATION.code;
