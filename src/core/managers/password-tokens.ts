import type { Db } from '../../db/database.js';
import type { Ctx } from '../context.js';
import { randomString, sha256Hex } from '../crypto.js';
import { DomainError, invalidField } from '../errors.js';
import { recordOwnAction } from './record-own-action.js';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.js';

const TOKEN_TTL_MS = 24 * 3_600_000;

/**
 * A one-time link to set the manager's password, valid 24 hours. Only the token's SHA-256 is
 * stored (the token has 238 bits of entropy, so a fast hash is enough); earlier unused links of
 * the manager stop working.
 */
export async function issuePasswordLink(trx: Db, ctx: Pick<Ctx, 'clock' | 'files'>, managerId: number): Promise<string> {
  const now = ctx.clock.now();
  await trx.updateTable('manager_password_tokens').set({ used_at: now }).where('manager_id', '=', managerId).where('used_at', 'is', null).execute();
  const token = randomString(40);
  await trx
    .insertInto('manager_password_tokens')
    .values({ token_hash: sha256Hex(token), manager_id: managerId, created_at: now, expires_at: now + TOKEN_TTL_MS, used_at: null })
    .execute();
  return `${ctx.files.publicUrl}/backoffice/set-password#token=${token}`;
}

/**
 * Sets a password from a one-time link: the token is spent, the lock-out cleared, and every
 * session of the manager ended (whoever held the old password is signed out).
 */
export async function setPassword({ ctx, input }: { ctx: Ctx; input: { token: string; password: string } }): Promise<void> {
  if ([...input.password].length < PASSWORD_MIN_LENGTH || input.password.length > PASSWORD_MAX_LENGTH) {
    throw invalidField('password', `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`);
  }
  const hash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const row = await trx
      .selectFrom('manager_password_tokens')
      .innerJoin('managers', 'managers.id', 'manager_password_tokens.manager_id')
      .select(['manager_password_tokens.manager_id', 'manager_password_tokens.expires_at', 'manager_password_tokens.used_at', 'managers.partner_id'])
      .where('token_hash', '=', sha256Hex(input.token))
      .executeTakeFirst();
    if (!row || row.used_at !== null || Number(row.expires_at) <= now) {
      throw new DomainError('NOT_FOUND', 'This link is unknown, used or expired; ask an admin for a new one.');
    }
    const spent = await trx
      .updateTable('manager_password_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', sha256Hex(input.token))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (spent.numUpdatedRows === 0n) throw new DomainError('NOT_FOUND', 'This link is unknown, used or expired; ask an admin for a new one.');
    await trx.updateTable('managers').set({ password_hash: hash, failed_sign_ins: 0, locked_until: null }).where('id', '=', row.manager_id).execute();
    await trx.updateTable('manager_sessions').set({ ended_at: now }).where('manager_id', '=', row.manager_id).where('ended_at', 'is', null).execute();
    await recordOwnAction(trx, { id: row.manager_id, partnerId: row.partner_id }, 'MANAGER_PASSWORD_SET', now);
  });
}
