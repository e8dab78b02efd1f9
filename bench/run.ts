import type autocannon from 'autocannon';
import { cannon, printTable, startTarget, type BenchTarget, type CannonResult } from './lib.js';
import { benchCompanies } from './companies.js';
import { benchRegistries } from './registries.js';
import { measureFootprint, printFootprint } from './footprint.js';
import { benchPdf } from './pdf.js';
import { prepareSessionFlow, runSession, sessionLoad } from './session.js';

/**
 * `npm run bench`: the token API against a bare route of the same server, in one run.
 * SQLite always; PostgreSQL too when OPENKYB_BENCH_POSTGRES_URL (or TEST_DATABASE_URL) is set:
 * each run works in a fresh schema of its own and drops it at the end.
 */
async function benchTokens(target: BenchTarget): Promise<void> {
  const { url } = target.server;
  const json = { 'content-type': 'application/json', authorization: target.auth };
  const tokens: string[] = [];
  for (let i = 0; i < 500; i += 1) {
    const res = await fetch(`${url}/kyb/tokens/`, { method: 'POST', headers: json, body: JSON.stringify({ tokenType: 'FORM', clientId: `seed-${i}` }) });
    tokens.push(((await res.json()) as { tokenString: string }).tokenString);
  }
  let next = 0;
  const scenarios: Record<'bare' | 'create' | 'info', autocannon.Options> = {
    bare: { url: `${url}/livez` },
    create: {
      url: `${url}/kyb/tokens/`,
      method: 'POST' as const,
      headers: json,
      body: JSON.stringify({ tokenType: 'FORM', clientId: 'bench-client', externalRef: 'ref-1', tags: ['bench'] }),
    },
    info: {
      url: `${url}/kyb/info/`,
      requests: [{ setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${tokens[next++ % tokens.length]}` } }) }],
    },
  };
  // Every route is warmed up first (JIT, statement caches), then measured in the same conditions.
  for (const options of Object.values(scenarios)) await cannon('warm-up', { ...options, duration: 3 });
  const bare = await cannon('GET /livez (bare)', scenarios.bare);
  const create = await cannon('POST /kyb/tokens/', scenarios.create);
  const info = await cannon('GET /kyb/info/', scenarios.info);
  const rows: CannonResult[] = [bare, create, info];
  printTable(`Token API on ${target.label} (16 connections, 10 s each after a 3 s warm-up)`, rows, bare);
  const goals = target.label === 'sqlite' ? { create: 0.35, info: 0.7 } : { create: 0.25, info: 0.4 };
  const ratio = (row: CannonResult) => (row.requestsPerSecond / bare.requestsPerSecond).toFixed(2);
  console.log(`  ratios: token creation ${ratio(create)} (goal >= ${goals.create}), info ${ratio(info)} (goal >= ${goals.info})`);
}

/** Whole KYB sessions through the API (see session.ts), 8 clients at a time. */
async function benchSessions(target: BenchTarget): Promise<number> {
  const flowId = await prepareSessionFlow(target);
  await runSession(target, flowId, -1);
  const result = await sessionLoad(target, flowId, 8, 15_000);
  console.log(`\nWhole KYB sessions on ${target.label} (token, form, 3 beneficiaries, 2 x 200 KB documents, answers, submit; 8 clients, 15 s)`);
  console.log(
    `  ${result.sessionsPerSecond.toFixed(1)} sessions/s (${(result.sessionsPerSecond * 11).toFixed(0)} API requests/s), p99 ${result.p99Ms.toFixed(0)} ms per session, ${result.completed} sessions`,
  );
  return result.sessionsPerSecond;
}

/**
 * `npm run bench -- tokens`, `-- sessions`, `-- footprint`, `-- pdf`, `-- companies` or `-- registries`
 * runs one part (companies and registries only on request: they load 1,000,000).
 */
const only = process.argv[2];

async function main(): Promise<void> {
  // In process: the dossier's rendering time, not the HTTP stack's, is what is measured.
  if (only === 'pdf') return benchPdf();
  const targets: Array<['sqlite' | 'postgres', string | undefined]> = [['sqlite', undefined]];
  const postgresUrl = process.env.OPENKYB_BENCH_POSTGRES_URL || process.env.TEST_DATABASE_URL;
  if (postgresUrl) targets.push(['postgres', postgresUrl]);
  else console.log('(set OPENKYB_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test to bench PostgreSQL too)');
  // OPENKYB_BENCH_ONLY=postgres (or sqlite) benches one database: a 1,000,000-row seed takes minutes.
  const onlyTarget = process.env.OPENKYB_BENCH_ONLY;
  if (onlyTarget) targets.splice(0, targets.length, ...targets.filter(([label]) => label === onlyTarget));
  if (only === 'companies') {
    for (const [label, url] of targets) await benchCompanies(label, url);
    return;
  }
  if (only === 'registries') {
    for (const [label, url] of targets) await benchRegistries(label, url);
    return;
  }
  if (!only || only === 'footprint') for (const [label, url] of targets) printFootprint(await measureFootprint(label, url));
  if (only === 'footprint') return;
  const sessionsPerSecond = new Map<string, number>();
  for (const [label, url] of targets) {
    const target = await startTarget(label, url);
    try {
      if (!only || only === 'tokens') await benchTokens(target);
      if (!only || only === 'sessions') sessionsPerSecond.set(label, await benchSessions(target));
    } finally {
      await target.close();
    }
  }
  const [sqlite, postgres] = [sessionsPerSecond.get('sqlite'), sessionsPerSecond.get('postgres')];
  if (sqlite && postgres) console.log(`\nSessions: SQLite / PostgreSQL = ${(sqlite / postgres).toFixed(2)} (goal <= 1.5)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
