#!/usr/bin/env node
// Runs a TypeScript script (a benchmark) bundled the way the server is (scripts/build-server.mjs),
// so it measures the code production runs. Through tsx the same code is slower: tsx compiles with
// esbuild's `keepNames`, which wraps every function made at run time (closures) in a naming call;
// a re-screen's index thread spent about a fifth more time that way (docs/performance.md).
//
// Usage: node [node flags] scripts/run-bundled.mjs bench/rescreen.ts [args...]
// The bundle goes to node_modules/.cache/openkyb-bundled/<name>/ with the worker-thread entries
// beside it, and is rebuilt at every run. The script must not find files relative to its own
// module (import.meta.url): from the cache folder those paths would not exist.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle, THREAD_ENTRIES } from './build-server.mjs';

const [entry, ...rest] = process.argv.slice(2);
if (!entry?.endsWith('.ts')) {
  console.error('usage: node scripts/run-bundled.mjs <script.ts> [args...]');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const name = path.basename(entry, '.ts');
const outdir = path.join(root, 'node_modules/.cache/openkyb-bundled', name);
await bundle([entry, ...THREAD_ENTRIES], outdir);
const script = path.join(outdir, `${name}.js`);
process.argv = [process.argv[0], script, ...rest];
await import(pathToFileURL(script).href);
