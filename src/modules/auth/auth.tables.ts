import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the account tables of migration 0041 (issue 11), declared by module augmentation. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface LoginFailuresTable {
  id: Generated<string>;
  username: string;
  ip: string | null;
  at: Timestamp;
}

export interface PasswordHistoryTable {
  user_id: string;
  password_hash: string;
  set_at: Timestamp;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

declare module '../../db/schema.ts' {
  interface DB {
    login_failures: LoginFailuresTable;
    password_history: PasswordHistoryTable;
    recovery_codes: RecoveryCodesTable;
  }
}
