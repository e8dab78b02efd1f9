import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, postgresUrlWithSchema } from '../test/process.js';
import { serverEntry } from './lib.js';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

export interface Footprint {
  label: 'sqlite' | 'postgres';
  startupMs: number;
  /** Resident memory just after /livez first answered 200. */
  startRssMb: number;
  /** Resident memory after the idle period. */
  idleRssMb: number;
  idleCpuPercent: number;
  idleSeconds: number;
  how: string;
}

/**
 * An idle `openkyb serve` on an empty database (SQLite, or a fresh schema of `postgresUrl`): time
 * from spawn to a healthy /livez and its resident memory then; after 90 s of settling (the
 * workers' polls back off while idle), the CPU it used over `idleSeconds` and its resident memory
 * (Linux /proc). The server is the bundle production runs, built afresh (`serverEntry`).
 */
export async function measureFootprint(label: 'sqlite' | 'postgres' = 'sqlite', postgresUrl?: string, idleSeconds = 60): Promise<Footprint> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-footprint-'));
  let databaseUrl = '';
  const schema = `footprint_${Date.now()}`;
  if (label === 'postgres') {
    await adminQuery(postgresUrl!, `create schema ${schema}`);
    databaseUrl = postgresUrlWithSchema(postgresUrl!, schema);
  }
  const args = [...serverEntry(), 'serve'];
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...process.env,
      OPENKYB_DATA_DIR: dataDir,
      OPENKYB_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('openkyb serve exited during start-up');
      if (
        await fetch(`http://127.0.0.1:${port}/livez`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (performance.now() - started > 60_000) throw new Error('openkyb serve did not start in 60 s');
      await sleep(20);
    }
    const startupMs = performance.now() - started;
    const startRssMb = rssKb(child.pid!) / 1024;
    await sleep(SETTLE_MS);
    const before = cpuTicks(child.pid!);
    await sleep(idleSeconds * 1000);
    const used = (cpuTicks(child.pid!) - before) / TICKS_PER_SECOND;
    return {
      label,
      startupMs,
      startRssMb,
      idleRssMb: rssKb(child.pid!) / 1024,
      idleCpuPercent: (used / idleSeconds) * 100,
      idleSeconds,
      how: 'the bundled server (scripts/build-server.mjs), as production runs it',
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
    if (label === 'postgres') await adminQuery(postgresUrl!, `drop schema ${schema} cascade`);
  }
}

/**
 * Long enough for every idle poll to reach its longest interval (30 s), and for V8's memory
 * reducer, which compacts the heap about a minute after start-up's allocations stop (a few full
 * collections: a one-off, not idle cost), to have run.
 */
const SETTLE_MS = 90_000;

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function cpuTicks(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function printFootprint(f: Footprint): void {
  console.log(`\nIdle footprint on ${f.label === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, empty database (${f.how})`);
  console.log(`  start-up to healthy ${f.startupMs.toFixed(0)} ms (goal <= 1500)`);
  console.log(`  RSS at start ${f.startRssMb.toFixed(0)} MB; idle RSS ${f.idleRssMb.toFixed(0)} MB (goal <= 120)`);
  console.log(`  idle CPU ${f.idleCpuPercent.toFixed(2)} % of a core over ${f.idleSeconds} s (goal < 0.2)`);
}
