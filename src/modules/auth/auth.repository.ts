import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import { regionPrefix } from './actor.ts';

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
  demo: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  totpSecretEnc: string | null;
  totpEnabledAt: Date | null;
  /** The last TOTP time step accepted (replay guard). */
  totpLastStep: number | null;
}

export interface SessionRecord extends UserRecord {
  secondFactor: boolean;
  sessionCreatedAt: Date;
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
  'users.demo',
  'users.must_change_password as mustChangePassword',
  'users.password_changed_at as passwordChangedAt',
  'users.totp_secret_enc as totpSecretEnc',
  'users.totp_enabled_at as totpEnabledAt',
  'users.totp_last_step as totpLastStep',
] as const;

/** Region code lengths of the levels (province … village), SPEC §3. */
const LEVEL_LENGTHS = [12, 9, 6, 4, 2];

export const authRepository = (db: Kysely<DB>) => ({
  findUserByUsername(username: string, q: Q = db): Promise<UserRecord | undefined> {
    return q.selectFrom('users').select(userColumns).where('username', '=', username).executeTakeFirst();
  },

  findUserById(id: string, q: Q = db): Promise<UserRecord | undefined> {
    return q.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  },

  async insertUser(
    u: Pick<UserRecord, 'username' | 'displayName' | 'passwordHash' | 'role' | 'regionCode' | 'department'> & {
      demo: boolean;
      mustChangePassword: boolean;
    },
    q: Q = db,
  ): Promise<{ id: string }> {
    const created = await q
      .insertInto('users')
      .values({
        username: u.username,
        display_name: u.displayName,
        password_hash: u.passwordHash,
        role: u.role,
        region_code: u.regionCode,
        department: u.department,
        demo: u.demo,
        must_change_password: u.mustChangePassword,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await q.insertInto('password_history').values({ user_id: created.id, password_hash: u.passwordHash }).execute();
    return created;
  },

  listUsers(scope: string, lockedSince: Date, q: Q = db) {
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
        'demo',
        'last_login_at as lastLoginAt',
        'must_change_password as mustChangePassword',
        'password_changed_at as passwordChangedAt',
        sql<boolean>`totp_enabled_at IS NOT NULL`.as('secondFactorEnabled'),
        sql<number>`(SELECT count(*)::int FROM login_failures f WHERE f.username = users.username AND f.at > ${lockedSince})`.as(
          'recentFailures',
        ),
      ])
      .where(regionPrefix('region_code', scope))
      .orderBy('username')
      .execute();
  },

  async updateUser(
    id: string,
    values: Partial<{
      password_hash: string;
      must_change_password: boolean;
      password_changed_at: Date;
      disabled: boolean;
      role: Role;
      region_code: string;
      department: string | null;
      last_login_at: Date;
      totp_secret_enc: string | null;
      totp_enabled_at: Date | null;
    }>,
    q: Q = db,
  ): Promise<void> {
    await q.updateTable('users').set(values).where('id', '=', id).execute();
  },

  /** The last `n` password hashes of a user, newest first (password history, GB/T 22239 8.1.4.1 a). */
  async passwordHistory(userId: string, n: number, q: Q = db): Promise<string[]> {
    const rows = await q
      .selectFrom('password_history')
      .select('password_hash')
      .where('user_id', '=', userId)
      .orderBy('set_at', 'desc')
      .limit(n)
      .execute();
    return rows.map((r) => r.password_hash);
  },

  async addPasswordHistory(userId: string, hash: string, q: Q = db): Promise<void> {
    await q.insertInto('password_history').values({ user_id: userId, password_hash: hash }).execute();
  },

  async recentFailures(username: string, since: Date, q: Q = db): Promise<number> {
    const row = await q
      .selectFrom('login_failures')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('username', '=', username)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async addFailure(username: string, ip: string | undefined, q: Q = db): Promise<void> {
    await q
      .insertInto('login_failures')
      .values({ username, ip: ip ?? null })
      .execute();
  },

  async clearFailures(username: string, q: Q = db): Promise<void> {
    await q.deleteFrom('login_failures').where('username', '=', username).execute();
  },

  /**
   * Where failed logins of unknown usernames are audited: the narrowest region holding every user of this server
   * (a county server: the county), so that the county's auditors see them (issue 11: they were stored under '').
   */
  async homeRegion(q: Q = db): Promise<string> {
    const rows = await q.selectFrom('users').select('region_code').distinct().execute();
    let prefix = rows[0]?.region_code ?? '';
    for (const r of rows) {
      let i = 0;
      while (i < prefix.length && prefix[i] === r.region_code[i]) i++;
      prefix = prefix.slice(0, i);
    }
    return prefix.slice(0, LEVEL_LENGTHS.find((n) => n <= prefix.length) ?? 0);
  },

  async insertSession(
    s: { tokenHash: string; userId: string; expiresAt: Date; secondFactor: boolean },
    q: Q = db,
  ): Promise<void> {
    await q
      .insertInto('sessions')
      .values({ token_hash: s.tokenHash, user_id: s.userId, expires_at: s.expiresAt, second_factor: s.secondFactor })
      .execute();
  },

  /** A live session: before its absolute end and used within the idle window. */
  findSession(tokenHash: string, idleSince: Date, q: Q = db): Promise<SessionRecord | undefined> {
    return q
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(userColumns)
      .select(['sessions.second_factor as secondFactor', 'sessions.created_at as sessionCreatedAt'])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', new Date())
      .where('sessions.last_seen_at', '>', idleSince)
      .executeTakeFirst();
  },

  /** Moves the idle window on; written at most once a minute per session. */
  async touchSession(tokenHash: string, q: Q = db): Promise<void> {
    await q
      .updateTable('sessions')
      .set({ last_seen_at: new Date() })
      .where('token_hash', '=', tokenHash)
      .where('last_seen_at', '<', new Date(Date.now() - 60_000))
      .execute();
  },

  /**
   * Records a TOTP time step as used; false when that step or a later one was already used (a replay, or the same
   * code sent twice at once: the condition is checked by the UPDATE itself).
   */
  async spendTotpStep(userId: string, step: number, q: Q = db): Promise<boolean> {
    const r = await q
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async markSecondFactor(tokenHash: string, q: Q = db): Promise<void> {
    await q.updateTable('sessions').set({ second_factor: true }).where('token_hash', '=', tokenHash).execute();
  },

  async deleteSession(tokenHash: string, q: Q = db): Promise<void> {
    await q.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  },

  async deleteUserSessions(userId: string, q: Q = db): Promise<void> {
    await q.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },

  async deleteExpiredSessions(q: Q = db): Promise<void> {
    await q.deleteFrom('sessions').where('expires_at', '<=', new Date()).execute();
  },

  async replaceRecoveryCodes(userId: string, hashes: string[], q: Q = db): Promise<void> {
    await q.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    if (hashes.length) {
      await q
        .insertInto('recovery_codes')
        .values(hashes.map((h) => ({ user_id: userId, code_hash: h })))
        .execute();
    }
  },

  /** Marks an unused recovery code used; true when there was one. */
  async spendRecoveryCode(userId: string, hash: string, q: Q = db): Promise<boolean> {
    const r = await q
      .updateTable('recovery_codes')
      .set({ used_at: new Date() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
});

export type AuthRepository = ReturnType<typeof authRepository>;
