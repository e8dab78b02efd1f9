import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { api } from '../../../test/api.js';
import { base64, pdfDocument } from '../../../test/files.js';
import { describeEachDialect, type Harness } from '../../../test/harness.js';
import { startSession } from '../../../test/kyb.js';
import { startFileSweeper } from '../../jobs/file-sweeper.js';
import { createLogger } from '../../logger.js';
import { sha256Hex } from '../crypto.js';
import { FILE_SWEEP_GRACE_MS, sweepFiles } from './sweep-files.js';

const HOUR_MS = 3600_000;
const filesRoot = (h: Harness) => path.join(h.config.dataDir, 'files');
const pathOf = (h: Harness, hash: string) => path.join(filesRoot(h), hash.slice(0, 2), hash.slice(2, 4), hash);

/** A file in the store, last modified `ageMs` ago (real time: the file system's clock). */
function plant(file: string, ageMs: number): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'x');
  const at = new Date(Date.now() - ageMs);
  utimesSync(file, at, at);
  return file;
}

describeEachDialect('the file store sweep', (h) => {
  it('removes stale temp files and stale files no row records, and keeps everything else', async () => {
    const s = await startSession(h(), { flow: null });
    const pdf = pdfDocument('kept');
    expect((await api(h()).call('POST', `/kyb/forms/${s.companyId}/documents/`, s.bearer, { type: 'OTHER', file: base64(pdf) })).status).toBe(201);
    // Files are stored under a per-company id (see core/privacy), not the content's SHA-256.
    const { file_hash: keptId } = await h()
      .database.db.selectFrom('documents')
      .select('file_hash')
      .where('company_id', '=', s.companyId)
      .executeTakeFirstOrThrow();
    const kept = pathOf(h(), keptId);
    const old = new Date(Date.now() - 2 * HOUR_MS);
    utimesSync(kept, old, old);

    const orphan = sha256Hex(Buffer.from('orphan'));
    const fresh = sha256Hex(Buffer.from('fresh'));
    const staleTemp = plant(path.join(path.dirname(pathOf(h(), orphan)), `.${orphan}.1234.tmp`), 2 * HOUR_MS);
    const freshTemp = plant(path.join(path.dirname(pathOf(h(), fresh)), `.${fresh}.5678.tmp`), 60_000);
    const staleOrphan = plant(pathOf(h(), orphan), 2 * HOUR_MS);
    const freshOrphan = plant(pathOf(h(), fresh), 60_000);

    expect(await sweepFiles({ db: h().database.db, storage: h().ctx.files.storage, now: Date.now() })).toEqual({ tempFiles: 1, unreferencedFiles: 1 });
    expect([staleTemp, staleOrphan].map(existsSync)).toEqual([false, false]);
    expect([freshTemp, freshOrphan, kept].map(existsSync)).toEqual([true, true, true]);
    expect(FILE_SWEEP_GRACE_MS).toBe(HOUR_MS);
  });

  it('restarts the grace period of a file stored again, so an upload in flight keeps its file', async () => {
    const bytes = Buffer.from('uploaded again while its old copy looked orphaned');
    const hash = sha256Hex(bytes);
    plant(pathOf(h(), hash), 2 * HOUR_MS);
    await h().ctx.files.storage.put(hash, bytes);
    expect(await sweepFiles({ db: h().database.db, storage: h().ctx.files.storage, now: Date.now() })).toEqual({ tempFiles: 0, unreferencedFiles: 0 });
    expect(existsSync(pathOf(h(), hash))).toBe(true);
  });

  it('sweeps at start-up and logs only the counts', async () => {
    const hash = sha256Hex(Buffer.from('left by a crash'));
    plant(path.join(path.dirname(pathOf(h(), hash)), `.${hash}.9.tmp`), 2 * HOUR_MS);
    const logs: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk, _enc, done) {
          logs.push(String(chunk));
          done();
        },
      }),
    );
    const sweeper = startFileSweeper({ database: h().database, storage: h().ctx.files.storage, clock: { now: () => Date.now() }, logger });
    await sweeper.stop();
    expect(logs).toHaveLength(1);
    expect(JSON.parse(logs[0]!)).toMatchObject({ level: 30, msg: 'file store swept', tempFiles: 1, unreferencedFiles: 0 });
    expect(logs[0]).not.toContain(hash);
  });
});
