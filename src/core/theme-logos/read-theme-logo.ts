import type { Ctx } from '../context.js';
import { readBytes } from '../../storage/file-storage.js';

/**
 * A theme logo's bytes and type by its id, for anyone (the hosted form shows it before any
 * sign-in). Only files uploaded as logos are served here; null for any other id.
 */
export async function readThemeLogo({ ctx, hash }: { ctx: Ctx; hash: string }): Promise<{ bytes: Buffer; mime: string } | null> {
  const logo = await ctx.db.selectFrom('theme_logos').select('mime').where('hash', '=', hash).limit(1).executeTakeFirst();
  if (!logo) return null;
  const bytes = await readBytes(ctx.files.storage, hash);
  return bytes ? { bytes, mime: logo.mime } : null;
}
