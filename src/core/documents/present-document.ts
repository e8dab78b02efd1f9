import type { Db } from '../../db/database.js';
import type { DocumentRow } from '../../db/tables.js';
import type { KybFormDocument } from '../../schemas/document.js';
import type { Ctx } from '../context.js';
import { findStoredFiles } from '../files/stored-files.js';
import { signedFileUrl } from '../files/signed-url.js';
import { openNullable } from '../privacy/seal.js';

/** Documents with a signed, expiring link each (one lookup for all their files). */
export async function presentDocuments(db: Db, ctx: Ctx, rows: DocumentRow[]): Promise<KybFormDocument[]> {
  const files = await findStoredFiles(
    db,
    rows.map((r) => r.file_hash),
  );
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    filename: row.filename,
    file: signedFileUrl(ctx, {
      hash: row.file_hash,
      mime: files.get(row.file_hash)?.mime ?? 'application/octet-stream',
      filename: row.filename,
      documentId: row.id,
    }),
  }));
}

/** Document rows as loaded, with their file names opened. */
export async function openDocumentRows(db: Db, ctx: Pick<Ctx, 'keys'>, rows: DocumentRow[]): Promise<DocumentRow[]> {
  return Promise.all(rows.map(async (row) => ({ ...row, filename: await openNullable(db, ctx, row.company_id, row.filename) })));
}

/** A company's documents, the company's and its beneficiaries', oldest first, file names opened. */
export async function loadDocumentRows(db: Db, ctx: Pick<Ctx, 'keys'>, companyId: string): Promise<DocumentRow[]> {
  const rows = await db.selectFrom('documents').selectAll().where('company_id', '=', companyId).orderBy('created_at').orderBy('id').execute();
  return openDocumentRows(db, ctx, rows);
}
