import { needsRowLocks, type Db } from '../../db/database.js';
import type { Ctx } from '../context.js';
import { sha256Hex } from '../crypto.js';
import type { DecodedUpload } from './decode-upload.js';

export interface StoredFile {
  hash: string;
  mime: string;
  size: number;
}

/**
 * Records and writes a file inside the caller's transaction. The row is claimed before the
 * bytes are written, so a concurrent release of the same hash (which deletes under that row's
 * lock) cannot remove the file this transaction is about to refer to.
 */
export async function storeFile(db: Db, ctx: Ctx, upload: DecodedUpload): Promise<StoredFile> {
  const file = { hash: sha256Hex(upload.bytes), mime: upload.mime, size: upload.bytes.length };
  await db
    .insertInto('stored_files')
    .values({ ...file, created_at: ctx.clock.now() })
    .onConflict((oc) => oc.column('hash').doUpdateSet({ created_at: ctx.clock.now() }))
    .execute();
  await ctx.files.storage.put(file.hash, upload.bytes);
  return file;
}

/**
 * Deletes the files no document or answer refers to any more, inside the caller's transaction
 * (after its own references are gone).
 */
export async function releaseFiles(db: Db, ctx: Ctx, hashes: Iterable<string>): Promise<void> {
  for (const hash of new Set(hashes)) {
    // Lock first, then look: an upload of the same bytes holds this row until it commits, so
    // its document is visible to the check below instead of being deleted from under it.
    if (needsRowLocks(db)) await db.selectFrom('stored_files').select('hash').where('hash', '=', hash).forUpdate().execute();
    const [document, answer] = await Promise.all([
      db.selectFrom('documents').select('id').where('file_hash', '=', hash).executeTakeFirst(),
      db.selectFrom('answer_files').select('file_hash').where('file_hash', '=', hash).executeTakeFirst(),
    ]);
    if (document || answer) continue;
    await db.deleteFrom('stored_files').where('hash', '=', hash).execute();
    await ctx.files.storage.remove(hash);
  }
}

export async function findStoredFiles(db: Db, hashes: string[]): Promise<Map<string, StoredFile>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.selectFrom('stored_files').select(['hash', 'mime', 'size']).where('hash', 'in', [...new Set(hashes)]).execute();
  return new Map(rows.map((row) => [row.hash, row]));
}
