import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import {
  ACCOUNT_POLICY,
  checkPasswordPolicy,
  oneTimePassword,
  requireRoleGrantable,
  SECOND_FACTOR_ROLES,
} from './account-policy.ts';
import { type Actor, type AuthStep, ROLE_LABELS, requirePermission, requireScope, SYSTEM_ACTOR } from './actor.ts';
import type { AuthRepository, UserRecord } from './auth.repository.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { checkTotp, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUri } from './totp.ts';

export const ROLES = Object.keys(ROLE_LABELS) as Role[];
/** Region level each role works at (SPEC §1): village 5, township 4, county 3 (the project officer too); supervisor county or above. */
export const ROLE_LEVELS: Record<Role, number[]> = {
  village: [5],
  township: [4],
  county: [3],
  department: [3],
  supervisor: [1, 2, 3],
  admin: [1, 2, 3],
  security_admin: [1, 2, 3],
  audit_admin: [1, 2, 3],
  project_officer: [3],
};

/** Absolute session length (GB/T 22239 8.1.4.1 b: 登录连接超时自动退出); the idle limit is in ACCOUNT_POLICY. */
export const SESSION_HOURS = ACCOUNT_POLICY.absoluteHours;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('base64url');
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

export function actorOf(u: UserRecord, ip?: string, pending?: AuthStep): Actor {
  return {
    userId: u.id,
    username: u.username,
    role: u.role,
    regionCode: u.regionCode,
    department: u.department,
    ip,
    ...(pending ? { pending } : {}),
  };
}

export interface NewUserInput {
  username: string;
  /** The initial password; absent: a one-time password is generated and answered this once. */
  password?: string;
  role: Role;
  regionCode: string;
  department?: string | null;
  displayName?: string;
  /** Demo users (the demo loader, tests): the known demo password, no forced change or second factor in demo mode. */
  demo?: boolean;
}

interface Deps {
  db: Kysely<DB>;
  authRepo: AuthRepository;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  audit: Pick<AuditRepository, 'append'>;
  cipher: Pick<PiiCipher, 'encrypt' | 'decrypt'>;
  /** Demo mode (issue 11 point 9): demo users log in with the demo password alone; outside it they are refused. */
  demoMode: boolean;
}

