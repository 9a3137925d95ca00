import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type * as G from './schema.generated.ts';

/**
 * Kysely's database type. The tables come from ./schema.generated.ts, written by `npm run db:types` from the migrated
 * schema and checked by test/db-types.test.ts (ADR 0040) — never kept by hand. A module whose table has a JSON column
 * of a known shape narrows that column in its *.tables.ts by module augmentation of `DB`: the narrowed table extends
 * the generated one, so the compiler rejects a narrowing the database does not allow. `DB` is an interface (not an
 * alias) so that modules can augment it.
 */
export interface DB extends G.DB {}

export type { Int8, Json, Numeric, Timestamp } from './schema.generated.ts';
/** A jsonb column of a known shape: written as JSON text, read as T (wrap in Generated<> when it has a default). */
export type JsonOf<T> = ColumnType<T, string, string>;

// Word lists the database checks (one-column IN constraints), named as the code calls them.
export type Role = G.UsersRole;
export type MonitoringStatus = G.HouseholdsMonitoringStatus;
export type Category = G.HouseholdsCategory;
export type ClueChannel = G.CluesChannel;
export type ClueStatus = G.CluesStatus;
export type ClueResult = G.CluesResult;
export type ReliefStepAction = G.ReliefRequestStepsAction;

export type RegionsTable = DB['regions'];
export type UsersTable = DB['users'];
export type SessionsTable = DB['sessions'];
export type HouseholdsTable = DB['households'];
export type PersonsTable = DB['persons'];
export type CluesTable = DB['clues'];
export type CasesTable = DB['cases'];
export type CaseActionsTable = DB['case_actions'];
export type ReliefRequestsTable = DB['relief_requests'];
export type ReliefRequestStepsTable = DB['relief_request_steps'];

export type Household = Selectable<HouseholdsTable>;
export type NewHousehold = Insertable<HouseholdsTable>;
export type HouseholdUpdate = Updateable<HouseholdsTable>;
export type Person = Selectable<PersonsTable>;
export type NewPerson = Insertable<PersonsTable>;
export type User = Selectable<UsersTable>;
