import { sql } from 'kysely';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, ROLE_LABELS } from '../auth/actor.ts';

/**
 * Who may do what in a campaign (SPEC §15). The county (or a township, or the prefecture's supervisors) runs a
 * campaign over its region; spot checks are drawn by the level that checks — the prefecture spot-checks counties'
 * villages (瓦房 "市里开展抽查"), the township checks all its villages; anyone working in a region records the problems
 * found there and reports their rectification; the sign-off is the level above's (src/domain/campaigns).
 */
const LEADS = ['county', 'township', 'supervisor', 'admin'] as const;
const WORKERS = ['village', 'township', 'county', 'supervisor', 'admin'] as const;

const refuse = (actor: Actor, what: string) =>
  new AppError('AUTH_FORBIDDEN', `您的角色（${ROLE_LABELS[actor.role]}）不能${what}`, { role: actor.role });

/** Set up campaigns and draw spot checks. */
export function requireCampaignLead(actor: Actor, what: string): void {
  if (!(LEADS as readonly string[]).includes(actor.role)) throw refuse(actor, what);
}

/** Record problems and findings, report rectification. */
export function requireCampaignWork(actor: Actor, what: string): void {
  if (!(WORKERS as readonly string[]).includes(actor.role)) throw refuse(actor, what);
}

const like = (code: string) => `${code.replace(/[%_\\]/g, '')}%`;

/**
 * A campaign is visible to the regions inside it (a village works in its county's campaign) and to the levels above
 * it (the prefecture follows a county's campaign). Written once, used by every campaign query.
 */
export function campaignVisible(actor: Actor, column = 'c.region_code') {
  return sql<boolean>`(${sql.ref(column)} like ${like(actor.regionCode)} or ${actor.regionCode} like ${sql.ref(column)} || '%')`;
}

export const campaignVisibleTo = (actor: Actor, regionCode: string) =>
  regionCode.startsWith(actor.regionCode) || actor.regionCode.startsWith(regionCode);
