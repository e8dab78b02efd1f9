import { randomUUID } from 'node:crypto';
import { dialectOf, type Db } from '../../db/database.js';
import type { Dataset, DatasetId, ReadState } from './dataset.js';
import { appendRows, createImportTable, dropImportTable, importTableName, indexImportTable } from './import-table.js';
import { fileSize, hashFile, RegistryImportError, type ByteCounter } from './read-file.js';
import { readBatches } from './read-rows.js';

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
  /** Every row is in; the indexes are being built (a minute or two at millions of rows). */
  isIndexing?: boolean;
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

/** Rows parsed and written per transaction: the table has no index yet, so a batch is a short append. */
const BATCH_ROWS = 10_000;
const TABLES = ['registry_companies', 'registry_persons', 'registry_relationships'] as const;
/** How long a replaced version's table outlives the switch: a reader that saw it live finishes its query first. */
const REPLACED_GRACE_MS = 5_000;

/**
 * Imports one version of an open-data register, streaming the file (memory holds one batch).
 * Rows are appended to a table of the import's own, without indexes, in batches of their own
 * transactions, so the server keeps writing meanwhile; the table is indexed once its rows are in
 * (a sort per index, not millions of random inserts); the new version replaces the old in one
 * transaction; the old version's table is dropped a few seconds later. A file that is
 * unreadable, malformed or truncated anywhere is refused and its table dropped: the live
 * version stays. So is a file with fewer than half the rows of the live version (a file cut at
 * a line end), unless forced.
 */
export async function importDataset(input: {
  db: Db;
  dataset: Dataset;
  path: string;
  now: number;
  force?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per transaction (tests use a few, to watch an import between its batches). */
  batchRows?: number;
  /** How long the replaced version stays readable after the switch (tests: 0). */
  replacedGraceMs?: number;
}): Promise<RegistryImportResult> {
  const { db, dataset, path } = input;
  const batchRows = input.batchRows ?? BATCH_ROWS;
  const totalBytes = await fileSize(dataset.id, path);
  const sha256 = await hashFile(path);
  const live = await db.selectFrom('registry_imports').selectAll().where('dataset', '=', dataset.id).where('is_live', '=', 1).executeTakeFirst();
  const previous = live ? { sha256: live.sha256, rowCount: Number(live.row_count) } : null;
  const base = { dataset: dataset.id, sha256, previous };
  if (live?.sha256 === sha256)
    return { ...base, importId: live.id, rowCount: previous!.rowCount, skipped: 0, publishedAt: live.published_at, isUnchanged: true };

  const { importId, table } = await openStagedImport(db, { dataset, path, sha256, now: input.now });

  const state: ReadState = { publishedAt: null, skipped: 0 };
  let rowCount = 0;
  let writing: Promise<void> = Promise.resolve();
  try {
    const counter: ByteCounter = { bytes: 0 };
    // One batch is written while the next is parsed (in a thread of its own: read-rows.ts).
    for await (const rows of readBatches(dataset, path, counter, state, { batchRows, dialect: dialectOf(db) })) {
      await writing;
      rowCount += rows.count;
      const done = rowCount;
      writing = db.transaction().execute(async (trx) => {
        await appendRows(trx, dataset.table, table, rows);
        input.onProgress?.({ rows: done, bytes: counter.bytes, totalBytes });
      });
      // A failed write surfaces at the next batch or at the end; never as an unhandled rejection.
      writing.catch(() => {});
    }
    await writing;
    if (rowCount === 0) throw new Error('it holds no record');
    if (state.isComplete === false && !input.force)
      throw new Error('the file lacks its closing totals line, so it may be truncated; import with --force if it is right');
    if (previous && !input.force && rowCount < previous.rowCount / 2) {
      throw new Error(
        `it has ${rowCount} rows, fewer than half of the live version's ${previous.rowCount}; it may be truncated. Import with --force if it is right`,
      );
    }
    input.onProgress?.({ rows: rowCount, bytes: counter.bytes, totalBytes, isIndexing: true });
    await indexImportTable(db, dataset.table, table);
  } catch (error) {
    // The batch still being written must land before its table is dropped.
    await writing.catch(() => {});
    await discardStaged(db, dataset.id);
    if (error instanceof RegistryImportError) throw error;
    throw new RegistryImportError(dataset.id, path, (error as Error).message, { cause: error });
  }

  await db.transaction().execute(async (trx) => {
    await trx.updateTable('registry_imports').set({ is_live: 0 }).where('dataset', '=', dataset.id).where('is_live', '=', 1).execute();
    await trx.updateTable('registry_imports').set({ is_live: 1, row_count: rowCount, published_at: state.publishedAt }).where('id', '=', importId).execute();
  });
  if (live) {
    const graceMs = input.replacedGraceMs ?? REPLACED_GRACE_MS;
    if (graceMs > 0) await new Promise((resolve) => setTimeout(resolve, graceMs));
    await removeRows(db, live);
  }
  return { ...base, importId, rowCount, skipped: state.skipped, publishedAt: state.publishedAt, isUnchanged: false };
}

/**
 * Opens a new import of the file, not live until its rows are in and indexed, after clearing
 * what a refused or killed one left. The import is recorded before its table is created, so a
 * table is never left without an entry that names it.
 */
async function openStagedImport(db: Db, file: { dataset: Dataset; path: string; sha256: string; now: number }): Promise<{ importId: string; table: string }> {
  await discardStaged(db, file.dataset.id);
  const id = randomUUID();
  const table = importTableName(file.dataset.table, id);
  const fileName = file.path.split(/[\\/]/).pop() ?? file.path;
  const entry = {
    id,
    dataset: file.dataset.id,
    sha256: file.sha256,
    file_name: fileName,
    row_count: 0,
    published_at: null,
    imported_at: file.now,
    is_live: 0,
    rows_table: table,
  };
  await db.insertInto('registry_imports').values(entry).execute();
  await createImportTable(db, file.dataset.table, table);
  return { importId: id, table };
}

/** Removes what imports that are not live left behind (refused, killed, or replaced during the grace). */
async function discardStaged(db: Db, dataset: DatasetId): Promise<void> {
  const staged = await db.selectFrom('registry_imports').select(['id', 'rows_table']).where('dataset', '=', dataset).where('is_live', '=', 0).execute();
  for (const entry of staged) await removeRows(db, entry);
  // An import that never went live has no row count; a replaced one keeps its entry as history.
  await db.deleteFrom('registry_imports').where('dataset', '=', dataset).where('is_live', '=', 0).where('row_count', '=', 0).execute();
}

/** An import's rows: its own table dropped, or (made before 20261130T0100) its rows deleted from the common tables. */
async function removeRows(db: Db, entry: { id: string; rows_table: string | null }): Promise<void> {
  if (entry.rows_table) await dropImportTable(db, entry.rows_table);
  else await deleteRows(db, entry.id);
}

/** Deletes an import's rows from the common tables in batches of their own transactions (millions of rows). */
async function deleteRows(db: Db, importId: string): Promise<void> {
  for (const table of TABLES) {
    for (;;) {
      const ids = db.selectFrom(table).select('id').where('import_id', '=', importId).limit(10_000);
      const result = await db.deleteFrom(table).where('id', 'in', ids).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) break;
    }
  }
}
