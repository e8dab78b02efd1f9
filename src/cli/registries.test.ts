import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../../test/process.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-registries-cli-'));
const env = { OPENKYB_DATA_DIR: dataDir, OPENKYB_SECRET: '', DATABASE_URL: '' };
const fixture = (name: string) => path.join(import.meta.dirname, '../../test/fixtures/registries', name);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('imports a register, refuses a cut file with exit 1 keeping the live version, and reports the status', { timeout: 180_000 }, async () => {
  const imported = await runCli(['registries', 'import', 'uk-basic', fixture('uk-basic-2021-01-01.csv')], env);
  expect(imported.stdout).toMatch(/uk-basic: imported 31 rows in [\d.]+ s \(0 records skipped\), sha256 [0-9a-f]{64}, published 2021-01-01\./);
  expect(imported.code).toBe(0);
  const refused = await runCli(['registries', 'import', 'uk-basic', fixture('uk-basic-truncated.csv')], env);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toMatch(/cannot import uk-basic from .*uk-basic-truncated\.csv: .*Nothing changed: the live version stays\./);
  const status = await runCli(['registries', 'status', '--json'], env);
  expect(JSON.parse(status.stdout)).toEqual([
    expect.objectContaining({ dataset: 'uk-basic', rowCount: 31, fileName: 'uk-basic-2021-01-01.csv', publishedAt: '2021-01-01' }),
  ]);
  const wrong = await runCli(['registries', 'import', 'uk-everything', fixture('uk-basic-2021-01-01.csv')], env);
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain('registries import needs DATASET (uk-basic, uk-psc, gleif-lei, gleif-rr) and PATH');
});
