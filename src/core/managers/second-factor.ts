import type { Db } from '../../db/database.js';
import type { ManagerRecord } from '../../db/tables.js';
import type { Ctx } from '../context.js';
import { keyedHash, randomString } from '../crypto.js';
import { openSecret, sealSecret } from '../privacy/codec.js';
import { matchTotp } from './totp.js';

const label = (managerId: number) => `manager:${managerId}:totp`;

/** The TOTP secret sealed with the current master key; the key's id is stored beside it. */
export function sealTotpSecret(ctx: Pick<Ctx, 'keys'>, managerId: number, secret: string): { sealed: string; masterKeyId: string } {
  const { current } = ctx.keys.ring;
  return { sealed: sealSecret(current.key, current.id, label(managerId), secret), masterKeyId: current.id };
}

export function openTotpSecret(ctx: Pick<Ctx, 'keys'>, row: Pick<ManagerRecord, 'id' | 'totp_secret' | 'totp_master_key_id'>): string | null {
  if (!row.totp_secret || !row.totp_master_key_id) return null;
  const master = ctx.keys.ring.byId.get(row.totp_master_key_id);
  if (!master) throw new Error(`manager ${row.id}: its TOTP secret is sealed with master key ${row.totp_master_key_id}, which is not configured`);
  return openSecret(master.key, master.id, label(Number(row.id)), row.totp_secret);
}

/**
 * Checks a TOTP code and spends its time step (a code works once), under the caller's
 * transaction. False for a wrong, stale or replayed code.
 */
export async function spendTotp(trx: Db, ctx: Pick<Ctx, 'keys' | 'clock'>, row: ManagerRecord, code: string): Promise<boolean> {
  const secret = openTotpSecret(ctx, row);
  if (!secret) return false;
  const step = matchTotp(secret, code, ctx.clock.now(), row.totp_last_step === null ? null : Number(row.totp_last_step));
  if (step === null) return false;
  const updated = await trx
    .updateTable('managers')
    .set({ totp_last_step: step })
    .where('id', '=', row.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

const normalise = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
const hashCode = (pepper: string, managerId: number, code: string) => keyedHash(pepper, `recovery:${managerId}:${normalise(code)}`);

/** Ten new recovery codes (replacing any earlier ones); only keyed hashes are stored. */
export async function issueRecoveryCodes(trx: Db, ctx: Pick<Ctx, 'pepper' | 'clock'>, managerId: number): Promise<string[]> {
  await trx.deleteFrom('manager_recovery_codes').where('manager_id', '=', managerId).execute();
  const codes = Array.from({ length: 10 }, () => {
    const raw = randomString(10).toLowerCase();
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await trx
    .insertInto('manager_recovery_codes')
    .values(codes.map((code) => ({ code_hash: hashCode(ctx.pepper, managerId, code), manager_id: managerId, created_at: ctx.clock.now(), used_at: null })))
    .execute();
  return codes;
}

/** Spends a recovery code: true once per code, false for an unknown or used one. */
export async function spendRecoveryCode(trx: Db, ctx: Pick<Ctx, 'pepper' | 'clock'>, managerId: number, code: string): Promise<boolean> {
  const spent = await trx
    .updateTable('manager_recovery_codes')
    .set({ used_at: ctx.clock.now() })
    .where('code_hash', '=', hashCode(ctx.pepper, managerId, code))
    .where('manager_id', '=', managerId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return spent.numUpdatedRows > 0n;
}
