import { needsRowLocks, type Db } from '../../db/database.js';
import type { Ctx } from '../context.js';
import { sha256Hex } from '../crypto.js';
import { fileIdOf, isSealedFile, openFile, sealFile } from '../privacy/codec.js';
import { dataKey, findDataKey } from '../privacy/company-keys.js';
import { readBytes } from '../../storage/file-storage.js';
import type { DecodedUpload } from './decode-upload.js';

export interface StoredFile {
  /** The file's id (named `hash` on the wire and in the tables): a keyed hash, per company. */
  hash: string;
  mime: string;
  size: number;
}

/**
 * The id a company's file gets: its SHA-256 keyed with the company's key. Equal files of one
 * company share it (stored once); another company's copy has an unrelated id and blob.
 */
export async function fileIdFor(db: Db, ctx: Pick<Ctx, 'keys' | 'clock'>, companyId: string): Promise<(bytes: Buffer) => string> {
  const key = await dataKey(db, ctx.keys, companyId, ctx.clock.now());
  return (bytes) => fileIdOf(key, sha256Hex(bytes));
}

/**
 * Records and writes a company's file, encrypted with its key, inside the caller's transaction.
 * The row is claimed before the bytes are written, so a concurrent release of the same id
 * (which deletes under that row's lock) cannot remove the file this transaction refers to.
 */
export async function storeFile(db: Db, ctx: Ctx, companyId: string, upload: DecodedUpload): Promise<StoredFile> {
  const key = await dataKey(db, ctx.keys, companyId, ctx.clock.now());
  const file = { hash: fileIdOf(key, sha256Hex(upload.bytes)), mime: upload.mime, size: upload.bytes.length };
  await db
    .insertInto('stored_files')
    .values({ ...file, company_id: companyId, created_at: ctx.clock.now() })
    .onConflict((oc) => oc.column('hash').doUpdateSet({ created_at: ctx.clock.now() }))
    .execute();
  await ctx.files.storage.put(file.hash, sealFile(key, companyId, file.hash, upload.bytes));
  return file;
}

/**
 * A stored file's bytes, decrypted; null when it does not exist or its company's key was
 * erased. Files stored before encryption (no company) are returned as they are.
 */
export async function readStoredFile(ctx: Ctx, id: string): Promise<Buffer | null> {
  const row = await ctx.db.selectFrom('stored_files').select(['hash', 'company_id']).where('hash', '=', id).executeTakeFirst();
  if (!row) return null;
  const blob = await readBytes(ctx.files.storage, id);
  if (!blob) return null;
  if (row.company_id === null) return blob;
  const key = await findDataKey(ctx.db, ctx.keys, row.company_id);
  if (!key || !isSealedFile(blob)) return null;
  return openFile(key, row.company_id, id, blob);
}

/**
 * Deletes the files no document, answer or register check refers to any more, inside the caller's transaction
 * (after its own references are gone).
 */
export async function releaseFiles(db: Db, ctx: Ctx, hashes: Iterable<string>): Promise<void> {
  for (const hash of new Set(hashes)) {
    // Lock first, then look: an upload of the same bytes holds this row until it commits, so
    // its document is visible to the check below instead of being deleted from under it.
    if (needsRowLocks(db)) await db.selectFrom('stored_files').select('hash').where('hash', '=', hash).forUpdate().execute();
    const [document, answer, register] = await Promise.all([
      db.selectFrom('documents').select('id').where('file_hash', '=', hash).executeTakeFirst(),
      db.selectFrom('answer_files').select('file_hash').where('file_hash', '=', hash).executeTakeFirst(),
      db
        .selectFrom('company_register_checks')
        .select('id')
        .where((eb) => eb.or([eb('data_file_hash', '=', hash), eb('report_file_hash', '=', hash)]))
        .executeTakeFirst(),
    ]);
    if (document || answer || register) continue;
    await db.deleteFrom('stored_files').where('hash', '=', hash).execute();
    await ctx.files.storage.remove(hash);
  }
}

export async function findStoredFiles(db: Db, hashes: string[]): Promise<Map<string, StoredFile>> {
  if (hashes.length === 0) return new Map();
  const rows = await db
    .selectFrom('stored_files')
    .select(['hash', 'mime', 'size'])
    .where('hash', 'in', [...new Set(hashes)])
    .execute();
  return new Map(rows.map((row) => [row.hash, row]));
}
