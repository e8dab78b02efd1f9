import type { Ctx } from '../context.js';
import { conflict, DomainError } from '../errors.js';
import { recordOwnAction } from './record-own-action.js';
import { loadManager } from './present-manager.js';
import { issueRecoveryCodes, sealTotpSecret, spendTotp } from './second-factor.js';
import type { ManagerRecord } from '../../db/tables.js';
import type { Db } from '../../db/database.js';
import { newTotpSecret, otpauthUrl } from './totp.js';

type Who = { ctx: Ctx; manager: { id: number; partnerId: string } };

/**
 * Starts two-factor enrolment: a new secret (sealed at rest), not yet required at sign-in. It
 * is on once a code from the app confirms it. Refused while two-factor sign-in is already on.
 */
export async function startTotp({ ctx, manager }: Who): Promise<{ secret: string; otpauthUrl: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadManager(trx, manager.partnerId, manager.id);
    if (row.totp_enabled_at !== null) throw conflict('Two-factor sign-in is already on; turn it off first.');
    const secret = newTotpSecret();
    const sealed = sealTotpSecret(ctx, manager.id, secret);
    await trx
      .updateTable('managers')
      .set({ totp_secret: sealed.sealed, totp_master_key_id: sealed.masterKeyId, totp_last_step: null })
      .where('id', '=', manager.id)
      .execute();
    return { secret, otpauthUrl: otpauthUrl(secret, 'OpenKYB', row.email) };
  });
}

/** Confirms enrolment with a code from the app; returns ten recovery codes, shown once. */
export async function confirmTotp({ ctx, manager, code }: Who & { code: string }): Promise<{ recoveryCodes: string[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadManager(trx, manager.partnerId, manager.id);
    if (row.totp_enabled_at !== null) throw conflict('Two-factor sign-in is already on.');
    if (row.totp_secret === null) throw conflict('Start the enrolment first (POST /v1/auth/totp/).');
    await requireCurrentCode(trx, ctx, row, code);
    const now = ctx.clock.now();
    await trx.updateTable('managers').set({ totp_enabled_at: now }).where('id', '=', manager.id).execute();
    const recoveryCodes = await issueRecoveryCodes(trx, ctx, manager.id);
    await recordOwnAction(trx, manager, 'MANAGER_TOTP_ENABLED', now);
    return { recoveryCodes };
  });
}

/** Turns two-factor sign-in off, with a current code as proof. */
export async function disableTotp({ ctx, manager, code }: Who & { code: string }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadManager(trx, manager.partnerId, manager.id);
    if (row.totp_enabled_at === null) throw conflict('Two-factor sign-in is not on.');
    await requireCurrentCode(trx, ctx, row, code);
    const now = ctx.clock.now();
    await trx
      .updateTable('managers')
      .set({ totp_enabled_at: null, totp_secret: null, totp_master_key_id: null, totp_last_step: null })
      .where('id', '=', manager.id)
      .execute();
    await trx.deleteFrom('manager_recovery_codes').where('manager_id', '=', manager.id).execute();
    await recordOwnAction(trx, manager, 'MANAGER_TOTP_DISABLED', now);
  });
}

/** A code from the app, spent (each works once), or a 400 naming the field. */
async function requireCurrentCode(trx: Db, ctx: Ctx, row: ManagerRecord, code: string): Promise<void> {
  if (!(await spendTotp(trx, ctx, row, code)))
    throw new DomainError('VALIDATION_ERROR', 'Validation failed.', { code: ['is not the current code of the authenticator app'] });
}
