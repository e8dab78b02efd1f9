import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { dialectOf, type Db } from '../../db/database.js';
import type { Dataset, DatasetId, ReadState } from './dataset.js';
import { fileSize, hashFile, RegistryImportError, type ByteCounter } from './read-file.js';

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface RegistryImportResult {
  dataset: DatasetId;
  importId: string;
  sha256: string;
  rowCount: number;
  skipped: number;
  publishedAt: string | null;
  previous: { sha256: string; rowCount: number } | null;
  /** This exact file is already the live version: nothing changed. */
  isUnchanged: boolean;
}

const BATCH_ROWS = 2000;
const STATEMENT_ROWS = 500;
const TABLES = ['registry_companies', 'registry_persons', 'registry_relationships'] as const;

/**
 * Imports one version of an open-data register, streaming the file (memory holds one batch).
 * Rows are staged under an import that is not live, in batches of their own transactions, so
 * the server keeps writing meanwhile; the new version replaces the old in one transaction; the
 * old rows are deleted afterwards. A file that is unreadable, malformed or truncated anywhere is
 * refused and its staged rows deleted: the live version stays. So is a file with fewer than
 * half the rows of the live version (a file cut at a line end), unless forced.
 */
export async function importDataset(input: {
  db: Db;
  dataset: Dataset;
  path: string;
  now: number;
  force?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}): Promise<RegistryImportResult> {
  const { db, dataset, path } = input;
  const totalBytes = await fileSize(dataset.id, path);
  const sha256 = await hashFile(path);
  const live = await db.selectFrom('registry_imports').selectAll().where('dataset', '=', dataset.id).where('is_live', '=', 1).executeTakeFirst();
  const previous = live ? { sha256: live.sha256, rowCount: Number(live.row_count) } : null;
  const base = { dataset: dataset.id, sha256, previous };
  if (live?.sha256 === sha256)
    return { ...base, importId: live.id, rowCount: previous!.rowCount, skipped: 0, publishedAt: live.published_at, isUnchanged: true };

  const importId = await openStagedImport(db, { dataset: dataset.id, path, sha256, now: input.now });

  const state: ReadState = { publishedAt: null, skipped: 0 };
  let rowCount = 0;
  let writing: Promise<void> = Promise.resolve();
  try {
    const counter: ByteCounter = { bytes: 0 };
    let batch: Record<string, unknown>[] = [];
    // One batch is written while the next is parsed (PostgreSQL answers over the network;
    // SQLite writes synchronously, so there it changes nothing).
    const flush = async () => {
      const rows = batch.map((row) => ({ ...row, import_id: importId }));
      batch = [];
      await writing;
      const done = rowCount;
      writing = db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += STATEMENT_ROWS) {
          // The rows come from the dataset's own reader, typed for its table (dataset.ts).
          await trx
            .insertInto(dataset.table)
            .values(rows.slice(i, i + STATEMENT_ROWS) as never)
            .execute();
        }
        input.onProgress?.({ rows: done, bytes: counter.bytes, totalBytes });
      });
      // A failed write surfaces at the next flush or at the end; never as an unhandled rejection.
      writing.catch(() => {});
    };
    for await (const row of dataset.read(path, counter, state)) {
      batch.push(row as Record<string, unknown>);
      rowCount += 1;
      if (batch.length >= BATCH_ROWS) await flush();
    }
    if (batch.length > 0) await flush();
    await writing;
    if (rowCount === 0) throw new Error('it holds no record');
    if (state.isComplete === false && !input.force)
      throw new Error('the file lacks its closing totals line, so it may be truncated; import with --force if it is right');
    if (previous && !input.force && rowCount < previous.rowCount / 2) {
      throw new Error(
        `it has ${rowCount} rows, fewer than half of the live version's ${previous.rowCount}; it may be truncated. Import with --force if it is right`,
      );
    }
  } catch (error) {
    // The batch still being written must land before its rows are deleted, or it would outlive them.
    await writing.catch(() => {});
    await discardStaged(db, dataset.id);
    if (error instanceof RegistryImportError) throw error;
    throw new RegistryImportError(dataset.id, path, (error as Error).message, { cause: error });
  }

  await db.transaction().execute(async (trx) => {
    await trx.updateTable('registry_imports').set({ is_live: 0 }).where('dataset', '=', dataset.id).where('is_live', '=', 1).execute();
    await trx.updateTable('registry_imports').set({ is_live: 1, row_count: rowCount, published_at: state.publishedAt }).where('id', '=', importId).execute();
  });
  if (live) await deleteRows(db, live.id);
  // PostgreSQL plans with the statistics it had before millions of rows arrived; refresh them.
  if (dialectOf(db) === 'postgres') await sql`analyze ${sql.table(dataset.table)}`.execute(db);
  return { ...base, importId, rowCount, skipped: state.skipped, publishedAt: state.publishedAt, isUnchanged: false };
}

/** Opens a new import of the file, not live until all its rows are staged, after clearing what a refused one left. */
async function openStagedImport(db: Db, file: { dataset: DatasetId; path: string; sha256: string; now: number }): Promise<string> {
  await discardStaged(db, file.dataset);
  const id = randomUUID();
  const fileName = file.path.split(/[\\/]/).pop() ?? file.path;
  const entry = { id, dataset: file.dataset, sha256: file.sha256, file_name: fileName, row_count: 0, published_at: null, imported_at: file.now, is_live: 0 };
  await db.insertInto('registry_imports').values(entry).execute();
  return id;
}

/** Removes what an import that never went live left behind (refused, or its process killed). */
async function discardStaged(db: Db, dataset: DatasetId): Promise<void> {
  const staged = await db.selectFrom('registry_imports').select('id').where('dataset', '=', dataset).where('is_live', '=', 0).execute();
  for (const { id } of staged) await deleteRows(db, id);
  // An import that never went live has no row count; a replaced one keeps its entry as history.
  await db.deleteFrom('registry_imports').where('dataset', '=', dataset).where('is_live', '=', 0).where('row_count', '=', 0).execute();
}

/** Deletes an import's rows in batches of their own transactions (millions of rows). */
async function deleteRows(db: Db, importId: string): Promise<void> {
  for (const table of TABLES) {
    for (;;) {
      const ids = db.selectFrom(table).select('id').where('import_id', '=', importId).limit(10_000);
      const result = await db.deleteFrom(table).where('id', 'in', ids).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) break;
    }
  }
}
