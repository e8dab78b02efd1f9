import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createPartner } from '../src/core/partners/create-partner.js';
import type { App } from '../src/http/context.js';
import { buildCtx } from '../src/core/context.js';
import { createLogger } from '../src/logger.js';
import type { FileStorage } from '../src/storage/file-storage.js';
import { openStorage } from '../src/storage/open-storage.js';
import { base64, pdfDocument } from './files.js';
import { DIALECTS, openTestDatabase, TestClock, testConfig } from './harness.js';
import { companyBody } from './kyb.js';

/**
 * Concurrency on a form: writes that check then change must not interleave (PostgreSQL runs
 * transactions side by side; SQLite serialises them). A storage whose put() can be held open
 * widens the window inside an upload's transaction.
 */
for (const dialect of DIALECTS) {
  describe(`concurrent writes on one form [${dialect}]`, () => {
    let app: App;
    let dataDir: string;
    const storedFiles = () => {
      const root = path.join(dataDir, 'files');
      return existsSync(root)
        ? readdirSync(root, { recursive: true })
            .map(String)
            .filter((f) => !f.includes('.tmp'))
            .sort()
        : [];
    };
    let cleanup: () => Promise<void>;
    let partner: string;
    let hold: { entered: () => void; release: Promise<void> } | null = null;

    beforeAll(async () => {
      const opened = await openTestDatabase(dialect);
      dataDir = opened.dataDir;
      const config = testConfig(dataDir);
      const inner = openStorage(config, opened.handle.db);
      const storage: FileStorage = {
        put: async (hash, bytes) => {
          const held = hold;
          if (held) {
            held.entered();
            await held.release;
          }
          return inner.put(hash, bytes);
        },
        read: (hash) => inner.read(hash),
        remove: (hash) => inner.remove(hash),
        exists: (hash) => inner.exists(hash),
        probeWrite: () => inner.probeWrite(),
        sweepTemp: (cutoff) => inner.sweepTemp(cutoff),
        listOlderThan: (cutoff) => inner.listOlderThan(cutoff),
        removeIfOlderThan: (hash, cutoff) => inner.removeIfOlderThan(hash, cutoff),
      };
      const logger = createLogger('silent');
      const clock = new TestClock();
      app = await buildApp({ config, database: opened.handle, storage, clock, logger });
      await app.ready();
      const created = await createPartner({ ctx: buildCtx({ config, db: opened.handle.db, storage, clock, logger }), input: { name: 'P' } });
      partner = `Basic ${Buffer.from(`${created.apiKey}:${created.apiSecret}`).toString('base64')}`;
      cleanup = async () => {
        await app.close();
        await opened.cleanup();
      };
    });
    afterAll(async () => cleanup());

    const call = async (method: string, url: string, auth: string, body?: unknown) => {
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { payload: JSON.stringify(body) } : {}),
      });
      return { status: res.statusCode, json: res.body ? JSON.parse(res.body) : undefined };
    };
    const session = async (flow: string | null = null) => {
      const token = await call('POST', '/kyb/tokens/', partner, { tokenType: 'FORM', clientId: 'c', flow, questionnaire: null });
      return { companyId: token.json.companyId as string, bearer: `Bearer ${token.json.tokenString}` };
    };
    /** Runs `first` until its upload is inside storage.put, starts `second`, then lets `first` go on. */
    const whileUploading = async <A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> => {
      let release!: () => void;
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => {
        entered = resolve;
      });
      hold = {
        entered,
        release: new Promise<void>((resolve) => {
          release = resolve;
        }),
      };
      const a = first();
      await inside;
      hold = null;
      const b = second();
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      return Promise.all([a, b]);
    };

    it('creates a form once when two creates race', async () => {
      const s = await session();
      const body = {
        company: companyBody({ additionalInfo: {} }),
        beneficiaries: [{ beneficiaryType: 'CEO', info: { infoType: 'INDIVIDUAL', name: 'Ann', surname: 'Lee' } }],
        documents: [{ type: 'OTHER', file: base64(pdfDocument(`create ${dialect}`)) }],
      };
      const [a, b] = await whileUploading(
        () => call('POST', '/kyb/forms/', s.bearer, body),
        () => call('POST', '/kyb/forms/', s.bearer, { ...body, documents: [] }),
      );
      expect([a.status, b.status]).toEqual([201, 409]);
      expect((await call('GET', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer)).json).toHaveLength(1);
    });

    it('lets a submit that starts during an upload see that upload', async () => {
      const flow = await call('POST', '/v1/flows/', partner, { name: 'needs a document', documents: [{ docType: 'OTHER', required: true }] });
      const s = await session(flow.json.id);
      await call('POST', '/kyb/forms/', s.bearer, { company: companyBody({ additionalInfo: {} }) });
      const [upload, submit] = await whileUploading(
        () => call('POST', `/kyb/forms/${s.companyId}/documents/`, s.bearer, { type: 'OTHER', file: base64(pdfDocument(`late ${dialect}`)) }),
        () => call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer),
      );
      expect([upload.status, submit.status]).toEqual([201, 200]);
    });

    it('keeps a file when its last other document is deleted while the same bytes are uploaded', async () => {
      const a = await session();
      const b = await session();
      await call('POST', '/kyb/forms/', a.bearer, { company: companyBody({ additionalInfo: {} }) });
      await call('POST', '/kyb/forms/', b.bearer, { company: companyBody({ additionalInfo: {} }) });
      const pdf = pdfDocument(`shared ${dialect}`);
      const first = await call('POST', `/kyb/forms/${a.companyId}/documents/`, a.bearer, { type: 'OTHER', file: base64(pdf) });
      const [upload, removal] = await whileUploading(
        () => call('POST', `/kyb/forms/${b.companyId}/documents/`, b.bearer, { type: 'OTHER', file: base64(pdf) }),
        () => call('DELETE', `/kyb/forms/${a.companyId}/documents/${first.json.id}/`, a.bearer),
      );
      expect([upload.status, removal.status]).toEqual([201, 204]);
      const link = new URL(upload.json.file);
      expect((await app.inject({ method: 'GET', url: link.pathname + link.search })).statusCode).toBe(200);
    });

    it('writes no file when a form create is refused for a later document', async () => {
      const s = await session();
      const pdf = pdfDocument(`refused ${dialect}`);
      const filesBefore = storedFiles();
      const res = await call('POST', '/kyb/forms/', s.bearer, {
        company: companyBody({ additionalInfo: {} }),
        documents: [
          { type: 'OTHER', file: base64(pdf) },
          { type: 'OTHER', file: Buffer.from('not a file').toString('base64') },
        ],
      });
      expect(res.status).toBe(400);
      expect(storedFiles()).toEqual(filesBefore);
    });
  });
}
