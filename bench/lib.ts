import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { buildCtx, systemClock, type Ctx } from '../src/core/context.js';
import type { DatabaseHandle } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { openStorage } from '../src/storage/open-storage.js';
import { postgresUrlWithSchema, runCli, startServer, type ServerProcess } from '../test/process.js';

export interface BenchTarget {
  label: 'sqlite' | 'postgres';
  server: ServerProcess;
  auth: string;
  close(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..');
let built: string[] | null = null;

/**
 * The server as production runs it: bundled (scripts/build-server.mjs), built afresh once per
 * bench run into node_modules/.cache so an edited source is never measured from a stale dist/.
 * From source through tsx the same server is slower (tsx's keepNames wraps every closure made
 * at run time), which is not what ships.
 */
export function serverEntry(): string[] {
  if (!built) {
    const outdir = path.join(ROOT, 'node_modules/.cache/openkyb-bundled/server');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs'), outdir], { cwd: ROOT, stdio: 'inherit' });
    built = [path.join(outdir, 'main.js')];
  }
  return built;
}

/**
 * Starts `openkyb serve` (bundled, as production runs it) in its own process (the load generator
 * keeps the other core), on a fresh SQLite data dir or a fresh PostgreSQL schema, with a partner
 * to call as.
 */
export async function startTarget(label: 'sqlite' | 'postgres', postgresUrl?: string): Promise<BenchTarget> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-bench-'));
  let databaseUrl = '';
  let dropSchema = async () => {};
  if (label === 'postgres') {
    const schema = `bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    databaseUrl = postgresUrlWithSchema(postgresUrl!, schema);
    dropSchema = async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    };
  }
  const env = {
    OPENKYB_DATA_DIR: dataDir,
    OPENKYB_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    DATABASE_URL: databaseUrl,
    OPENKYB_RATE_LIMIT_PER_HOUR: String(1e9),
    // Production logging level: every request writes its log line.
    LOG_LEVEL: 'info',
  };
  const created = await runCli(['partners', 'create', '--name', 'Bench', '--json'], env, serverEntry());
  if (created.code !== 0) throw new Error(created.stderr);
  const { apiKey, apiSecret } = JSON.parse(created.stdout) as { apiKey: string; apiSecret: string };
  // A loaded machine can take long to compile the server from source: wait, measure after.
  const server = await startServer(env, [], { quiet: true, startMs: 180_000, entry: serverEntry() });
  return {
    label,
    server,
    auth: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`,
    async close() {
      server.child.kill('SIGTERM');
      await server.exited;
      await dropSchema();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CannonResult {
  name: string;
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export async function cannon(name: string, options: autocannon.Options): Promise<CannonResult> {
  const result = await autocannon({ connections: 16, duration: 10, ...options });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export function printTable(title: string, rows: CannonResult[], baseline: CannonResult): void {
  console.log(`\n${title}`);
  console.log('  scenario                         req/s      p99 ms   ratio to bare   non-2xx  errors');
  for (const row of rows) {
    const ratio = (row.requestsPerSecond / baseline.requestsPerSecond).toFixed(2);
    console.log(
      `  ${row.name.padEnd(30)} ${row.requestsPerSecond.toFixed(0).padStart(7)} ${row.p99Ms.toFixed(1).padStart(10)} ${ratio.padStart(15)} ${String(row.non2xx).padStart(9)} ${String(row.errors).padStart(7)}`,
    );
  }
}

/**
 * An in-process context over an open bench database, configured by the server's own
 * environment reader (so a bench never lags behind a new setting), quiet and unlimited.
 */
export function benchCtx(
  database: DatabaseHandle,
  dataDir: string,
): { ctx: Ctx; config: ReturnType<typeof loadConfig>; logger: ReturnType<typeof createLogger> } {
  const config = loadConfig({
    OPENKYB_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    OPENKYB_FILE_STORE: 'local',
    OPENKYB_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    OPENKYB_PUBLIC_URL: 'http://bench.test',
    OPENKYB_RATE_LIMIT_PER_HOUR: '1000000000',
    OPENKYB_SERVE_WORKER: 'false',
    LOG_LEVEL: 'warn',
    // bench:rescreen: the helper threads a re-screen may use (unset: the default).
    OPENKYB_RESCREEN_THREADS: process.env.OPENKYB_RESCREEN_THREADS,
  });
  const logger = createLogger('warn');
  return { ctx: buildCtx({ config, db: database.db, storage: openStorage(config, database.db), clock: systemClock, logger }), config, logger };
}
