import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '../../../dist/web/backoffice');
const BUDGET_BYTES = 250 * 1024;

const gzipped = (file: string) => gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;

/**
 * What a first visit downloads before sign-in: the page, what it links (entry script, its
 * preloaded chunks, the style sheet) and the English strings. Every page behind sign-in is a
 * chunk of its own, fetched when opened; the browser test measures the same load as transferred.
 */
it('keeps the initial load of the back office under 250 KB gzipped, with every signed-in page in its own chunk', () => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:src|href)="\/backoffice\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const assets = readdirSync(path.join(DIST, 'assets'));
  const locale = assets.find((f) => /^en-[\w-]+\.js$/.test(f));
  expect(locale).toBeDefined();
  const settingsPages = [
    'settings-page',
    'account-page',
    'flows-page',
    'themes-page',
    'questionnaires-page',
    'webhooks-page',
    'api-keys-page',
    'risk-model-page',
  ];
  for (const page of ['queue-page', 'case-page', 'managers-page', ...settingsPages, 'screening-lists-page']) {
    expect(
      assets.some((f) => f.startsWith(`${page}-`) && f.endsWith('.js')),
      page,
    ).toBe(true);
    expect(
      linked.some((f) => f.includes(page)),
      page,
    ).toBe(false);
  }
  const parts = {
    'index.html': gzipped('index.html'),
    ...Object.fromEntries(linked.map((f) => [f, gzipped(f)])),
    [`assets/${locale}`]: gzipped(`assets/${locale}`),
  };
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  console.log(`back office initial load, gzipped: ${(total / 1024).toFixed(1)} KB`, parts);
  expect(total).toBeLessThan(BUDGET_BYTES);
});
