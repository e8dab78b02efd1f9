import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { api } from '../../../test/api.js';
import { base64, pdfDocument } from '../../../test/files.js';
import { describeEachDialect } from '../../../test/harness.js';
import { startSession } from '../../../test/kyb.js';
import { runCli } from '../../../test/process.js';
import { startS3Server } from '../../../test/s3-server.js';
import { openStorage } from '../../storage/open-storage.js';
import { migrateFiles } from './migrate-files.js';
import { readStoredFile } from './stored-files.js';

describeEachDialect('moving documents between file stores', (h) => {
  it('copies every recorded file once, skips what is already there on a second run, and reports files missing in the source', async () => {
    const s = await startSession(h(), { flow: null });
    const pdfs = [pdfDocument('first'), pdfDocument('second')];
    for (const pdf of pdfs) {
      expect((await api(h()).call('POST', `/kyb/forms/${s.companyId}/documents/`, s.bearer, { type: 'OTHER', file: base64(pdf) })).status).toBe(201);
    }
    const ids = (await h().database.db.selectFrom('documents').select('file_hash').where('company_id', '=', s.companyId).execute()).map((r) => r.file_hash);
    expect(ids).toHaveLength(2);
    const local = openStorage(h().config, h().database.db, 'local');
    const database = openStorage(h().config, h().database.db, 'database');

    const progress: Array<[number, number]> = [];
    const first = await migrateFiles({ db: h().database.db, from: local, to: database, onProgress: (done, total) => progress.push([done, total]) });
    expect(first).toEqual({ total: 2, copied: 2, alreadyThere: 0, missing: [] });
    expect(progress.at(-1)).toEqual([2, 2]);

    // Read through the database store, as a second server would: the same document, decrypted.
    const viaDatabase = { ...h().ctx, files: { ...h().ctx.files, storage: database } };
    for (const [i, id] of ids.entries()) expect(await readStoredFile(viaDatabase, id)).toEqual(pdfs[i]);

    // Interrupted or repeated: nothing is copied twice. A file lost from both stores is named.
    await database.remove(ids[1]!);
    await local.remove(ids[1]!);
    expect(await migrateFiles({ db: h().database.db, from: local, to: database })).toEqual({ total: 2, copied: 0, alreadyThere: 1, missing: [ids[1]] });
  });

  it('moves documents into an S3 bucket and out of it again, readable through each store', async () => {
    const s = await startSession(h(), { flow: null });
    const pdf = pdfDocument('to the bucket');
    expect((await api(h()).call('POST', `/kyb/forms/${s.companyId}/documents/`, s.bearer, { type: 'OTHER', file: base64(pdf) })).status).toBe(201);
    const [id] = (await h().database.db.selectFrom('documents').select('file_hash').where('company_id', '=', s.companyId).execute()).map((r) => r.file_hash);
    const s3 = await startS3Server();
    try {
      const config = { ...h().config, s3: s3.settings };
      const local = openStorage(config, h().database.db, 'local');
      const bucket = openStorage(config, h().database.db, 's3');
      const database = openStorage(config, h().database.db, 'database');
      // Earlier tests of this database may have lost files on purpose: those are named, not copied.
      const toBucket = await migrateFiles({ db: h().database.db, from: local, to: bucket });
      expect(toBucket.missing).not.toContain(id);
      expect(toBucket.copied).toBe(toBucket.total - toBucket.missing.length);
      expect(s3.objects.has(`files/${id}`)).toBe(true);
      const viaBucket = { ...h().ctx, files: { ...h().ctx.files, storage: bucket } };
      expect(await readStoredFile(viaBucket, id!)).toEqual(pdf);
      // The stored object is the sealed file, never the document in clear.
      expect(s3.objects.get(`files/${id}`)!.bytes.includes(pdf)).toBe(false);

      await database.remove(id!);
      expect(await migrateFiles({ db: h().database.db, from: bucket, to: database })).toMatchObject({ missing: toBucket.missing });
      expect(await database.exists(id!)).toBe(true);
      const viaDatabase = { ...h().ctx, files: { ...h().ctx.files, storage: database } };
      expect(await readStoredFile(viaDatabase, id!)).toEqual(pdf);
      expect(s3.refused).toBe(0);
    } finally {
      await s3.close();
    }
  });
});

it('`openkyb files migrate` prints its summary and refuses a store it does not know', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-files-'));
  try {
    const env = { OPENKYB_DATA_DIR: dataDir, OPENKYB_SECRET: '', DATABASE_URL: '', OPENKYB_FILE_STORE: '' };
    const first = await runCli(['files', 'migrate', '--to', 'database'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Files from local to database: 0 recorded, 0 copied, 0 already there, 0 missing.');
    expect(first.stdout).toContain('set OPENKYB_FILE_STORE=database to switch');
    const wrong = await runCli(['files', 'migrate', '--to', 's4'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('files migrate needs --to local|database|s3');
    const unset = await runCli(['files', 'migrate', '--to', 's3'], env);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('the s3 file store needs OPENKYB_S3_BUCKET');
    const s3 = await startS3Server();
    try {
      const toBucket = await runCli(['files', 'migrate', '--to', 's3'], {
        ...env,
        OPENKYB_S3_BUCKET: s3.settings.bucket,
        OPENKYB_S3_ENDPOINT: s3.settings.endpoint!,
        OPENKYB_S3_ACCESS_KEY_ID: s3.settings.accessKeyId,
        OPENKYB_S3_SECRET_ACCESS_KEY: s3.settings.secretAccessKey,
        OPENKYB_S3_PATH_STYLE: 'true',
      });
      expect(toBucket.code, toBucket.stderr).toBe(0);
      expect(toBucket.stdout).toContain('Files from local to s3: 0 recorded');
      expect(toBucket.stdout).toContain('set OPENKYB_FILE_STORE=s3 to switch');
    } finally {
      await s3.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
