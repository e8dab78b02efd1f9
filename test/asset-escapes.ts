import type { Harness } from './harness.js';

/** Paths that try to climb out of the form's assets folder (dots, encoded slashes and backslashes, NUL, a lone surrogate). */
export const ESCAPING_ASSET_PATHS = [
  '/form/assets/../../../x',
  '/form/assets/../../../../etc/passwd',
  '/form/assets/%2e%2e%2f%2e%2e%2fpackage.json',
  '/form/assets/..%2f..%2f..%2fpackage.json',
  '/form/assets/..%2f..%2fpackage.json',
  '/form/assets/%2e%2e/%2e%2e/package.json',
  '/form/assets/..%5c..%5cpackage.json',
  '/form/assets/%00',
  '/form/assets/a%00.js',
  '/form/assets/%ED%A0%80',
];

/** Log lines above info written since `before` (a count of lines): a refused path must stay quiet. */
export function loudLogsSince(h: Harness, before: number): string[] {
  return h.logs.slice(before).filter((line) => JSON.parse(line).level > 30);
}
