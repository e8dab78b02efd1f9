import { cpus, loadavg } from 'node:os';
import { buildIndex, type Entity, type ScreeningIndex } from '../src/screening/engine.js';
import { negatives, readEvalCsv, treatedPositives } from '../scripts/eval/cases.js';
import { pick, seededRandom } from '../scripts/eval/prng.js';
import { variedCorpus, type CorpusSource } from './screening-corpus.js';
import { loadEntities } from '../scripts/eval/run-eval.js';
import { screeningDataDir } from '../test/screening/data-dir.js';

/**
 * `npm run bench:screening` (node --expose-gc): index build time and heap for the
 * provided lists and for corpora of 300,000 and 1,000,000 names (BENCH_NAMES, comma
 * separated, chooses the sizes), then per-name search latency on one core. Timings
 * belong here, never in pass/fail tests.
 */
const CORPUS_SIZES = (process.env['BENCH_NAMES'] ?? '300000,1000000').split(',').map(Number);
const QUERIES = Number(process.env['BENCH_QUERIES'] ?? 4000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:screening does)');

const dataDir = screeningDataDir();
let lists: Entity[] = await loadEntities(dataDir);

function heapMb(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/**
 * Heap is reported twice: with the caller still holding the parsed entities,
 * and with only the index alive (an integrator stores entities in its database
 * and can release them once the index is built).
 */
function measureBuild(label: string, makeEntities: () => Entity[]): ScreeningIndex {
  const baseline = heapMb();
  let entities: Entity[] | null = makeEntities();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const index = buildIndex(entities);
  const buildMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const withEntities = heapMb();
  const names = entities.reduce((n, e) => n + e.names.length, 0);
  const count = entities.length;
  // Dropped on purpose: the next heap figure must hold the index alone.
  // eslint-disable-next-line no-useless-assignment
  entities = null;
  const indexOnly = heapMb();
  console.log(`${label}: ${count} entities, ${names} names (${index.stats.nameCount} distinct), ${index.stats.termCount} terms`);
  console.log(
    `  build ${(buildMs / 1000).toFixed(2)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, load average ${loadavg()[0]!.toFixed(1)}); heap after GC: ${indexOnly.toFixed(0)} MB with the index alone, ` +
      `${withEntities.toFixed(0)} MB while the entities are also held (process baseline before loading ${baseline.toFixed(0)} MB)`,
  );
  return index;
}

const people = readEvalCsv(dataDir, 'negatives_global_50k.csv') as unknown as CorpusSource['people'];

function latency(index: ScreeningIndex): void {
  const random = seededRandom(7);
  const negativeCases = negatives(dataDir, 'negatives_global_1k.csv', 'negative');
  const queries = Array.from({ length: QUERIES }, (_, i) => (i % 2 ? pick(random, positives) : pick(random, negativeCases)));
  for (const q of queries.slice(0, 300)) index.search({ name: q.query, kind: q.kind });
  // Wall-clock time suffers from whatever else runs on the machine; CPU time of
  // this thread does not, so both are reported.
  const wall = new Float64Array(queries.length);
  const cpu = new Float64Array(queries.length);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  queries.forEach((q, i) => {
    const t = performance.now();
    const c = process.cpuUsage();
    index.search({ name: q.query, kind: q.kind }, { threshold: 0.5, limit: 10 });
    const used = process.cpuUsage(c);
    cpu[i] = (used.user + used.system) / 1000;
    wall[i] = performance.now() - t;
  });
  const totalMs = performance.now() - started;
  const cpuTotal = process.cpuUsage(cpuStarted);
  const cpuTotalMs = (cpuTotal.user + cpuTotal.system) / 1000;
  const line = (label: string, times: Float64Array) => {
    times.sort();
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
    return `${label} p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${times[times.length - 1]!.toFixed(1)} ms`;
  };
  console.log(`  latency over ${queries.length} names (half treated listed names, half synthetic persons):`);
  console.log(`    ${line('wall clock', wall)}`);
  console.log(`    ${line('CPU time  ', cpu)}`);
  console.log(
    `  throughput on one core: ${Math.round((1000 * queries.length) / totalMs)} names/s wall clock, ` +
      `${Math.round((1000 * queries.length) / cpuTotalMs)} names/s of CPU time; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  );
}

console.log(`OpenKYB screening benchmark (node ${process.version}, one thread)`);
const positives = treatedPositives(lists, { persons: 300, organisations: 150 }, 11);
{
  const listIndex = measureBuild('provided lists (OFAC SDN + non-SDN + UN)', () => lists);
  latency(listIndex);
}
// One call per size: a loop variable of this top-level code would keep the previous size's index
// alive (in the interpreter's register) while the next one is measured.
async function benchCorpus(size: number, isLast: boolean): Promise<void> {
  if (lists.length === 0) lists = await loadEntities(dataDir);
  const index = measureBuild(`${size.toLocaleString('en')}-name corpus (the lists, then generated names: see bench/screening-corpus.ts)`, () => {
    const all = variedCorpus({ lists, people }, size, size);
    // The last corpus lets the lists go too, so its heap figure holds its index alone.
    if (isLast) lists = [];
    return all;
  });
  latency(index);
}
for (const [n, size] of CORPUS_SIZES.entries()) await benchCorpus(size, n === CORPUS_SIZES.length - 1);
