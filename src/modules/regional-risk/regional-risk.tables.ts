import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the regional-risk tables of migration 0004 (SPEC §11), by module augmentation. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type RegionalEventType =
  | 'natural_disaster'
  | 'epidemic'
  | 'price_fall'
  | 'unemployment'
  | 'industry_failure'
  | 'relocation_site';

export interface RegionalRiskEventsTable {
  id: Generated<string>;
  region_code: string;
  event_type: RegionalEventType;
  title: string;
  description: Generated<string>;
  product: string | null;
  industry: string | null;
  started_on: string;
  ended_on: string | null;
  exposure: ColumnType<unknown, string | undefined, string>;
  risk_types: Generated<string[]>;
  households_exposed: Generated<number>;
  clues_created: Generated<number>;
  clues_merged: Generated<number>;
  recorded_by: string;
  user_id: string | null;
  created_at: Timestamp;
}

export interface RegionalRiskHouseholdsTable {
  event_id: string;
  household_id: string;
  region_code: string;
  reason: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    regional_risk_events: RegionalRiskEventsTable;
    regional_risk_households: RegionalRiskHouseholdsTable;
  }
}
