import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase, testConfig } from '../../test/harness.js';
import { startS3Server } from '../../test/s3-server.js';
import { sha256Hex } from '../core/crypto.js';
import { sweepFiles } from '../core/files/sweep-files.js';
import type { DatabaseHandle } from '../db/database.js';
import { FILE_STORES } from '../config.js';
import { readBytes, type FileStorage } from './file-storage.js';
import { localFilesRoot, openStorage, type FileStoreName } from './open-storage.js';

const HOUR_MS = 3600_000;

interface StoreUnderTest {
  storage: FileStorage;
  /** Makes a stored file look last written `ageMs` ago. */
  backdate(hash: string, ageMs: number): Promise<void>;
  /** Leaves what an interrupted write leaves, if this store can have such a thing; its count. */
  plantTemp(hash: string, ageMs: number): number;
  close?(): Promise<void>;
}

async function storeUnderTest(name: FileStoreName, dataDir: string, database: DatabaseHandle): Promise<StoreUnderTest> {
  if (name === 's3') {
    // An S3-compatible server on 127.0.0.1 (test/s3-server.ts), listing in pages of two so the
    // continuation is exercised; it refuses unsigned requests and bodies whose hash is wrong.
    const s3 = await startS3Server({ pageSize: 2 });
    return {
      storage: openStorage(testConfig(dataDir, { fileStore: 's3', s3: s3.settings }), database.db),
      backdate: async (hash, ageMs) => s3.backdate(`files/${hash}`, ageMs),
      // A PUT stores an object whole or not at all.
      plantTemp: () => 0,
      close: async () => {
        expect(s3.refused).toBe(0);
        await s3.close();
      },
    };
  }
  const config = testConfig(dataDir, { fileStore: name });
  const storage = openStorage(config, database.db);
  const root = localFilesRoot(config);
  const dirOf = (hash: string) => path.join(root, hash.slice(0, 2), hash.slice(2, 4));
  if (name === 'local') {
    return {
      storage,
      backdate: async (hash, ageMs) => {
        const at = new Date(Date.now() - ageMs);
        utimesSync(path.join(dirOf(hash), hash), at, at);
      },
      plantTemp: (hash, ageMs) => {
        mkdirSync(dirOf(hash), { recursive: true });
        const file = path.join(dirOf(hash), `.${hash}.1234.tmp`);
        writeFileSync(file, 'x');
        const at = new Date(Date.now() - ageMs);
        utimesSync(file, at, at);
        return 1;
      },
    };
  }
  return {
    storage,
    backdate: async (hash, ageMs) => {
      await database.db
        .updateTable('file_blobs')
        .set({ written_at: Date.now() - ageMs })
        .where('hash', '=', hash)
        .execute();
    },
    // Each write is one statement: nothing is left half-written.
    plantTemp: () => 0,
  };
}

const text = async (storage: FileStorage, hash: string) => (await readBytes(storage, hash))?.toString() ?? null;

const hashOf = (value: string) => sha256Hex(Buffer.from(value));

for (const dialect of DIALECTS) {
  for (const name of FILE_STORES) {
    describe(`the ${name} file store [${dialect}]`, () => {
      let opened: Awaited<ReturnType<typeof openTestDatabase>>;
      let store: StoreUnderTest;
      beforeAll(async () => {
        opened = await openTestDatabase(dialect);
        store = await storeUnderTest(name, opened.dataDir, opened.handle);
      });
      afterAll(async () => {
        await store.close?.();
        await opened.cleanup();
      });

      it('reads back what it stored, and answers null and false for a file it never stored', async () => {
        const hash = hashOf('stored');
        await store.storage.put(hash, Buffer.from('stored'));
        expect(await text(store.storage, hash)).toBe('stored');
        expect(await store.storage.exists(hash)).toBe(true);
        expect(await text(store.storage, hashOf('never'))).toBeNull();
        expect(await store.storage.exists(hashOf('never'))).toBe(false);
      });

      it('keeps the first bytes when a hash is stored again, and restarts its grace period', async () => {
        const hash = hashOf('first');
        await store.storage.put(hash, Buffer.from('first'));
        await store.backdate(hash, 2 * HOUR_MS);
        expect(await store.storage.listOlderThan(Date.now() - HOUR_MS)).toContain(hash);
        await store.storage.put(hash, Buffer.from('other bytes under the same name'));
        expect(await text(store.storage, hash)).toBe('first');
        expect(await store.storage.listOlderThan(Date.now() - HOUR_MS)).not.toContain(hash);
        expect(await store.storage.removeIfOlderThan(hash, Date.now() - HOUR_MS)).toBe(false);
        expect(await store.storage.exists(hash)).toBe(true);
      });

      it('removes a file only when it is older than the cutoff, and says whether it did', async () => {
        const [old, fresh] = [hashOf('old'), hashOf('fresh')];
        await store.storage.put(old, Buffer.from('old'));
        await store.storage.put(fresh, Buffer.from('fresh'));
        await store.backdate(old, 2 * HOUR_MS);
        const listed = await store.storage.listOlderThan(Date.now() - HOUR_MS);
        expect(listed).toContain(old);
        expect(listed).not.toContain(fresh);
        expect(await store.storage.removeIfOlderThan(old, Date.now() - HOUR_MS)).toBe(true);
        expect(await store.storage.removeIfOlderThan(old, Date.now() - HOUR_MS)).toBe(false);
        expect(await store.storage.removeIfOlderThan(fresh, Date.now() - HOUR_MS)).toBe(false);
        expect([await store.storage.exists(old), await store.storage.exists(fresh)]).toEqual([false, true]);
        await store.storage.remove(fresh);
        expect(await store.storage.exists(fresh)).toBe(false);
      });

      it('sweeps stale leftovers of interrupted writes and files no row records, keeping fresh ones', async () => {
        const [orphan, young] = [hashOf('orphan'), hashOf('young orphan')];
        const planted = store.plantTemp(hashOf('interrupted'), 2 * HOUR_MS);
        store.plantTemp(hashOf('interrupted just now'), 60_000);
        await store.storage.put(orphan, Buffer.from('orphan'));
        await store.storage.put(young, Buffer.from('young orphan'));
        await store.backdate(orphan, 2 * HOUR_MS);
        const swept = await sweepFiles({ db: opened.handle.db, storage: store.storage, now: Date.now() });
        expect(swept.tempFiles).toBe(planted);
        expect(swept.unreferencedFiles).toBeGreaterThanOrEqual(1);
        expect([await store.storage.exists(orphan), await store.storage.exists(young)]).toEqual([false, true]);
        expect(await store.storage.sweepTemp(Date.now() - HOUR_MS)).toBe(0);
      });

      it('probes a write without leaving anything a listing or the sweep could see', async () => {
        await store.storage.sweepTemp(Date.now() + HOUR_MS);
        const before = await store.storage.listOlderThan(Date.now() + HOUR_MS);
        await store.storage.probeWrite();
        expect(await store.storage.listOlderThan(Date.now() + HOUR_MS)).toEqual(before);
        expect(await store.storage.sweepTemp(Date.now() + HOUR_MS)).toBe(0);
      });

      it('refuses a name that is not a file hash', async () => {
        await expect(store.storage.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow('not a file hash');
        await expect(store.storage.remove('A'.repeat(64))).rejects.toThrow('not a file hash');
      });
    });
  }
}
