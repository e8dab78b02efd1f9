import type { Db } from '../../db/database.js';
import type { Ctx } from '../context.js';
import { isSealedText, openText, sealText } from './codec.js';
import { dataKey, findDataKey, MissingKeyError } from './company-keys.js';

/**
 * The one place personal data is sealed and opened: the row <-> domain mappers call these with
 * the handle they work on (a transaction or the database) and the company the data belongs to.
 */
type KeyCtx = Pick<Ctx, 'keys' | 'clock'>;

export async function sealForCompany(db: Db, ctx: KeyCtx, companyId: string, plaintext: string): Promise<string> {
  return sealText(await dataKey(db, ctx.keys, companyId, ctx.clock.now()), companyId, plaintext);
}

/**
 * Opens a sealed value. A value without the version prefix was stored before encryption and is
 * returned as it is (see docs/security.md, "Existing data").
 */
export async function openForCompany(db: Db, ctx: Pick<Ctx, 'keys'>, companyId: string, stored: string): Promise<string> {
  if (!isSealedText(stored)) return stored;
  const key = await findDataKey(db, ctx.keys, companyId);
  if (!key) throw new MissingKeyError(companyId, 'its key was erased; its data cannot be read');
  return openText(key, companyId, stored);
}

export async function sealNullable(db: Db, ctx: KeyCtx, companyId: string, plaintext: string | null): Promise<string | null> {
  return plaintext === null ? null : sealForCompany(db, ctx, companyId, plaintext);
}

export async function openNullable(db: Db, ctx: Pick<Ctx, 'keys'>, companyId: string, stored: string | null): Promise<string | null> {
  return stored === null ? null : openForCompany(db, ctx, companyId, stored);
}
