import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCtx, systemClock } from '../src/core/context.js';
import { createPartner } from '../src/core/partners/create-partner.js';
import { createLogger } from '../src/logger.js';
import { openStorage } from '../src/storage/open-storage.js';
import { base64, pdfDocument } from './files.js';
import { openTestDatabase, TEST_DATABASE_URL, testConfig } from './harness.js';
import { postgresUrlWithSchema, startServer, startWorkerProcess, type ServerProcess, type WorkerProcess } from './process.js';
import { startReceiver } from './webhook-receiver.js';

/** Sessions in the load; `npm run test:cluster` runs the long version (CLUSTER_SESSIONS=200). */
const SESSIONS = Number(process.env.CLUSTER_SESSIONS || 16);
const LANES = 4;
// Four processes compile and start at once on a loaded machine: a bound on a hang, not a measure.
const START = { startMs: 180_000 };
const SECRET = 'cluster-test-secret-cluster-test-secret-00';
// Every session spends one request of its partner's key; the rest is left for the limit check.
const LIMIT = SESSIONS + 20;

interface Acknowledged {
  companyId: string;
  bearer: string;
  document?: { id: string; url: URL; bytes: Buffer };
  isSubmitted: boolean;
}

async function until(check: () => Promise<boolean> | boolean, what: string, deadlineMs = 120_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const basicOf = (p: { apiKey: string; apiSecret: string }) => `Basic ${Buffer.from(`${p.apiKey}:${p.apiSecret}`).toString('base64')}`;

describe.skipIf(!TEST_DATABASE_URL)('a cluster: two servers and two workers on one PostgreSQL (needs TEST_DATABASE_URL)', () => {
  it(
    `keeps every acknowledged write, delivers every submit, serves every document from both servers and limits across them, through SIGKILLs (${SESSIONS} sessions)`,
    async () => {
      const db = await openTestDatabase('postgres');
      const receiver = await startReceiver();
      const dataDirs: string[] = [];
      // Each process has a data dir of its own: nothing may rely on another's local disk.
      const envFor = (extra: Record<string, string> = {}) => {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-cluster-'));
        dataDirs.push(dataDir);
        return {
          OPENKYB_DATA_DIR: dataDir,
          OPENKYB_SECRET: SECRET,
          DATABASE_URL: postgresUrlWithSchema(db.url!, db.schema!),
          OPENKYB_FILE_STORE: '',
          OPENKYB_WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
          OPENKYB_WEBHOOK_TIMEOUT_MS: '1000',
          OPENKYB_WEBHOOK_RETRY_SCHEDULE: '500ms,1s,1s,1s,1s,1s,1s,1s,1s,1s',
          OPENKYB_RATE_LIMIT_PER_HOUR: String(LIMIT),
          ...extra,
        };
      };
      const servers: ServerProcess[] = [];
      const workers: WorkerProcess[] = [];
      try {
        const config = testConfig(db.dataDir, { secret: SECRET });
        const ctx = buildCtx({ config, db: db.handle.db, storage: openStorage(config, db.handle.db), clock: systemClock, logger: createLogger('silent') });
        const [loadPartner, limitPartner] = [await createPartner({ ctx, input: { name: 'Load' } }), await createPartner({ ctx, input: { name: 'Limited' } })];
        servers.push(
          await startServer(envFor({ OPENKYB_SERVE_WORKER: 'false' }), [], START),
          await startServer(envFor({ OPENKYB_SERVE_WORKER: 'false' }), [], START),
        );
        workers.push(await startWorkerProcess(envFor(), START), await startWorkerProcess(envFor(), START));
        const alive = new Set(servers);

        const call = async (server: ServerProcess, method: string, url: string, auth: string, body?: unknown) => {
          const res = await fetch(`${server.url}${url}`, {
            method,
            headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
            body: body ? JSON.stringify(body) : undefined,
          });
          const text = await res.text();
          return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
        };
        const basic = basicOf(loadPartner);
        const hook = await call(servers[0]!, 'POST', '/v1/webhooks/', basic, { url: `${receiver.url}/kyb`, eventTypes: ['COMPANY_SUBMIT'] });
        expect(hook.status).toBe(201);

        // The load: full sessions, each step on the other server than the last, while both live.
        const acknowledged: Acknowledged[] = [];
        const unexpected: string[] = [];
        let networkFailures = 0;
        const failures: string[] = [];
        let started = 0;
        let finished = 0;
        let killed: Promise<unknown> | null = null;
        const pick = (step: number) => {
          const live = servers.filter((s) => alive.has(s));
          return live[step % live.length]!;
        };
        const session = async (n: number) => {
          const expectStatus = (step: string, status: number, wanted: number) => {
            if (status !== wanted) unexpected.push(`session ${n} ${step}: ${status}`);
            return status === wanted;
          };
          try {
            const token = await call(pick(n), 'POST', '/kyb/tokens/', basic, { tokenType: 'FORM', clientId: `cluster-${n}` });
            if (!expectStatus('token', token.status, 201)) return;
            const ack: Acknowledged = { companyId: String(token.json.companyId), bearer: `Bearer ${String(token.json.tokenString)}`, isSubmitted: false };
            acknowledged.push(ack);
            const form = await call(pick(n + 1), 'POST', '/kyb/forms/', ack.bearer, { company: { companyName: `Cluster ${n} Ltd`, country: 'GB' } });
            if (!expectStatus('form', form.status, 201)) return;
            const bytes = pdfDocument(`cluster session ${n}`);
            const upload = await call(pick(n + 2), 'POST', `/kyb/forms/${ack.companyId}/documents/`, ack.bearer, { type: 'OTHER', file: base64(bytes) });
            if (!expectStatus('upload', upload.status, 201)) return;
            ack.document = { id: String(upload.json.id), url: new URL(String(upload.json.file)), bytes };
            const submit = await call(pick(n + 3), 'POST', `/kyb/forms/${ack.companyId}/submit/`, ack.bearer);
            if (expectStatus('submit', submit.status, 200)) ack.isSubmitted = true;
          } catch (error) {
            // A request cut by the kill (fetch fails with a TypeError): not acknowledged, so nothing is owed for it.
            if (error instanceof TypeError) networkFailures += 1;
            else failures.push(String(error));
          }
        };
        const lane = async () => {
          while (started < SESSIONS) {
            const n = started++;
            await session(n);
            finished += 1;
            if (!killed && finished >= SESSIONS / 2) {
              alive.delete(servers[0]!);
              servers[0]!.child.kill('SIGKILL');
              workers[0]!.child.kill('SIGKILL');
              killed = Promise.all([servers[0]!.exited, workers[0]!.exited]);
            }
          }
        };
        await Promise.all(Array.from({ length: LANES }, lane));
        await killed;
        expect(unexpected).toEqual([]);
        expect(failures).toEqual([]);
        const submitted = acknowledged.filter((a) => a.isSubmitted);
        // Most sessions complete; a few in flight on the killed server may not.
        expect(submitted.length).toBeGreaterThanOrEqual(SESSIONS - LANES);
        expect(networkFailures).toBeLessThanOrEqual(LANES);

        // Every acknowledged write is in the database.
        const ids = acknowledged.map((a) => a.companyId);
        const companies = await db.handle.db.selectFrom('companies').select(['id', 'submission_time']).where('id', 'in', ids).execute();
        expect(companies.map((c) => c.id).sort()).toEqual([...ids].sort());
        const submittedIds = new Set(companies.filter((c) => c.submission_time !== null).map((c) => c.id));
        for (const a of submitted) expect(submittedIds.has(a.companyId)).toBe(true);
        const uploaded = acknowledged.flatMap((a) => (a.document ? [a.document] : []));
        expect(uploaded.length).toBeGreaterThanOrEqual(submitted.length);
        const documents = await db.handle.db.selectFrom('documents').select('id').where('company_id', 'in', ids).execute();
        expect(documents.map((d) => d.id)).toEqual(expect.arrayContaining(uploaded.map((d) => d.id)));

        // Every submit reaches the receiver (the surviving worker takes over the killed one's leases).
        const submitsOf = () => {
          const byCompany = new Map<string, Set<string>>();
          for (const request of receiver.requests.filter((r) => r.headers['idenfy-event-type'] === 'COMPANY_SUBMIT')) {
            const companyId = String((JSON.parse(request.body.toString('utf8')) as { id: string }).id);
            byCompany.set(companyId, (byCompany.get(companyId) ?? new Set()).add(String(request.headers['webhook-id'])));
          }
          return byCompany;
        };
        await until(() => submitted.every((a) => submitsOf().has(a.companyId)), 'every COMPANY_SUBMIT to be delivered');
        // Never twice with different ids: a redelivery carries the id of the first attempt.
        for (const [companyId, webhookIds] of submitsOf()) expect({ companyId, webhookIds: [...webhookIds].length }).toEqual({ companyId, webhookIds: 1 });

        // Every document is readable from either server (the killed one restarted, on a new disk).
        const restarted = await startServer(envFor({ OPENKYB_SERVE_WORKER: 'false' }), [], START);
        servers.push(restarted);
        for (const server of [restarted, servers[1]!]) {
          for (const document of uploaded) {
            const res = await fetch(`${server.url}${document.url.pathname}${document.url.search}`);
            expect(res.status).toBe(200);
            expect(Buffer.from(await res.arrayBuffer()).equals(document.bytes)).toBe(true);
          }
        }

        // One key's limit holds across both servers: its requests alternate, and both refuse once it is spent.
        const limited = basicOf(limitPartner);
        const both = [restarted, servers[1]!];
        const statuses: number[] = [];
        for (let i = 0; i < LIMIT; i += 1) statuses.push((await call(both[i % 2]!, 'GET', '/v1/settings/', limited)).status);
        expect(statuses.every((s) => s === 200)).toBe(true);
        expect([(await call(both[0]!, 'GET', '/v1/settings/', limited)).status, (await call(both[1]!, 'GET', '/v1/settings/', limited)).status]).toEqual([
          429, 429,
        ]);
      } finally {
        for (const child of [...servers, ...workers]) if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGTERM');
        await Promise.all([...servers, ...workers].map((p) => p.exited));
        await receiver.close();
        await db.cleanup();
        for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
      }
    },
    Number(process.env.CLUSTER_TIMEOUT_MS || 900_000),
  );
});
