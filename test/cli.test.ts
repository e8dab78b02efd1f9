import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from './process.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-cli-'));
const env = { OPENKYB_DATA_DIR: dataDir, OPENKYB_SECRET: '', DATABASE_URL: '' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs a command that prints JSON; a failure shows the command's stderr instead of a JSON parse error. */
async function runJson<T>(args: string[]): Promise<T> {
  const run = await runCli(args, env);
  expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as T;
}

it('creates a partner with its first key pair, prints it once as JSON, and manages further keys', async () => {
  const created = await runCli(['partners', 'create', '--name', 'Acme', '--json'], env);
  expect(created.code, created.stderr).toBe(0);
  const partner = JSON.parse(created.stdout) as Record<string, string>;
  expect(Object.keys(partner).sort()).toEqual(['apiKey', 'apiSecret', 'partnerId']);
  expect(created.stdout.trim().split('\n')).toHaveLength(1);
  // The pepper was generated into the data dir, readable by its owner only.
  expect(statSync(path.join(dataDir, 'secret')).mode & 0o777).toBe(0o600);

  const key = await runJson<Record<string, string>>(['keys', 'create', '--partner', partner.partnerId!, '--label', 'ci', '--json']);
  expect(key.partnerId).toBe(partner.partnerId);

  const listed = await runJson<{ apiKey: string; revokedAt: string | null }[]>(['keys', 'list', '--partner', partner.partnerId!, '--json']);
  expect(listed.map((k) => k.apiKey).sort()).toEqual([partner.apiKey, key.apiKey].sort());
  expect(JSON.stringify(listed)).not.toContain(partner.apiSecret);

  expect((await runCli(['keys', 'revoke', key.apiKey!], env)).code).toBe(0);
  const after = await runJson<{ apiKey: string; revokedAt: string | null }[]>(['keys', 'list', '--json']);
  expect(after.find((k) => k.apiKey === key.apiKey)?.revokedAt).toEqual(expect.any(String));
  const again = await runCli(['keys', 'revoke', key.apiKey!], env);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('Active API key not found');
}, 180_000);

it('explains its usage and refuses a partner without a name', async () => {
  const usage = await runCli(['--help'], env);
  expect(usage.stdout).toContain('partners create --name NAME');
  expect(usage.stdout).toMatch(/^ {2}worker /m);
  const nameless = await runCli(['partners', 'create'], env);
  expect(nameless.code).toBe(2);
  expect(nameless.stderr).toContain('--name');
}, 180_000);

it('imports a screening list, refuses a truncated one with the live version kept, and reports the lists', async () => {
  const { UN_XML, truncatedUn } = await import('./screening-cases.js');
  const imported = await runCli(['lists', 'import', 'un', UN_XML(), '--json'], env);
  expect(imported.code, imported.stderr).toBe(0);
  const result = JSON.parse(imported.stdout) as { source: string; entityCount: number; sha256: string };
  expect(result).toMatchObject({ source: 'un', entityCount: expect.any(Number) });
  const refused = await runCli(['lists', 'import', 'un', await truncatedUn()], env);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('The un list was refused');
  const status = await runJson<{ lists: { sha256: string }[]; problem: string | null }>(['lists', 'status', '--json']);
  expect(status.lists.map((l) => l.sha256)).toEqual([result.sha256]);
  expect(status.problem).toMatch(/the un list is \d+ days old/);
  expect((await runCli(['lists', 'import', 'nope', UN_XML()], env)).code).toBe(2);
}, 180_000);

it('verifies the audit chains: exit 0 when intact, exit 1 naming the first broken link after one row is edited', async () => {
  const created = await runCli(['partners', 'create', '--name', 'Audited', '--json'], env);
  const partner = JSON.parse(created.stdout) as Record<string, string>;
  const intact = await runCli(['audit', 'verify'], env);
  expect(intact.code, intact.stderr).toBe(0);
  expect(intact.stdout).toMatch(/^Audit chain intact: \d+ partners?, \d+ entr(y|ies) checked\.$/m);

  const { default: Sqlite } = await import('better-sqlite3');
  const file = new Sqlite(path.join(dataDir, 'openkyb.sqlite'));
  const row = file.prepare('select id from audit_logs where partner_id = ? and seq = 1').get(partner.partnerId) as { id: string };
  file.prepare(`update audit_logs set details = '{"keyId":"someone-else"}' where id = ?`).run(row.id);
  file.close();

  const broken = await runCli(['audit', 'verify'], env);
  expect(broken.code).toBe(1);
  expect(broken.stdout).toContain(`Audit chain BROKEN at partner ${partner.partnerId}, seq 1, entry ${row.id}: hash mismatch`);
  const json = await runCli(['audit', 'verify', '--partner', partner.partnerId!, '--json'], env);
  expect(json.code).toBe(1);
  expect(JSON.parse(json.stdout)).toEqual({
    partners: 1,
    entries: 0,
    broken: { partnerId: partner.partnerId, seq: 1, entryId: row.id, problem: 'hash-mismatch', message: expect.any(String) },
  });
}, 240_000);

it('creates back-office managers, prints the set-password link once, lists, disables and resets them', async () => {
  const partner = JSON.parse((await runCli(['partners', 'create', '--name', 'Managed', '--json'], env)).stdout) as Record<string, string>;
  const args = ['managers', 'create', '--partner', partner.partnerId!, '--email', 'Ada@Example.com', '--name', 'Ada', '--surname', 'Admin'];
  const created = await runCli([...args, '--role', 'admin', '--json'], env);
  expect(created.code, created.stderr).toBe(0);
  const manager = JSON.parse(created.stdout) as { id: number; email: string; role: string; setPasswordUrl: string };
  expect(manager).toMatchObject({ email: 'ada@example.com', role: 'admin', disabled: false, totpEnabled: false, lastSignInAt: null });
  const token = /^http:\/\/localhost:8080\/backoffice\/set-password#token=([A-Za-z0-9]{40})$/.exec(manager.setPasswordUrl)?.[1];
  expect(token).toBeDefined();

  const { default: Sqlite } = await import('better-sqlite3');
  const file = new Sqlite(path.join(dataDir, 'openkyb.sqlite'), { readonly: true });
  const stored = file.prepare('select token_hash from manager_password_tokens where manager_id = ?').all(manager.id) as { token_hash: string }[];
  file.close();
  const { sha256Hex } = await import('../src/core/crypto.js');
  expect(stored).toEqual([{ token_hash: sha256Hex(token!) }]);

  expect((await runCli([...args, '--role', 'viewer'], env)).stderr).toContain('already exists');
  expect((await runCli([...args.slice(0, -2), '--role', 'owner'], env)).code).toBe(2);
  const human = await runCli(
    ['managers', 'create', '--partner', partner.partnerId!, '--email', 'v@example.com', '--name', 'V', '--surname', 'W', '--role', 'viewer'],
    env,
  );
  expect(human.stdout).toMatch(
    /^Manager created: \d+ \(viewer\)\nSet-password link \(valid 24 hours, shown once\): http:\/\/localhost:8080\/backoffice\/set-password#token=\w{40}\n$/,
  );

  expect((await runCli(['managers', 'disable', '--id', String(manager.id)], env)).code).toBe(0);
  const reset = await runCli(['managers', 'reset', '--id', String(manager.id), '--json'], env);
  expect(JSON.parse(reset.stdout).setPasswordUrl).not.toBe(manager.setPasswordUrl);
  const listed = JSON.parse((await runCli(['managers', 'list', '--partner', partner.partnerId!, '--json'], env)).stdout) as {
    email: string;
    disabled: boolean;
  }[];
  expect(listed.map((m) => [m.email, m.disabled])).toEqual([
    ['ada@example.com', true],
    ['v@example.com', false],
  ]);
  expect(JSON.stringify(listed)).not.toContain('token');
  expect((await runCli(['managers', 'reset', '--id', '999999'], env)).stderr).toContain('Manager not found');
  expect((await runCli(['managers', 'list', '--partner', 'nope'], env)).stderr).toContain('Partner not found');
}, 120_000);
