import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../../test/process.js';

const root = mkdtempSync(path.join(tmpdir(), 'openkyb-backup-'));
const secret = 'backup-test-secret-backup-test-secret-0000';
const envOf = (dataDir: string) => ({ OPENKYB_DATA_DIR: dataDir, OPENKYB_SECRET: secret, DATABASE_URL: '' });
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('`openkyb backup FILE` copies the SQLite database, and a server restored from the copy knows what the original knew', async () => {
  const original = path.join(root, 'original');
  const created = await runCli(['partners', 'create', '--name', 'Backed Up', '--json'], envOf(original));
  expect(created.code, created.stderr).toBe(0);
  const { partnerId, apiKey } = JSON.parse(created.stdout) as { partnerId: string; apiKey: string };

  const file = path.join(root, 'copy.sqlite');
  const backup = await runCli(['backup', file], envOf(original));
  expect(backup.code, backup.stderr).toBe(0);
  expect(backup.stdout).toMatch(/^Backed up \d+ pages \(\d+ bytes\) to /);
  expect(statSync(file).mode & 0o777).toBe(0o600);

  // Restore: the copy becomes the database of an empty data dir.
  const restored = path.join(root, 'restored');
  mkdirSync(restored, { recursive: true });
  copyFileSync(file, path.join(restored, 'openkyb.sqlite'));
  const keys = await runCli(['keys', 'list', '--partner', partnerId, '--json'], envOf(restored));
  expect(keys.code, keys.stderr).toBe(0);
  expect(JSON.parse(keys.stdout)).toEqual([expect.objectContaining({ apiKey })]);
}, 180_000);

it('refuses to overwrite an existing file, and refuses PostgreSQL (pg_dump is its backup), changing nothing', async () => {
  const dataDir = path.join(root, 'refusals');
  expect((await runCli(['migrate'], envOf(dataDir))).code).toBe(0);
  const file = path.join(root, 'exists.sqlite');
  copyFileSync(path.join(dataDir, 'openkyb.sqlite'), file);
  const before = statSync(file).mtimeMs;
  const again = await runCli(['backup', file], envOf(dataDir));
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('exists; choose a new file');
  expect(statSync(file).mtimeMs).toBe(before);

  const missing = path.join(root, 'never.sqlite');
  const postgres = await runCli(['backup', missing], { ...envOf(dataDir), DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
  expect(postgres.code).toBe(2);
  expect(postgres.stderr).toContain('pg_dump');
  expect(existsSync(missing)).toBe(false);
}, 180_000);
