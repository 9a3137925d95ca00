import type { Kysely, Transaction } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionCode: string;
  department: string | null;
  disabled: boolean;
}

const userColumns = [
  'users.id',
  'users.username',
  'users.display_name as displayName',
  'users.password_hash as passwordHash',
  'users.role',
  'users.region_code as regionCode',
  'users.department',
  'users.disabled',
] as const;

export const authRepository = (db: Kysely<DB>) => ({
  findUserByUsername(username: string, q: Q = db): Promise<UserRecord | undefined> {
    return q.selectFrom('users').select(userColumns).where('username', '=', username).executeTakeFirst();
  },

  async insertUser(u: Omit<UserRecord, 'id' | 'disabled'>, q: Q = db): Promise<{ id: string }> {
    return q
      .insertInto('users')
      .values({
        username: u.username,
        display_name: u.displayName,
        password_hash: u.passwordHash,
        role: u.role,
        region_code: u.regionCode,
        department: u.department,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  listUsers(regionPrefix: string, q: Q = db) {
    return q
      .selectFrom('users')
      .select([
        'id',
        'username',
        'display_name as displayName',
        'role',
        'region_code as regionCode',
        'department',
        'disabled',
      ])
      .where('region_code', 'like', `${regionPrefix}%`)
      .orderBy('username')
      .execute();
  },

  async insertSession(tokenHash: string, userId: string, expiresAt: Date, q: Q = db): Promise<void> {
    await q.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
  },

  findSession(tokenHash: string, q: Q = db): Promise<UserRecord | undefined> {
    return q
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(userColumns)
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', new Date())
      .executeTakeFirst();
  },

  async deleteSession(tokenHash: string, q: Q = db): Promise<void> {
    await q.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  },

  async deleteExpiredSessions(q: Q = db): Promise<void> {
    await q.deleteFrom('sessions').where('expires_at', '<=', new Date()).execute();
  },
});

export type AuthRepository = ReturnType<typeof authRepository>;
