import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '../db/database.js';
import { FILE_HASH, type FileStorage } from './file-storage.js';

/**
 * Files as rows of `file_blobs`: on PostgreSQL every server sharing the database reads every
 * upload, and a backup of the database holds the documents. Each write is one statement, so
 * there are no temp files to sweep. Writes run outside the caller's transaction (like a file
 * write), on the store's own handle; the sweep removes blobs whose transaction rolled back.
 */
export class DatabaseFileStorage implements FileStorage {
  constructor(private readonly db: Db) {}

  async put(hash: string, bytes: Buffer): Promise<void> {
    checkHash(hash);
    // Stored again: only its time moves, restarting the sweep's grace period (see LocalFileStorage).
    await this.db
      .insertInto('file_blobs')
      .values({ hash, bytes, written_at: Date.now() })
      .onConflict((oc) => oc.column('hash').doUpdateSet((eb) => ({ written_at: eb.ref('excluded.written_at') })))
      .execute();
  }

  async read(hash: string): Promise<Readable | null> {
    checkHash(hash);
    const row = await this.db.selectFrom('file_blobs').select('bytes').where('hash', '=', hash).executeTakeFirst();
    return row ? Readable.from([Buffer.from(row.bytes)]) : null;
  }

  async remove(hash: string): Promise<void> {
    checkHash(hash);
    await this.db.deleteFrom('file_blobs').where('hash', '=', hash).execute();
  }

  async exists(hash: string): Promise<boolean> {
    checkHash(hash);
    return (await this.db.selectFrom('file_blobs').select('hash').where('hash', '=', hash).executeTakeFirst()) !== undefined;
  }

  async probeWrite(): Promise<void> {
    // A row that is not a hash, so no listing ever sees it, written and deleted in one go.
    const probe = `.health.${randomUUID()}`;
    await this.db
      .insertInto('file_blobs')
      .values({ hash: probe, bytes: Buffer.from('ok'), written_at: Date.now() })
      .execute();
    await this.db.deleteFrom('file_blobs').where('hash', '=', probe).execute();
  }

  async sweepTemp(): Promise<number> {
    return 0;
  }

  async listOlderThan(cutoffMs: number): Promise<string[]> {
    const rows = await this.db.selectFrom('file_blobs').select('hash').where('written_at', '<', cutoffMs).execute();
    return rows.map((row) => row.hash).filter((hash) => FILE_HASH.test(hash));
  }

  async removeIfOlderThan(hash: string, cutoffMs: number): Promise<boolean> {
    checkHash(hash);
    const result = await this.db.deleteFrom('file_blobs').where('hash', '=', hash).where('written_at', '<', cutoffMs).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

function checkHash(hash: string): void {
  if (!FILE_HASH.test(hash)) throw new Error('not a file hash');
}
