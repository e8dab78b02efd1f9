import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '../../../dist/web/form');
const BUDGET_BYTES = 150 * 1024;

const gzipped = (file: string) => gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;

/**
 * What a first visit downloads: the page, what it links (entry script, style sheet) and one
 * locale's strings, counted with the largest locale so the budget holds in every language.
 */
it('keeps the initial load of the form under 150 KB gzipped', () => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:src|href)="\/form\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const locales = readdirSync(path.join(DIST, 'assets')).filter((f) => /^[a-z]{2}-[\w-]+\.js$/.test(f));
  expect(locales).toHaveLength(17);
  const largestLocale = Math.max(...locales.map((f) => gzipped(`assets/${f}`)));
  const parts = { 'index.html': gzipped('index.html'), ...Object.fromEntries(linked.map((f) => [f, gzipped(f)])), 'largest locale': largestLocale };
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  console.log(`initial load, gzipped: ${(total / 1024).toFixed(1)} KB`, parts);
  expect(total).toBeLessThan(BUDGET_BYTES);
});
