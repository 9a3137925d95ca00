import type * as G from '../../db/schema.generated.ts';

/** The regional-risk tables of migration 0004 (SPEC §11) are typed in src/db/schema.generated.ts. */
export type RegionalEventType = G.RegionalRiskEventsEventType;
