import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { DATASETS } from '../src/registries/open-data/datasets/index.js';
import { importDataset } from '../src/registries/open-data/import-dataset.js';
import { ukOpenDataProvider } from '../src/registries/open-data/open-data-providers.js';

/**
 * `npm run bench -- registries`: a Companies House basic data file of OPENKYB_BENCH_REGISTRY_ROWS
 * companies (default 1,000,000) in the published layout (the fixture's header, 55 quoted columns),
 * imported through `importDataset`, then searched by name variants and by number.
 */
const ROWS = Number(process.env.OPENKYB_BENCH_REGISTRY_ROWS ?? 1_000_000);
const QUERIES = 300;
const FIXTURE = path.join(import.meta.dirname, '../test/fixtures/registries/uk-basic-2021-01-01.csv');
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'to',
  'vi',
  'der',
  'mar',
  'ston',
  'ley',
  'bridge',
  'ton',
  'wick',
  'field',
  'ham',
  'ford',
  'bury',
  'dale',
];
const COMMON = ['holdings', 'services', 'consulting', 'trading', 'property', 'solutions', 'group', 'uk', 'international', 'management'];
const FORMS = ['LIMITED', 'LTD', 'PLC', 'LLP', 'LIMITED'];

/** A deterministic pseudo-random number generator (mulberry32), so every run has the same file. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function word(next: () => number): string {
  const count = 2 + Math.floor(next() * 2);
  let text = '';
  for (let i = 0; i < count; i += 1) text += SYLLABLES[Math.floor(next() * SYLLABLES.length)]!;
  return text;
}

function companyName(next: () => number): string {
  const words = [word(next)];
  if (next() < 0.6) words.push(word(next));
  if (next() < 0.5) words.push(COMMON[Math.floor(next() * COMMON.length)]!);
  return `${words.join(' ')} ${FORMS[Math.floor(next() * FORMS.length)]}`.toUpperCase();
}

async function writeFile(file: string): Promise<Array<{ name: string; number: string }>> {
  const header = readFileSync(FIXTURE, 'utf8').split('\n', 1)[0]!;
  const columns = header.split(',').length;
  const out = createWriteStream(file);
  out.write(header + '\n');
  const next = random(42);
  const samples: Array<{ name: string; number: string }> = [];
  const empty = Array<string>(columns - 16).fill('""');
  for (let i = 0; i < ROWS; i += 1) {
    const name = companyName(next);
    const number = (i % 10 === 0 ? 'SC' : '') + String(i).padStart(i % 10 === 0 ? 6 : 8, '0');
    if (i % Math.floor(ROWS / QUERIES) === 0 && samples.length < QUERIES) samples.push({ name, number });
    const row = [
      name,
      number,
      '',
      '',
      `${i} HIGH STREET`,
      '',
      'LONDON',
      '',
      'UNITED KINGDOM',
      'EC1A 1BB',
      'Private Limited Company',
      'Active',
      'United Kingdom',
      '',
      '01/02/2015',
      '31',
    ];
    const line = row.map((value) => `"${value}"`).join(',') + ',' + empty.join(',') + '\n';
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return samples;
}

/** "ACME WIDGETS LIMITED" as someone types it: lower case, "Ltd.", words swapped, a comma. */
function variant(name: string, i: number): string {
  const words = name.split(' ');
  const form = words.pop()!;
  const typed = [...words];
  if (i % 3 === 1 && typed.length > 1) typed.reverse();
  const legal = form === 'LIMITED' ? 'Ltd.' : form === 'LTD' ? 'Limited' : form.toLowerCase();
  const text = `${typed.join(i % 2 === 0 ? ', ' : ' ')} ${legal}`;
  return i % 2 === 0 ? text.toLowerCase() : text;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchRegistries(label: 'sqlite' | 'postgres', postgresUrl?: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'openkyb-bench-registries-'));
  const file = path.join(dir, 'BasicCompanyDataAsOneFile-2026-11-01.csv');
  let schema: string | undefined;
  if (label === 'postgres') {
    schema = `bench_registries_${Date.now()}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
  }
  const database = openDatabase({ url: label === 'postgres' ? postgresUrl! : null, dataDir: dir, ...(schema ? { schema } : {}), poolSize: 5 });
  try {
    await migrateToLatest(database);
    let began = performance.now();
    const samples = await writeFile(file);
    console.log(`\nRegisters on ${label}: ${ROWS.toLocaleString('en')} companies generated in ${((performance.now() - began) / 1000).toFixed(0)} s`);
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    // Sampled on a timer: the indexes are built after the last row, with no progress call.
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    const load = () =>
      loadavg()
        .map((each) => each.toFixed(2))
        .join(' ');
    console.log(`  load average before the import: ${load()}`);
    began = performance.now();
    const seconds = () => ((performance.now() - began) / 1000).toFixed(0);
    const result = await importDataset({
      db: database.db,
      dataset: DATASETS['uk-basic'],
      path: file,
      now: Date.now(),
      onProgress: ({ rows, isIndexing }) => {
        if (isIndexing) console.log(`  all ${rows.toLocaleString('en')} rows in at ${seconds()} s; building the indexes (load ${load()})`);
        else if (rows % 250_000 === 0) console.log(`  ${rows.toLocaleString('en')} rows in ${seconds()} s`);
      },
    }).finally(() => clearInterval(sampler));
    const importSeconds = (performance.now() - began) / 1000;
    console.log(
      `  import: ${result.rowCount.toLocaleString('en')} rows in ${importSeconds.toFixed(0)} s (${(result.rowCount / importSeconds).toFixed(0)} rows/s); RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before, peak ${(peakRss / 2 ** 20).toFixed(0)} MB; load average after: ${load()}`,
    );
    const provider = ukOpenDataProvider(database.db);
    for (const [kind, queries] of [
      ['name variants', samples.map((sample, i) => ({ country: 'GB', name: variant(sample.name, i) }))],
      ['numbers', samples.map((sample) => ({ country: 'GB', number: sample.number.replace(/^0+/, '') }))],
    ] as const) {
      for (const query of queries.slice(0, 20)) await provider.search(query);
      const times: number[] = [];
      let found = 0;
      for (const [i, query] of queries.entries()) {
        const start = performance.now();
        const hits = await provider.search(query);
        times.push(performance.now() - start);
        // Generated names repeat: the company, or one of the same name, counts as found.
        if (hits.some((hit) => hit.number === samples[i]!.number || hit.name === samples[i]!.name)) found += 1;
      }
      times.sort((a, b) => a - b);
      console.log(
        `  search by ${kind}: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${times.at(-1)!.toFixed(1)} ms; the company found in ${found}/${queries.length}`,
      );
    }
  } finally {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
    if (schema) {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    }
  }
}
