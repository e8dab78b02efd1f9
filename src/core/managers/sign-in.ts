import type { Db } from '../../db/database.js';
import type { ManagerRecord } from '../../db/tables.js';
import type { SignInRequest } from '../../schemas/managers.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { keyedHash } from '../crypto.js';
import { verifyPassword } from './password.js';
import { spendRecoveryCode, spendTotp } from './second-factor.js';
import { startSession } from './sessions.js';

export type SignInOutcome =
  { outcome: 'signed-in'; cookie: string; sessionId: string } | { outcome: 'failed' } | { outcome: 'totp-required' } | { outcome: 'locked'; until: number };

// An e-mail is unique per partner, so one address may hold an account at several partners.
const MAX_ACCOUNTS_PER_EMAIL = 10;

/**
 * Checks an e-mail and password (and the second factor when it is on). Every failure is the
 * same outcome whether the account exists or not, and costs one password hash either way.
 * Failures are counted per account and durably (the outcome is a value, not an exception, so
 * the transaction commits): `maxFailures` in a row lock the account for `lockMs`. An e-mail
 * holding no usable account locks the same way (countMiss), so the lock-out tells nothing
 * about which e-mails have one.
 */
export async function signIn({ ctx, input }: { ctx: Ctx; input: SignInRequest }): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  const rows = await ctx.db.selectFrom('managers').selectAll().where('email', '=', email).orderBy('id').limit(MAX_ACCOUNTS_PER_EMAIL).execute();
  const now = ctx.clock.now();
  const usable = rows.filter((row) => row.disabled_at === null && row.password_hash !== null);
  if (usable.length === 0) {
    await verifyPassword(input.password, null);
    const until = await countMiss(ctx, email);
    return until === null ? { outcome: 'failed' } : { outcome: 'locked', until };
  }
  let matched: ManagerRecord | null = null;
  for (const row of usable) {
    if (await verifyPassword(input.password, row.password_hash)) {
      matched = row;
      break;
    }
  }
  const lockedUntil = (row: ManagerRecord) => (row.locked_until !== null && Number(row.locked_until) > now ? Number(row.locked_until) : null);
  return ctx.db.transaction().execute(async (trx): Promise<SignInOutcome> => {
    if (!matched) {
      const locks: Array<number | null> = [];
      for (const row of usable.filter((r) => lockedUntil(r) === null)) locks.push(await countFailure(trx, ctx, row));
      const until = [...usable.map(lockedUntil), ...locks].find((t): t is number => t !== null);
      return until === undefined ? { outcome: 'failed' } : { outcome: 'locked', until };
    }
    const locked = lockedUntil(matched);
    if (locked !== null) return { outcome: 'locked', until: locked };
    if (matched.totp_enabled_at !== null) {
      if (!input.totp && !input.recoveryCode) return { outcome: 'totp-required' };
      const passed = input.totp ? await spendTotp(trx, ctx, matched, input.totp) : await spendRecoveryCode(trx, ctx, matched.id, input.recoveryCode!);
      if (!passed) {
        const until = await countFailure(trx, ctx, matched);
        return until === null ? { outcome: 'failed' } : { outcome: 'locked', until };
      }
    }
    await trx.updateTable('managers').set({ failed_sign_ins: 0, locked_until: null, last_sign_in_at: now }).where('id', '=', matched.id).execute();
    const session = await startSession(trx, ctx, { id: matched.id, partnerId: matched.partner_id });
    const details = { managerId: matched.id, ...(input.recoveryCode && !input.totp ? { recoveryCode: true } : {}) };
    await recordAudit(trx, { partnerId: matched.partner_id, actor: { kind: 'manager', managerId: matched.id }, action: 'MANAGER_SIGNED_IN', details, now });
    return { outcome: 'signed-in', ...session };
  });
}

/** One more failure; at the limit the account locks. Returns the lock's end, if it locked. */
async function countFailure(trx: Db, ctx: Pick<Ctx, 'clock' | 'managerSignIn'>, row: ManagerRecord): Promise<number | null> {
  const now = ctx.clock.now();
  // Incremented in the database, so two concurrent failures count twice.
  const counted = await trx
    .updateTable('managers')
    .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
    .where('id', '=', row.id)
    .returning('failed_sign_ins')
    .executeTakeFirstOrThrow();
  const failures = Number(counted.failed_sign_ins);
  if (failures < ctx.managerSignIn.maxFailures) return null;
  const until = now + ctx.managerSignIn.lockMs;
  await trx.updateTable('managers').set({ failed_sign_ins: 0, locked_until: until }).where('id', '=', row.id).execute();
  await recordAudit(trx, { partnerId: row.partner_id, actor: { kind: 'system' }, action: 'MANAGER_LOCKED', details: { managerId: row.id, failures }, now });
  return until;
}

/** A day without a failure forgets an e-mail that holds no account (accounts keep their count until a success). */
const MISS_KEPT_MS = 24 * 3_600_000;

/**
 * A failure of an e-mail holding no usable account, counted and locked as countFailure does
 * for an account, under the e-mail's keyed hash; returns the lock's end while it is locked.
 */
async function countMiss(ctx: Pick<Ctx, 'db' | 'clock' | 'managerSignIn' | 'pepper'>, email: string): Promise<number | null> {
  const now = ctx.clock.now();
  const emailHash = keyedHash(ctx.pepper, `sign-in:${email}`);
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('sign_in_misses')
      .where('updated_at', '<', now - MISS_KEPT_MS)
      .execute();
    const row = await trx.selectFrom('sign_in_misses').selectAll().where('email_hash', '=', emailHash).executeTakeFirst();
    if (row?.locked_until != null && Number(row.locked_until) > now) return Number(row.locked_until);
    // Incremented in the database, so two concurrent failures count twice.
    const counted = await trx
      .insertInto('sign_in_misses')
      .values({ email_hash: emailHash, failures: 1, locked_until: null, updated_at: now })
      .onConflict((oc) => oc.column('email_hash').doUpdateSet((eb) => ({ failures: eb('sign_in_misses.failures', '+', 1), updated_at: now })))
      .returning('failures')
      .executeTakeFirstOrThrow();
    if (Number(counted.failures) < ctx.managerSignIn.maxFailures) return null;
    const until = now + ctx.managerSignIn.lockMs;
    await trx.updateTable('sign_in_misses').set({ failures: 0, locked_until: until }).where('email_hash', '=', emailHash).execute();
    return until;
  });
}
