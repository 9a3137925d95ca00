import { DEFAULT_PROJECT_RULES, mergeProjectRules, type ProjectRules } from '../../domain/projects/index.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../auth/actor.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { requireProjectRead } from './projects.policy.ts';

/** The setting key of the project rules (fund name, type catalogue, key projects, 红黄蓝): per region, with history. */
export const PROJECT_RULES_KEY = 'projects.rules';

/**
 * The region's project rules, merged over the default (SPEC §3): what the fund is called, the type catalogue, the
 * key-project threshold and areas, the warning rules. A value that no longer passes the checks stops the module with
 * SETTING_INVALID rather than warn by a broken rule.
 */
export const projectRules = (settings: Pick<RegionSettings, 'get' | 'set'>) => {
  async function read(regionCode: string) {
    const stored = await settings.get(PROJECT_RULES_KEY, regionCode);
    const { rules, issues } = mergeProjectRules(stored.value ?? {});
    if (issues.length) {
      throw new AppError('SETTING_INVALID', `衔接资金项目规则设置有误：${issues[0]?.message}`, {
        field: issues[0]?.field,
      });
    }
    return { rules, setAt: stored.regionCode };
  }
  return {
    /** Rules of one region. */
    of(regionCode: string): Promise<ProjectRules> {
      return read(regionCode).then((r) => r.rules);
    },
    /** A memo for one request: projects of one county share their region's rules. */
    memo() {
      const local = new Map<string, Promise<ProjectRules>>();
      return (regionCode: string) => {
        let p = local.get(regionCode);
        if (!p) {
          p = read(regionCode).then((r) => r.rules);
          local.set(regionCode, p);
        }
        return p;
      };
    },
    async get(actor: Actor, regionCode: string) {
      requireProjectRead(actor);
      const r = await read(regionCode);
      return { regionCode, setAt: r.setAt, value: r.rules };
    },
    /** Saves a region's rules (county settings permission, audited by the settings module as setting.set). */
    async set(actor: Actor, regionCode: string, value: Record<string, unknown>) {
      const { rules, issues } = mergeProjectRules(value);
      if (issues.length) {
        throw new AppError('PROJECT_RULES_INVALID', issues[0]?.message ?? '规则有误', {
          field: `value.${issues[0]?.field}`,
        });
      }
      await settings.set(actor, PROJECT_RULES_KEY, regionCode, rules);
      return this.get(actor, regionCode);
    },
    defaults: DEFAULT_PROJECT_RULES,
  };
};

export type ProjectRulesService = ReturnType<typeof projectRules>;
