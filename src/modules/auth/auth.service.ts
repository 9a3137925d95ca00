import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import { type Actor, ROLE_LABELS, requirePermission, requireScope, SYSTEM_ACTOR } from './actor.ts';
import type { AuthRepository, UserRecord } from './auth.repository.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts';

export const ROLES = Object.keys(ROLE_LABELS) as Role[];
/** Region level each role works at (SPEC §1): village 5, township 4, county 3; supervisor county or above. */
const ROLE_LEVELS: Record<Role, number[]> = {
  village: [5],
  township: [4],
  county: [3],
  department: [3],
  supervisor: [1, 2, 3],
  admin: [1, 2, 3],
};

export const SESSION_HOURS = 12;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('base64url');

export function actorOf(u: UserRecord, ip?: string): Actor {
  return { userId: u.id, username: u.username, role: u.role, regionCode: u.regionCode, department: u.department, ip };
}

export interface NewUserInput {
  username: string;
  password: string;
  role: Role;
  regionCode: string;
  department?: string | null;
  displayName?: string;
}

interface Deps {
  db: Kysely<DB>;
  authRepo: AuthRepository;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  audit: Pick<AuditRepository, 'append'>;
}

/** Users, roles and sessions (SPEC §1, §3). */
export const authService = ({ db, authRepo, regionsRepo, audit }: Deps) => ({
  async addUser(actor: Actor, input: NewUserInput): Promise<{ id: string }> {
    requirePermission(actor, 'users.manage');
    if (!/^[A-Za-z0-9_.-]{3,32}$/.test(input.username)) {
      throw new AppError('VALIDATION', '用户名须为3–32位字母、数字、下划线、点或短横线', { field: 'username' });
    }
    if (!ROLES.includes(input.role)) {
      throw new AppError('VALIDATION', `角色无效：${input.role}（可选：${ROLES.join('、')}）`, { field: 'role' });
    }
    checkPasswordStrength(input.password);
    const region = await regionsRepo.findByCode(input.regionCode);
    if (!region) throw new AppError('REGION_UNKNOWN', `区划代码不存在：${input.regionCode}`, { field: 'region' });
    requireScope(actor, region.code);
    if (!ROLE_LEVELS[input.role].includes(region.level)) {
      throw new AppError('VALIDATION', `${ROLE_LABELS[input.role]}用户的管辖范围不能是该级区划（${region.name}）`, {
        field: 'region',
      });
    }
    const department = input.role === 'department' ? input.department?.trim() : null;
    if (input.role === 'department' && !department) {
      throw new AppError('VALIDATION', '行业部门用户必须指定所属部门（--department）', { field: 'department' });
    }
    if (await authRepo.findUserByUsername(input.username)) {
      throw new AppError('USER_EXISTS', `用户名已存在：${input.username}`, { field: 'username' });
    }
    const passwordHash = await hashPassword(input.password);
    return db.transaction().execute(async (trx) => {
      const created = await authRepo.insertUser(
        {
          username: input.username,
          displayName: input.displayName ?? input.username,
          passwordHash,
          role: input.role,
          regionCode: region.code,
          department: department ?? null,
        },
        trx,
      );
      await audit.append(
        actor,
        {
          action: AuditActions.userCreate,
          entity: 'user',
          entityId: created.id,
          regionCode: region.code,
          after: { username: input.username, role: input.role, regionCode: region.code, department },
        },
        trx,
      );
      return created;
    });
  },

  async login(
    username: string,
    password: string,
    ip?: string,
  ): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
    const user = await authRepo.findUserByUsername(username);
    const ok = user && !user.disabled && (await verifyPassword(user.passwordHash, password));
    if (!user || !ok) {
      await audit.append(
        { ...SYSTEM_ACTOR, username: username.slice(0, 64) || '(空)', ip },
        { action: AuditActions.userLoginFailed, entity: 'user', regionCode: user?.regionCode ?? '' },
      );
      throw new AppError('AUTH_INVALID', '用户名或密码错误');
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    const actor = actorOf(user, ip);
    await db.transaction().execute(async (trx) => {
      await authRepo.insertSession(sha256(token), user.id, expiresAt, trx);
      await audit.append(
        actor,
        { action: AuditActions.userLogin, entity: 'user', entityId: user.id, regionCode: user.regionCode },
        trx,
      );
    });
    return { token, actor, expiresAt };
  },

  async resolveSession(token: string | undefined, ip?: string): Promise<Actor | undefined> {
    if (!token) return undefined;
    const user = await authRepo.findSession(sha256(token));
    return user && !user.disabled ? actorOf(user, ip) : undefined;
  },

  async logout(actor: Actor, token: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await authRepo.deleteSession(sha256(token), trx);
      await audit.append(
        actor,
        { action: AuditActions.userLogout, entity: 'user', entityId: actor.userId, regionCode: actor.regionCode },
        trx,
      );
    });
  },

  listUsers(actor: Actor) {
    requirePermission(actor, 'users.manage');
    return authRepo.listUsers(actor.regionCode);
  },
});

export type AuthService = ReturnType<typeof authService>;
