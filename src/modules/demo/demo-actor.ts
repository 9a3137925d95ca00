import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { authRepository } from '../auth/auth.repository.ts';
import { actorOf } from '../auth/auth.service.ts';

/** A demo user as the actor the demo's history acts as (the same shape a login gives the routes). */
export async function demoActor(db: Kysely<DB>, username: string): Promise<Actor> {
  const u = await authRepository(db).findUserByUsername(username);
  if (!u) throw new Error(`演示用户不存在：${username}`);
  return actorOf(u);
}
