import type { Db } from '../../db/database.js';
import type { Ctx } from '../context.js';
import { constantTimeEqualHex, keyedHash, randomString, sha256Hex } from '../crypto.js';
import { roleOf } from './present-manager.js';
import type { ManagerRole } from './roles.js';

/** A live back-office session, as the auth hook and GET /v1/auth/session/ see it. */
export interface ManagerSessionInfo {
  /** SHA-256 of the cookie value: what the database holds, and what the CSRF token is bound to. */
  sessionId: string;
  partnerId: string;
  manager: { id: number; name: string; surname: string; email: string; role: ManagerRole };
  expiresAt: number;
  idleExpiresAt: number;
}

// A session's last use is written at most this often, so reads do not all become writes.
const TOUCH_EVERY_MS = 60_000;

/**
 * Starts a session for a manager who just proved who it is. The cookie carries 256 bits of
 * randomness; the database holds only its SHA-256, so a copy of the table signs nobody in.
 */
export async function startSession(
  trx: Db,
  ctx: Pick<Ctx, 'clock' | 'managerSignIn'>,
  manager: { id: number; partnerId: string },
): Promise<{ cookie: string; sessionId: string }> {
  const now = ctx.clock.now();
  const cookie = randomString(43);
  const sessionId = sha256Hex(cookie);
  const expiresAt = now + ctx.managerSignIn.sessionMaxMs;
  await trx
    .insertInto('manager_sessions')
    .values({
      id: sessionId,
      manager_id: manager.id,
      partner_id: manager.partnerId,
      created_at: now,
      last_seen_at: now,
      idle_expires_at: Math.min(now + ctx.managerSignIn.sessionIdleMs, expiresAt),
      expires_at: expiresAt,
      ended_at: null,
    })
    .execute();
  return { cookie, sessionId };
}

/**
 * The session a cookie value names, if it is live: not ended, not idle too long, not past its
 * absolute end, and its manager not disabled. Each use pushes the idle expiry forward.
 */
export async function authenticateSession({ ctx, input }: { ctx: Ctx; input: { cookie: string } }): Promise<ManagerSessionInfo | null> {
  if (!/^[A-Za-z0-9]{20,100}$/.test(input.cookie)) return null;
  const now = ctx.clock.now();
  const sessionId = sha256Hex(input.cookie);
  const row = await ctx.db
    .selectFrom('manager_sessions')
    .innerJoin('managers', 'managers.id', 'manager_sessions.manager_id')
    .select([
      'manager_sessions.partner_id',
      'manager_sessions.last_seen_at',
      'manager_sessions.idle_expires_at',
      'manager_sessions.expires_at',
      'manager_sessions.ended_at',
      'managers.id',
      'managers.name',
      'managers.surname',
      'managers.email',
      'managers.role',
      'managers.disabled_at',
    ])
    .where('manager_sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || row.ended_at !== null || row.disabled_at !== null) return null;
  const expiresAt = Number(row.expires_at);
  let idleExpiresAt = Number(row.idle_expires_at);
  if (now >= expiresAt || now >= idleExpiresAt) return null;
  if (now - Number(row.last_seen_at) >= TOUCH_EVERY_MS) {
    idleExpiresAt = Math.min(now + ctx.managerSignIn.sessionIdleMs, expiresAt);
    await ctx.db
      .updateTable('manager_sessions')
      .set({ last_seen_at: now, idle_expires_at: idleExpiresAt })
      .where('id', '=', sessionId)
      .where('ended_at', 'is', null)
      .execute();
  }
  return {
    sessionId,
    partnerId: row.partner_id,
    manager: { id: Number(row.id), name: row.name, surname: row.surname, email: row.email, role: roleOf(row) },
    expiresAt,
    idleExpiresAt,
  };
}

/** Ends the session on the server: its cookie is refused from now on, wherever it was copied. */
export async function endSession({ ctx, input }: { ctx: Ctx; input: { sessionId: string } }): Promise<void> {
  await ctx.db.updateTable('manager_sessions').set({ ended_at: ctx.clock.now() }).where('id', '=', input.sessionId).where('ended_at', 'is', null).execute();
}

/**
 * The CSRF token of a session: an HMAC of the session id under the server secret. Nothing is
 * stored; it changes with every session, and a page of another site can neither read it nor
 * compute it (it never sees the cookie, and does not know the secret).
 */
export function csrfTokenOf(pepper: string, sessionId: string): string {
  return keyedHash(pepper, `openkyb csrf v1\0${sessionId}`);
}

export function isCsrfTokenValid(pepper: string, sessionId: string, presented: string | undefined): boolean {
  return typeof presented === 'string' && /^[0-9a-f]{64}$/.test(presented) && constantTimeEqualHex(presented, csrfTokenOf(pepper, sessionId));
}
