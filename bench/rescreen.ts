import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPartner } from '../src/core/partners/create-partner.js';
import { importList } from '../src/core/screening/import-list.js';
import { rescreenListChanges } from '../src/core/screening/rescreen-list-changes.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { ScreeningIndexHost } from '../src/screening-runtime/index-host.js';
import { fullName, listVersionA, listVersionB, nearPerson, seeded, writeFtm, type ListPerson } from '../test/rescreen-cases.js';
import { seed } from './companies.js';
import { benchCtx } from './lib.js';

/**
 * `npm run bench:rescreen`: incremental re-screening when a list version changes 500 entities,
 * with OPENKYB_BENCH_SUBJECTS screened subjects (a company and one beneficiary per case; the
 * seed also holds denied cases, which are not re-screened). SQLite in a temp folder. One in 50
 * beneficiaries is named near a listed person, the others get generated names of the same shape.
 * The names are stored in clear (rows from before encryption are read as they are), so the
 * per-company key unwrapping of real cases is not in these figures.
 */
const SUBJECTS = Number(process.env.OPENKYB_BENCH_SUBJECTS ?? 1_000_000);
const LIST_SIZE = Number(process.env.OPENKYB_BENCH_LIST ?? 100_000);
const CHANGED = 500;

const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-bench-rescreen-'));
const database = openDatabase({ url: null, dataDir, poolSize: 1 });
try {
  await migrateToLatest(database);
  const { ctx, logger } = benchCtx(database, dataDir);
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
  await seed(database, partner.partnerId, Date.parse('2026-01-01T00:00:00Z'), companies, (i) => {
    const near = nearPerson(rand, people[i % people.length]!, i);
    const isNear = i % 50 === 0;
    const other = fullName(people[(i * 7919) % people.length]!).split(' ');
    return {
      company: `${other[1]} ${other[2]} Trading ${i} UAB`,
      given: isNear ? near.name : `${other[0]}${i % 97}`,
      surname: isNear ? near.surname : `${other[2]}${i % 89}`,
    };
  });
  console.log(`seeded ${companies} cases (${companies * 2} subjects) in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const imported = await importList({ ctx, input: { source: 'ftm', path: await writeFtm(b.entries) } });
  console.log(`list B: ${JSON.stringify(imported.changes)} (${imported.rescreen})`);
  const host = new ScreeningIndexHost({ url: null, dataDir }, logger);
  started = performance.now();
  await host.reload();
  console.log(`index of the new version built in ${((performance.now() - started) / 1000).toFixed(1)} s (every worker does this on any list change)`);
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} (${cpus().length} cores)`,
  );
  started = performance.now();
  const outcome = await rescreenListChanges({ ctx, searcher: host });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `incremental re-screen: ${outcome?.examined} open cases (${(outcome?.examined ?? 0) * 2} subjects) against ${outcome?.entities} changed entities in ${seconds.toFixed(1)} s; ${outcome?.queued} cases queued for screening`,
  );
  await host.close();
} finally {
  await database.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
