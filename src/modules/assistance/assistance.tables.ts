import type * as G from '../../db/schema.generated.ts';
import type { DB } from '../../db/schema.ts';

/** Kysely types of migration 0005 (SPEC §9): generated from the migrated schema (src/db/schema.generated.ts). */
export type MeasureStatus = G.MeasuresStatus;
export type MeasureOrigin = G.MeasuresOrigin;
export type BackstopKind = G.BackstopProposalsKind;
export type ProposalStatus = G.BackstopProposalsStatus;

export type MeasuresTable = DB['measures'];
export type EffectivenessReviewHouseholdsTable = DB['effectiveness_review_households'];
export type BackstopProposalsTable = DB['backstop_proposals'];
