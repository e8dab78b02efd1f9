import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { createPartner } from '../src/core/partners/create-partner.js';
import { importList } from '../src/core/screening/import-list.js';
import { rescreenListChanges } from '../src/core/screening/rescreen-list-changes.js';
import { openDatabase, type DatabaseHandle, type DatabaseOptions } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { ScreeningIndexHost } from '../src/screening-runtime/index-host.js';
import { fullName, listVersionA, listVersionB, nearPerson, seeded, writeFtm, type ListPerson } from '../test/rescreen-cases.js';
import { seed } from './companies.js';
import { benchCtx } from './lib.js';

/**
 * `npm run bench:rescreen`: incremental re-screening when a list version changes 500 entities,
 * with OPENKYB_BENCH_SUBJECTS screened subjects (a company and one beneficiary per case; the
 * seed also holds denied cases, which are not re-screened). SQLite in a temp folder, or
 * PostgreSQL in a schema of its own with OPENKYB_BENCH_POSTGRES_URL. One in 50 beneficiaries is
 * named near a listed person, the others get generated names of the same shape. The names are
 * stored in clear (rows from before encryption are read as they are), so the per-company key
 * unwrapping of real cases is not in these figures.
 *
 * OPENKYB_BENCH_KEEP=name keeps the database once list B is imported (SQLite: a folder of that
 * name in the temporary directory; PostgreSQL: a schema) and, next run, starts from there: the
 * re-screen is measured again without seeding again (the list is marked pending again).
 */
const SUBJECTS = Number(process.env.OPENKYB_BENCH_SUBJECTS ?? 1_000_000);
const LIST_SIZE = Number(process.env.OPENKYB_BENCH_LIST ?? 100_000);
const CHANGED = 500;
const postgresUrl = process.env.OPENKYB_BENCH_POSTGRES_URL;
const kept = process.env.OPENKYB_BENCH_KEEP;
if (kept !== undefined && !/^[a-z][a-z0-9_]{0,40}$/.test(kept)) throw new Error('OPENKYB_BENCH_KEEP: lower-case letters, digits and _');

const dataDir = kept ? path.join(tmpdir(), `openkyb-bench-rescreen-${kept}`) : mkdtempSync(path.join(tmpdir(), 'openkyb-bench-rescreen-'));
mkdirSync(dataDir, { recursive: true });
const schema = postgresUrl ? (kept ?? `bench_rescreen_${Date.now()}`) : undefined;
const readyMark = path.join(dataDir, postgresUrl ? `ready-${schema}` : 'ready');
const isReady = kept !== undefined && existsSync(readyMark);
if (schema) await adminQuery(`create schema if not exists ${schema}`);
const options: DatabaseOptions = { url: postgresUrl ?? null, dataDir, ...(schema ? { schema } : {}) };
const database = openDatabase({ ...options, poolSize: postgresUrl ? 5 : 1 });
try {
  await migrateToLatest(database);
  const { ctx, logger, config } = benchCtx(database, dataDir);
  if (isReady) {
    await database.db.updateTable('screening_lists').set({ rescreen_pending: 1 }).where('is_live', '=', 1).where('changes', 'is not', null).execute();
    console.log(`reusing the database seeded in ${schema ?? dataDir}`);
  } else await prepare(ctx, database);
  const host = new ScreeningIndexHost(options, logger);
  let started = performance.now();
  await host.reload();
  console.log(`index of the new version built in ${((performance.now() - started) / 1000).toFixed(1)} s (every worker does this on any list change)`);
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} (${cpus().length} cores)`,
  );
  started = performance.now();
  const cpuStarted = process.cpuUsage();
  // As the worker does: OPENKYB_RESCREEN_THREADS, by default the machine's cores (at most 4).
  const outcome = await rescreenListChanges({ ctx, searcher: host, threads: config.rescreenThreads });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  console.log(
    `incremental re-screen on ${postgresUrl ? 'PostgreSQL' : 'SQLite'}: ${outcome?.examined} open cases (${(outcome?.examined ?? 0) * 2} subjects) against ` +
      `${outcome?.entities} changed entities in ${seconds.toFixed(1)} s (${((1e6 * seconds) / ((outcome?.examined ?? 1) * 2)).toFixed(0)} us a subject; ` +
      `process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; ${outcome?.threads} index threads); ${outcome?.queued} cases queued for screening`,
  );
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  await host.close();
} finally {
  await database.destroy();
  if (!kept) {
    if (schema) await adminQuery(`drop schema ${schema} cascade`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** List A, the seeded cases, then list B: the state the worker finds when list B is imported. */
async function prepare(ctx: ReturnType<typeof benchCtx>['ctx'], handle: DatabaseHandle): Promise<void> {
  const rand = seeded(2026);
  const a = listVersionA(rand, LIST_SIZE);
  // About 500 entities: a third each added, changed and removed.
  const b = listVersionB(rand, a, Math.ceil(CHANGED / 3), 'bench');
  const people = a.filter((e): e is ListPerson => e.kind === 'person');
  let started = performance.now();
  await importList({ ctx, input: { source: 'ftm', path: await writeFtm(a) } });
  console.log(`list A: ${a.length} entities imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const partner = await createPartner({ ctx, input: { name: 'Bench' } });
  const companies = Math.ceil(SUBJECTS / 2);
  started = performance.now();
  await seed(handle, partner.partnerId, Date.parse('2026-01-01T00:00:00Z'), companies, (i) => {
    const near = nearPerson(rand, people[i % people.length]!, i);
    const isNear = i % 50 === 0;
    const other = fullName(people[(i * 7919) % people.length]!).split(' ');
    return {
      company: `${other[1]} ${other[2]} Trading ${i} UAB`,
      given: isNear ? near.name : `${other[0]}${i % 97}`,
      surname: isNear ? near.surname : `${other[2]}${i % 89}`,
    };
  });
  // Autovacuum does this after a bulk insert; done here so the figures do not depend on when it wakes.
  if (handle.dialect === 'postgres') await sql`vacuum (analyze) companies, beneficiaries`.execute(handle.db);
  console.log(`seeded ${companies} cases (${companies * 2} subjects) in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const imported = await importList({ ctx, input: { source: 'ftm', path: await writeFtm(b.entries) } });
  console.log(`list B: ${JSON.stringify(imported.changes)} (${imported.rescreen})`);
  if (kept) writeFileSync(readyMark, '');
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(text);
  await admin.end();
}
