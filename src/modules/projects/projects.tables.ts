import type * as G from '../../db/schema.generated.ts';
import type { JsonOf } from '../../db/schema.ts';
import type { FundLevel, FundSource, IncomePurpose, ProjectStatus } from '../../domain/projects/index.ts';

/**
 * Kysely types of the project tables of migrations 0090, 0091 and 0210 (SPEC §13): generated from the migrated schema
 * (src/db/schema.generated.ts); only the JSON columns' shapes are added here.
 */
export interface ProjectFund {
  level: FundLevel;
  source: FundSource;
  amountYuan: number;
}

export interface KeyResponsible {
  city?: string;
  district?: string;
  town?: string;
}

export interface ProjectsTable extends G.Projects {
  funds: JsonOf<ProjectFund[]>;
  key_responsible: G.Generated<JsonOf<KeyResponsible>>;
}

/** The database leaves an event's statuses free; the projects module writes only the states of its lifecycle. */
export interface ProjectEventsTable extends G.ProjectEvents {
  from_status: ProjectStatus | null;
  to_status: ProjectStatus;
}

/** One line of an asset's yearly income distribution (SPEC §13 item 6). */
export interface AssetIncomeShareRow {
  purpose: IncomePurpose;
  amountYuan: number;
}

export interface ProjectAssetIncomesTable extends G.ProjectAssetIncomes {
  distribution: G.Generated<JsonOf<AssetIncomeShareRow[]>>;
}

declare module '../../db/schema.ts' {
  interface DB {
    projects: ProjectsTable;
    project_events: ProjectEventsTable;
    project_asset_incomes: ProjectAssetIncomesTable;
  }
}
