import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = ['web/shared', 'src/shared', 'src/schemas'];
/** Each web app, its build output and the sources it is built from. */
const APPS = [
  { config: 'web/form/vite.config.ts', built: 'dist/web/form/index.html', sources: ['web/form', ...SHARED] },
  { config: 'web/backoffice/vite.config.ts', built: 'dist/web/backoffice/index.html', sources: ['web/backoffice', ...SHARED] },
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'e2e') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Browser tests run against the built apps, as `openkyb serve` serves them. `npm install` builds
 * them; this rebuilds each once per test run when a source is newer than its build.
 */
export default function setup(): void {
  for (const app of APPS) {
    const built = path.join(ROOT, app.built);
    const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
    if (builtAt >= Math.max(...app.sources.map((s) => newestMtime(path.join(ROOT, s))))) continue;
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', app.config, '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
}
