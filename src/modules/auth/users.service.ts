import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import { checkPasswordPolicy, oneTimePassword, requireRoleGrantable } from './account-policy.ts';
import { type Actor, inScope, ROLE_LABELS, requirePermission, requireScope } from './actor.ts';
import type { AuthRepository, UserRecord } from './auth.repository.ts';
import { ROLE_LEVELS, ROLES } from './auth.service.ts';
import { hashPassword } from './passwords.ts';

interface Deps {
  db: Kysely<DB>;
  authRepo: AuthRepository;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  audit: Pick<AuditRepository, 'append'>;
}

export interface UserChange {
  role?: Role;
  regionCode?: string;
  department?: string | null;
}

/**
 * User management (issue 11 point 3): disable and enable, unlock, reset a password (the owner changes it at next
 * login), change role and region; each ends the user's sessions and is audited. Users outside the manager's scope are
 * "not found", and nobody manages their own account here (GB/T 22239 8.1.4.2 access control).
 */
export const usersService = ({ db, authRepo, regionsRepo, audit }: Deps) => {
  async function target(actor: Actor, id: string): Promise<UserRecord> {
    requirePermission(actor, 'users.manage');
    const user = await authRepo.findUserById(id);
    if (!user || !inScope(actor, user.regionCode)) {
      throw new AppError('USER_NOT_FOUND', '用户不存在或不在您的管辖范围内', { field: 'id' });
    }
    if (user.id === actor.userId) throw new AppError('AUTH_FORBIDDEN', '不能在用户管理中修改自己的账户');
    requireRoleGrantable(actor, user.role);
    return user;
  }

  return {
    /** The id of a username in the manager's scope (the command line names users by username). */
    async idOf(actor: Actor, username: string): Promise<string> {
      requirePermission(actor, 'users.manage');
      const user = await authRepo.findUserByUsername(username);
      if (!user || !inScope(actor, user.regionCode)) {
        throw new AppError('USER_NOT_FOUND', `用户不存在或不在您的管辖范围内：${username}`, { field: 'username' });
      }
      return user.id;
    },

    async setDisabled(actor: Actor, id: string, disabled: boolean) {
      const user = await target(actor, id);
      await db.transaction().execute(async (trx) => {
        await authRepo.updateUser(user.id, { disabled }, trx);
        await authRepo.deleteUserSessions(user.id, trx);
        await audit.append(
          actor,
          {
            action: disabled ? AuditActions.userDisable : AuditActions.userEnable,
            entity: 'user',
            entityId: user.id,
            regionCode: user.regionCode,
          },
          trx,
        );
      });
      return { ok: true };
    },

    async unlock(actor: Actor, id: string) {
      const user = await target(actor, id);
      await db.transaction().execute(async (trx) => {
        await authRepo.clearFailures(user.username, trx);
        await audit.append(
          actor,
          { action: AuditActions.userUnlock, entity: 'user', entityId: user.id, regionCode: user.regionCode },
          trx,
        );
      });
      return { ok: true };
    },

    /**
     * A new initial password (the manager's, or a generated one-time password answered this once); the owner must
     * change it at the next login.
     */
    async resetPassword(actor: Actor, id: string, chosen?: string) {
      const user = await target(actor, id);
      const password = chosen ?? oneTimePassword(user.username);
      checkPasswordPolicy(user.username, password);
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await authRepo.updateUser(
          user.id,
          { password_hash: hash, must_change_password: true, password_changed_at: new Date() },
          trx,
        );
        await authRepo.addPasswordHistory(user.id, hash, trx);
        await authRepo.clearFailures(user.username, trx);
        await authRepo.deleteUserSessions(user.id, trx);
        await audit.append(
          actor,
          { action: AuditActions.userPasswordReset, entity: 'user', entityId: user.id, regionCode: user.regionCode },
          trx,
        );
      });
      return chosen === undefined ? { ok: true, password } : { ok: true };
    },

    async change(actor: Actor, id: string, change: UserChange) {
      const user = await target(actor, id);
      const role = change.role ?? user.role;
      if (!ROLES.includes(role)) {
        throw new AppError('VALIDATION', `角色无效：${role}（可选：${ROLES.join('、')}）`, { field: 'role' });
      }
      requireRoleGrantable(actor, role);
      const region = await regionsRepo.findByCode(change.regionCode ?? user.regionCode);
      if (!region)
        throw new AppError('REGION_UNKNOWN', `区划代码不存在：${change.regionCode}`, { field: 'regionCode' });
      requireScope(actor, region.code);
      if (!ROLE_LEVELS[role].includes(region.level)) {
        throw new AppError('VALIDATION', `${ROLE_LABELS[role]}用户的管辖范围不能是该级区划（${region.name}）`, {
          field: 'regionCode',
        });
      }
      const department = role === 'department' ? (change.department ?? user.department)?.trim() || null : null;
      if (role === 'department' && !department) {
        throw new AppError('VALIDATION', '行业部门用户必须指定所属部门', { field: 'department' });
      }
      const before = { role: user.role, regionCode: user.regionCode, department: user.department };
      const after = { role, regionCode: region.code, department };
      await db.transaction().execute(async (trx) => {
        await authRepo.updateUser(user.id, { role, region_code: region.code, department }, trx);
        await authRepo.deleteUserSessions(user.id, trx);
        await audit.append(
          actor,
          {
            action: AuditActions.userRoleChange,
            entity: 'user',
            entityId: user.id,
            regionCode: region.code,
            before,
            after,
          },
          trx,
        );
      });
      return after;
    },
  };
};

export type UsersService = ReturnType<typeof usersService>;
