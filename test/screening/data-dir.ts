import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The screening data (real list files and labelled name sets) in test/data/screening
 * (provenance and licences in its README). Tests, the evaluation and the benchmark fail loudly
 * when it is missing rather than skipping: a silent skip would hide a regression.
 */
export function screeningDataDir(): string {
  const dir = process.env['OPENKYB_SCREENING_DATA'] ?? resolve(repoRoot, 'test/data/screening');
  if (!existsSync(resolve(dir, 'ofac-sdn/sdn.csv'))) {
    throw new Error(`screening data not found at ${dir}: set OPENKYB_SCREENING_DATA to the folder holding ofac-sdn/, un/ and eval/`);
  }
  return dir;
}

export function fixturePath(name: string): string {
  return resolve(repoRoot, 'test/fixtures/screening', name);
}
