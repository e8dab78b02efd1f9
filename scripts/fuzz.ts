/**
 * The long contract fuzz: `npm run fuzz [-- --requests N] [-- --seed S]`. N requests (default
 * 50 000) per database: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. Prints a
 * progress line and a summary per database; exits 1 on any 5xx or error body off the envelope.
 * `--dialect sqlite|postgres` runs one database only (e.g. both at once in two terminals).
 */
import { parseArgs } from 'node:util';
import { runContractFuzz, type FuzzSummary } from '../test/fuzz/contract-fuzz.js';
import { FUZZ_CONFIG, fuzzTenant } from '../test/fuzz/setup.js';
import { createHarness, DIALECTS } from '../test/harness.js';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '50000' }, seed: { type: 'string', default: '1' }, dialect: { type: 'string' } },
});
const requests = Number(values.requests);
const seed = Number(values.seed);

let failed = false;
for (const dialect of DIALECTS.filter((d) => !values.dialect || d === values.dialect)) {
  const { harness, cleanup } = await createHarness(dialect, FUZZ_CONFIG);
  try {
    const tenant = await fuzzTenant(harness);
    const started = Date.now();
    // Stopped early (Ctrl-C, a timeout), the run still reports what it did.
    let latest: FuzzSummary | null = null;
    const report = (summary: FuzzSummary, extra: Record<string, unknown>) =>
      console.log(
        JSON.stringify(
          {
            dialect,
            seed,
            requests: summary.requests,
            seconds: Math.round((Date.now() - started) / 1000),
            ...extra,
            unsendable: summary.unsendable,
            failureCount: summary.failureCount,
            statuses: summary.statuses,
            perOperation: summary.perOperation,
            // A 500 names its request id; the server's own log lines for it say what broke.
            failures: summary.failures.map((f) => {
              const id = /\(request ([^)]+)\)/.exec(f.body ?? '')?.[1];
              return id ? { ...f, serverLog: harness.logs.filter((line) => line.includes(id)) } : f;
            }),
          },
          null,
          2,
        ),
      );
    const stop = () => {
      if (latest) report(latest, { stoppedEarly: true });
      process.exit(2);
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
    const progress = (s: FuzzSummary) => {
      latest = s;
      process.stderr.write(
        `\r[${dialect}] ${s.requests}/${requests} requests, ${Math.round(s.requests / ((Date.now() - started) / 1000))}/s, failures ${s.failureCount}   `,
      );
    };
    const summary = await runContractFuzz(harness, tenant, { seed, requests, onProgress: progress, progressEvery: 250 });
    const health = await harness.app.inject({ url: '/healthz' });
    process.stderr.write('\n');
    report(summary, { healthz: health.statusCode });
    failed ||= summary.failureCount > 0 || health.statusCode !== 200;
  } finally {
    await cleanup();
  }
}
process.exit(failed ? 1 : 0);
