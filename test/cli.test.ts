import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from './process.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-cli-'));
const env = { OPENKYB_DATA_DIR: dataDir, OPENKYB_SECRET: '', DATABASE_URL: '' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('creates a partner with its first key pair, prints it once as JSON, and manages further keys', async () => {
  const created = await runCli(['partners', 'create', '--name', 'Acme', '--json'], env);
  expect(created.code, created.stderr).toBe(0);
  const partner = JSON.parse(created.stdout) as Record<string, string>;
  expect(Object.keys(partner).sort()).toEqual(['apiKey', 'apiSecret', 'partnerId']);
  expect(created.stdout.trim().split('\n')).toHaveLength(1);
  // The pepper was generated into the data dir, readable by its owner only.
  expect(statSync(path.join(dataDir, 'secret')).mode & 0o777).toBe(0o600);

  const second = await runCli(['keys', 'create', '--partner', partner.partnerId!, '--label', 'ci', '--json'], env);
  const key = JSON.parse(second.stdout) as Record<string, string>;
  expect(key.partnerId).toBe(partner.partnerId);

  const listed = JSON.parse((await runCli(['keys', 'list', '--partner', partner.partnerId!, '--json'], env)).stdout) as { apiKey: string; revokedAt: string | null }[];
  expect(listed.map((k) => k.apiKey).sort()).toEqual([partner.apiKey, key.apiKey].sort());
  expect(JSON.stringify(listed)).not.toContain(partner.apiSecret);

  expect((await runCli(['keys', 'revoke', key.apiKey!], env)).code).toBe(0);
  const after = JSON.parse((await runCli(['keys', 'list', '--json'], env)).stdout) as { apiKey: string; revokedAt: string | null }[];
  expect(after.find((k) => k.apiKey === key.apiKey)?.revokedAt).toEqual(expect.any(String));
  const again = await runCli(['keys', 'revoke', key.apiKey!], env);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('Active API key not found');
}, 60_000);

it('explains its usage and refuses a partner without a name', async () => {
  const usage = await runCli(['--help'], env);
  expect(usage.stdout).toContain('partners create --name NAME');
  expect(usage.stdout).toMatch(/^ {2}worker /m);
  const nameless = await runCli(['partners', 'create'], env);
  expect(nameless.code).toBe(2);
  expect(nameless.stderr).toContain('--name');
}, 60_000);
