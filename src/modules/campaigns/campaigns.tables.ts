import type * as G from '../../db/schema.generated.ts';
import type { JsonOf } from '../../db/schema.ts';
import type { TaskArea } from '../../domain/campaigns/index.ts';

/**
 * Kysely types of the campaign tables of migration 0110 (SPEC §15): generated from the migrated schema
 * (src/db/schema.generated.ts); only the JSON columns' shapes are added here.
 */
export type SpotCheckKind = G.SpotChecksKind;
export type SpotCheckUnitType = G.SpotCheckUnitsUnitType;

export interface CampaignsTable extends G.Campaigns {
  areas: JsonOf<TaskArea[]>;
}

export interface SpotChecksTable extends G.SpotChecks {
  strata: JsonOf<{ stratum: string; size: number; sampled: number }[]>;
}

declare module '../../db/schema.ts' {
  interface DB {
    campaigns: CampaignsTable;
    spot_checks: SpotChecksTable;
  }
}
