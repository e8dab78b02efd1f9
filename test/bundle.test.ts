import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { companyBody } from './kyb.js';
import { runCli, startServer, startWorkerProcess, type ServerProcess } from './process.js';
import { UN_XML } from './screening-cases.js';

/**
 * The built server, as `npm start` and the Docker image run it: one esbuild bundle
 * (scripts/build-server.mjs) whose lazy chunks, worker-thread entries and external packages
 * must all still be found. Every other test runs the source through tsx, so this is the one
 * that fails when the bundle cannot reach a chunk, a thread, the web build or a package's files.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
// Inside the repository, as dist/ is: external packages resolve from its node_modules.
const outdir = path.join(ROOT, '.test-artifacts', `bundle-${process.pid}`);
const ENTRY = [path.join(outdir, 'main.js')];
const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-bundle-'));
const env = { OPENKYB_DATA_DIR: dataDir, OPENKYB_SECRET: '', DATABASE_URL: '' };
let server: ServerProcess | undefined;

beforeAll(() => {
  // Named through a symlink, as a deploy's `current` folder names it: the script still builds.
  const scripts = path.join(dataDir, 'scripts');
  symlinkSync(path.join(ROOT, 'scripts'), scripts);
  execFileSync(process.execPath, [path.join(scripts, 'build-server.mjs'), outdir], { cwd: ROOT, stdio: 'pipe' });
}, 60_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  rmSync(outdir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

it('is a few files, every one directly in its folder, with the threads as entries of their own', () => {
  const files = readdirSync(outdir, { withFileTypes: true });
  expect(files.every((f) => f.isFile())).toBe(true);
  const names = files.map((f) => f.name);
  expect(names).toEqual(expect.arrayContaining(['main.js', 'index-thread.js', 'read-thread.js']));
  expect(names.filter((n) => n.endsWith('.js')).length).toBeLessThan(200);
});

it('runs the CLI, the importers on their threads, the server, its web apps, the screening thread and the PDF dossier', { timeout: 180_000 }, async () => {
  const partner = await runCli(['partners', 'create', '--name', 'Bundled', '--json'], env, ENTRY);
  expect(partner.code, partner.stderr).toBe(0);
  const { apiKey, apiSecret } = JSON.parse(partner.stdout) as { apiKey: string; apiSecret: string };

  // The screening list's parser is a lazy chunk; the register import reads its file on read-thread.js.
  const list = await runCli(['lists', 'import', 'un', UN_XML(), '--json'], env, ENTRY);
  expect(list.code, list.stderr).toBe(0);
  const register = await runCli(['registries', 'import', 'uk-basic', path.join(ROOT, 'test/fixtures/registries/uk-basic-2021-01-01.csv')], env, ENTRY);
  expect(register.stdout, register.stderr).toMatch(/uk-basic: imported 31 rows/);

  server = await startServer(env, [], { entry: ENTRY });
  const auth = `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`;
  const json = { authorization: auth, 'content-type': 'application/json' };

  // @fastify/swagger is bundled; its package.json defaults are not found there, and ours replace them.
  const openapi = (await (await fetch(`${server.url}/openapi.json`)).json()) as { info: { title: string }; paths: Record<string, unknown> };
  expect(openapi.info.title).toBe('OpenKYB API');
  expect(Object.keys(openapi.paths)).toContain('/kyb/tokens/');

  for (const page of ['/backoffice/', '/docs/']) {
    const res = await fetch(`${server.url}${page}`);
    expect(res.status, page).toBe(200);
    expect(await res.text(), page).toContain('<html');
  }

  const flow = await fetch(`${server.url}/v1/flows/`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'bundled', documents: [] }) });
  expect(flow.status, await flow.clone().text()).toBe(201);
  const { id: flowId } = (await flow.json()) as { id: string };
  const token = await fetch(`${server.url}/kyb/tokens/`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ tokenType: 'FORM', clientId: 'bundle-1', flow: flowId }),
  });
  expect(token.status).toBe(201);
  const { companyId, tokenString } = (await token.json()) as { companyId: string; tokenString: string };
  // The client fills in the company.
  const bearer = { authorization: `Bearer ${tokenString}`, 'content-type': 'application/json' };
  const form = await fetch(`${server.url}/kyb/forms/`, {
    method: 'POST',
    headers: bearer,
    body: JSON.stringify({ company: companyBody({ additionalInfo: {} }) }),
  });
  expect(form.status, await form.clone().text()).toBe(201);

  // index-thread.js: the index of the imported list is built on its own thread.
  const search = { name: 'Katanga Germain', kind: 'person' };
  let found: { hits: { score: number }[] } | undefined;
  for (let tries = 0; tries < 300 && !found; tries += 1) {
    const res = await fetch(`${server.url}/v1/screening/search`, { method: 'POST', headers: json, body: JSON.stringify(search) });
    if (res.status === 200) found = (await res.json()) as { hits: { score: number }[] };
    else await new Promise((r) => setTimeout(r, 100));
  }
  expect(found?.hits.length).toBeGreaterThan(0);

  // The worker command, a process of its own beside the server.
  const worker = await startWorkerProcess(env, { entry: ENTRY });
  worker.child.kill('SIGTERM');
  expect(await worker.exited).toBe(0);

  // pdfkit stays outside the bundle and reads its own font metrics.
  const pdf = await fetch(`${server.url}/kyb/companies/${companyId}/pdf/`, { method: 'POST', headers: json, body: '{}' });
  expect(pdf.status, await pdf.clone().text()).toBe(200);
  expect(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
});
