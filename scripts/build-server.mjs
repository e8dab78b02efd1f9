#!/usr/bin/env node
// `npm run build` (server part): bundles the server with esbuild into dist/, so `openkyb serve`
// reads a few dozen files at start instead of about a thousand (docs/performance.md, "Start-up:
// one bundle"). Type checking is `npm run typecheck`'s job; this only emits.
//
// Every output file sits directly in dist/ (entries and shared chunks alike): code that finds a
// sibling by `new URL('./x.js', import.meta.url)` (the worker threads' entries, src/threads.ts)
// or the web build by walking up to package.json finds it from any of them.
//
// Usage: node scripts/build-server.mjs [OUTDIR]   (default dist; the bundle test builds elsewhere)
import { readdirSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

/** Entry points: the CLI and the modules started as worker threads (src/threads.ts). */
export const THREAD_ENTRIES = ['src/screening-runtime/index-thread.ts', 'src/registries/open-data/read-thread.ts'];
const ENTRIES = ['src/main.ts', ...THREAD_ENTRIES];

/**
 * Left out of the bundle and loaded from node_modules at run time: native code, packages that
 * read their own files next to their modules (pdfkit's font metrics, swagger-ui's pages), and
 * optional drivers that are never installed.
 */
const EXTERNAL = ['better-sqlite3', 'pdfkit', '@fastify/swagger-ui', 'pg-native'];
// Two bundled packages still name __dirname, which an ES module does not have, on paths the
// server never takes: @fastify/swagger reads its own package.json for default `info` inside a
// try (plugins/openapi.ts gives ours), and pino finds its worker files only for transports
// (logger.ts writes to a stream). `grep -l __dirname dist/*.js` lists them after a build.

/**
 * Bundles `entries` (paths from the repository's root) into `outdir` as the server is bundled:
 * also used by scripts/run-bundled.mjs, so a benchmark runs the code production runs.
 */
export async function bundle(entries, outdir) {
  // The earlier output (the per-file compile, or a previous bundle) goes; the web apps' build
  // (dist/web, from vite) stays.
  for (const name of safeReaddir(outdir)) {
    if (name !== 'web') rmSync(path.join(outdir, name), { recursive: true, force: true });
  }
  await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // The oldest Node that still runs it (CI's machines have 20); package.json asks for 22 or 24.
    target: 'node20',
    external: EXTERNAL,
    sourcemap: true,
    // CommonJS packages inside an ES module bundle still call require() (Node's built-ins, their
    // lazy requires): give every output file one.
    banner: { js: "import { createRequire as __openkybRequire } from 'node:module'; const require = __openkybRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

// Run as a script rather than imported (scripts/run-bundled.mjs). Node names this module by its
// real path and argv[1] as typed: through a symlink (a deploy's `current` folder) they differ.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle(ENTRIES, path.resolve(root, process.argv[2] ?? 'dist'));
}

function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