/** Users, roles and sessions (SPEC §1, §3), with the account rules of 等保 2.0 level 3 (issue 11). */
export const authService = ({ db, authRepo, regionsRepo, audit, cipher, demoMode }: Deps) => {
  /** The step a session must still take before it may use the platform; none for demo users in demo mode. */
  function pendingOf(u: UserRecord, secondFactorDone: boolean): AuthStep | undefined {
    if (demoMode && u.demo) return undefined;
    if (SECOND_FACTOR_ROLES.includes(u.role) && !secondFactorDone) {
      return u.totpEnabledAt ? 'second_factor' : 'second_factor_setup';
    }
    const age = Date.now() - new Date(u.passwordChangedAt).getTime();
    if (u.mustChangePassword || age > ACCOUNT_POLICY.passwordMaxAgeDays * 86_400_000) return 'password_change';
    return undefined;
  }

  async function newSession(u: UserRecord, secondFactor: boolean, trx: Parameters<AuthRepository['insertSession']>[1]) {
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await authRepo.insertSession({ tokenHash: sha256(token), userId: u.id, expiresAt, secondFactor }, trx);
    return { token, expiresAt };
  }

  async function recordFailure(username: string, user: UserRecord | undefined, ip: string | undefined, reason: string) {
    const regionCode = user?.regionCode ?? (await authRepo.homeRegion());
    const failures = await db.transaction().execute(async (trx) => {
      await authRepo.addFailure(username, ip, trx);
      const n = await authRepo.recentFailures(username, minutesAgo(ACCOUNT_POLICY.lockoutMinutes), trx);
      const who = { ...SYSTEM_ACTOR, username: username.slice(0, 64) || '(空)', ip };
      await audit.append(
        who,
        {
          action: AuditActions.userLoginFailed,
          entity: 'user',
          entityId: user?.id ?? null,
          regionCode,
          after: { reason },
        },
        trx,
      );
      if (n === ACCOUNT_POLICY.lockoutFailures) {
        await audit.append(
          who,
          {
            action: AuditActions.userLocked,
            entity: 'user',
            entityId: user?.id ?? null,
            regionCode,
            after: { failures: n },
          },
          trx,
        );
      }
      return n;
    });
    return failures >= ACCOUNT_POLICY.lockoutFailures;
  }

  const lockedError = () =>
    new AppError(
      'AUTH_LOCKED',
      `连续${ACCOUNT_POLICY.lockoutFailures}次登录失败，账户已锁定${ACCOUNT_POLICY.lockoutMinutes}分钟；如需立即解锁，请联系安全管理员`,
    );

  const lastStep = (u: UserRecord) => u.totpLastStep;

  async function loadUser(actor: Actor): Promise<UserRecord> {
    const user = actor.userId ? await authRepo.findUserById(actor.userId) : undefined;
    if (!user) throw new AppError('AUTH_REQUIRED', '请先登录');
    return user;
  }

  return {
    async addUser(actor: Actor, input: NewUserInput): Promise<{ id: string; password?: string }> {
      requirePermission(actor, 'users.manage');
      if (!/^[A-Za-z0-9_.-]{3,32}$/.test(input.username)) {
        throw new AppError('VALIDATION', '用户名须为3–32位字母、数字、下划线、点或短横线', { field: 'username' });
      }
      if (!ROLES.includes(input.role)) {
        throw new AppError('VALIDATION', `角色无效：${input.role}（可选：${ROLES.join('、')}）`, { field: 'role' });
      }
      requireRoleGrantable(actor, input.role);
      const password = input.password ?? oneTimePassword(input.username);
      if (!input.demo) checkPasswordPolicy(input.username, password);
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
      const passwordHash = await hashPassword(password);
      return db.transaction().execute(async (trx) => {
        const created = await authRepo.insertUser(
          {
            username: input.username,
            displayName: input.displayName ?? input.username,
            passwordHash,
            role: input.role,
            regionCode: region.code,
            department: department ?? null,
            demo: input.demo === true,
            // An initial password was chosen by someone else: its owner changes it at first login (outside demo).
            mustChangePassword: input.demo !== true,
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
        return input.password === undefined ? { ...created, password } : created;
      });
    },

    /**
     * Password login. Every path verifies an argon2 hash (a dummy one for unknown names) so that the time of the
     * answer does not tell which usernames exist; failures count per username and lock it after 5 in 15 minutes.
     */
    async login(
      username: string,
      password: string,
      ip?: string,
    ): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
      const name = username.trim();
      const user = await authRepo.findUserByUsername(name);
      const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      const failures = await authRepo.recentFailures(name, minutesAgo(ACCOUNT_POLICY.lockoutMinutes));
      const locked = failures >= ACCOUNT_POLICY.lockoutFailures;
      const demoRefused = user?.demo === true && !demoMode;
      if (!user || !passwordOk || user.disabled || locked || demoRefused) {
        const reason = locked
          ? 'locked'
          : !user
            ? 'unknown_user'
            : !passwordOk
              ? 'wrong_password'
              : user.disabled
                ? 'disabled'
                : 'demo_user';
        const nowLocked = await recordFailure(name, user, ip, reason);
        if (nowLocked) throw lockedError();
        if (demoRefused && passwordOk) {
          throw new AppError('AUTH_DEMO_USER', '演示用户只能在演示模式下登录；正式运行请使用管理员创建的账户');
        }
        throw new AppError('AUTH_INVALID', '用户名或密码错误');
      }
      const pending = pendingOf(user, false);
      const secondFactorDone = pending !== 'second_factor' && pending !== 'second_factor_setup';
      return db.transaction().execute(async (trx) => {
        await authRepo.clearFailures(name, trx);
        const { token, expiresAt } = await newSession(user, secondFactorDone, trx);
        await authRepo.updateUser(user.id, { last_login_at: new Date() }, trx);
        const actor = actorOf(user, ip, pending);
        await audit.append(
          actor,
          { action: AuditActions.userLogin, entity: 'user', entityId: user.id, regionCode: user.regionCode },
          trx,
        );
        return { token, actor, expiresAt };
      });
    },

    /** A live session: not past 8 hours, used within 30 minutes, its user enabled (and not a demo user outside demo). */
    async resolveSession(token: string | undefined, ip?: string): Promise<Actor | undefined> {
      if (!token) return undefined;
      const tokenHash = sha256(token);
      const s = await authRepo.findSession(tokenHash, minutesAgo(ACCOUNT_POLICY.idleMinutes));
      if (!s || s.disabled || (s.demo && !demoMode)) return undefined;
      await authRepo.touchSession(tokenHash);
      return actorOf(s, ip, pendingOf(s, s.secondFactor));
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

    /**
     * Changes one's own password (policy, history of 5); every session of the user ends, the caller gets a new one.
     */
    async changePassword(actor: Actor, token: string, current: string, next: string) {
      const user = await loadUser(actor);
      if (!(await verifyPassword(user.passwordHash, current))) {
        throw new AppError('PASSWORD_CURRENT_WRONG', '当前密码错误', { field: 'currentPassword' });
      }
      checkPasswordPolicy(user.username, next);
      for (const old of await authRepo.passwordHistory(user.id, ACCOUNT_POLICY.passwordHistory)) {
        if (await verifyPassword(old, next)) {
          throw new AppError('PASSWORD_REUSED', `不能使用最近${ACCOUNT_POLICY.passwordHistory}次用过的密码`, {
            field: 'newPassword',
          });
        }
      }
      const hash = await hashPassword(next);
      const s = await authRepo.findSession(sha256(token), minutesAgo(ACCOUNT_POLICY.idleMinutes));
      return db.transaction().execute(async (trx) => {
        await authRepo.updateUser(
          user.id,
          { password_hash: hash, must_change_password: false, password_changed_at: new Date() },
          trx,
        );
        await authRepo.addPasswordHistory(user.id, hash, trx);
        await authRepo.deleteUserSessions(user.id, trx);
        const fresh = await newSession(user, s?.secondFactor ?? false, trx);
        await audit.append(
          actor,
          { action: AuditActions.userPasswordChange, entity: 'user', entityId: user.id, regionCode: user.regionCode },
          trx,
        );
        return fresh;
      });
    },

    /** Starts TOTP enrolment: a new secret (stored encrypted) and its otpauth:// address for the phone. */
    async setupSecondFactor(actor: Actor) {
      const user = await loadUser(actor);
      if (user.totpEnabledAt) {
        throw new AppError('AUTH_FORBIDDEN', '已启用动态验证码；如需更换手机，请安全管理员重置');
      }
      const secret = newTotpSecret();
      await authRepo.updateUser(user.id, { totp_secret_enc: cipher.encrypt(secret) });
      return { secret, uri: totpUri(user.username, secret) };
    },

    /** Confirms enrolment with a first code; answers the recovery codes, shown this once. */
    async enableSecondFactor(actor: Actor, token: string, code: string) {
      const user = await loadUser(actor);
      if (user.totpEnabledAt || !user.totpSecretEnc) {
        throw new AppError('AUTH_FORBIDDEN', '请先开始设置动态验证码');
      }
      const step = checkTotp(cipher.decrypt(user.totpSecretEnc), code.trim(), lastStep(user));
      if (step === null || !(await authRepo.spendTotpStep(user.id, step))) {
        throw new AppError('AUTH_SECOND_FACTOR_INVALID', '动态验证码错误，请核对手机时间后重试', { field: 'code' });
      }
      const codes = newRecoveryCodes();
      await db.transaction().execute(async (trx) => {
        await authRepo.updateUser(user.id, { totp_enabled_at: new Date() }, trx);
        await authRepo.replaceRecoveryCodes(user.id, codes.map(recoveryCodeHash), trx);
        await authRepo.markSecondFactor(sha256(token), trx);
        await audit.append(
          actor,
          {
            action: AuditActions.userSecondFactorEnable,
            entity: 'user',
            entityId: user.id,
            regionCode: user.regionCode,
          },
          trx,
        );
      });
      return { recoveryCodes: codes };
    },

    /** The second step of a login: a TOTP code or an unused recovery code; failures count toward the lockout. */
    async verifySecondFactor(actor: Actor, token: string, code: string) {
      const user = await loadUser(actor);
      if (!user.totpEnabledAt || !user.totpSecretEnc) throw new AppError('AUTH_FORBIDDEN', '尚未启用动态验证码');
      if (
        (await authRepo.recentFailures(user.username, minutesAgo(ACCOUNT_POLICY.lockoutMinutes))) >=
        ACCOUNT_POLICY.lockoutFailures
      ) {
        throw lockedError();
      }
      // a TOTP code counts once: its time step is spent, and a code of a spent step is refused (replay guard)
      const step = checkTotp(cipher.decrypt(user.totpSecretEnc), code.trim(), lastStep(user));
      const ok =
        (step !== null && (await authRepo.spendTotpStep(user.id, step))) ||
        (code.trim().length > 6 && (await authRepo.spendRecoveryCode(user.id, recoveryCodeHash(code))));
      if (!ok) {
        if (await recordFailure(user.username, user, actor.ip, 'second_factor')) throw lockedError();
        throw new AppError('AUTH_SECOND_FACTOR_INVALID', '动态验证码或恢复码错误', { field: 'code' });
      }
      await db.transaction().execute(async (trx) => {
        await authRepo.markSecondFactor(sha256(token), trx);
        await audit.append(
          actor,
          { action: AuditActions.userSecondFactor, entity: 'user', entityId: user.id, regionCode: user.regionCode },
          trx,
        );
      });
      return { pending: pendingOf(user, true) ?? null };
    },

    /** The users in the manager's scope, with last login and whether failed logins lock them now. */
    async listUsers(actor: Actor) {
      requirePermission(actor, 'users.manage');
      const rows = await authRepo.listUsers(actor.regionCode, minutesAgo(ACCOUNT_POLICY.lockoutMinutes));
      return rows.map((u) => ({
        ...u,
        roleLabel: ROLE_LABELS[u.role],
        locked: u.recentFailures >= ACCOUNT_POLICY.lockoutFailures,
      }));
    },
  };
};

export type AuthService = ReturnType<typeof authService>;
