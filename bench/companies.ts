import { newRowId } from '../src/db/row-id.js';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { systemClock } from '../src/core/context.js';
import { createApiKey } from '../src/core/partners/create-api-key.js';
import { createPartner } from '../src/core/partners/create-partner.js';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { BeneficiaryRow, CompanyRow } from '../src/db/tables.js';
import { benchCtx } from './lib.js';

const COMPANIES = Number(process.env.OPENKYB_BENCH_COMPANIES ?? 1_000_000);
// Rows per multi-row insert: SQLite takes at most 32,766 bound values per statement (34 company
// columns x 500), PostgreSQL 65,535 (x 1000).
const BATCH = { sqlite: 500, postgres: 1000 } as const;
// Statements per transaction while seeding.
const BATCHES_PER_TRANSACTION = 10;
const ITERATIONS = 200;
// A slow scenario stops after this long (and at least 20 requests).
const SCENARIO_BUDGET_MS = 20_000;
const STATUSES = ['NEED_TO_REVIEW', 'NEED_TO_PROCESS', 'COMPLETED', 'PENDING'];
const WORDS = ['alpha', 'baltic', 'cargo', 'delta', 'ember', 'fjord', 'granit', 'harbor', 'iris', 'jade'];

/** The names a seeded company and its beneficiary carry (the re-screening bench names them near list entries). */
export type SeedNames = (i: number) => { company: string; given: string; surname: string };
const defaultNames: SeedNames = (i) => ({ company: `${WORDS[i % 10]} ${WORDS[Math.floor(i / 10) % 10]} trading ${i}`, given: 'Owner', surname: `Number${i}` });

/** Companies straight into the tables (not through HTTP): one partner holding all of them. */
export async function seed(database: DatabaseHandle, partnerId: string, start: number, count = COMPANIES, names = defaultNames): Promise<void> {
  const db = database.db;
  const batch = BATCH[database.dialect];
  const began = performance.now();
  const managers = [];
  for (let i = 0; i < 10; i += 1) {
    managers.push(
      Number(
        (
          await db
            .insertInto('managers')
            .values({ partner_id: partnerId, email: `m${i}@bench.example`, name: 'M', surname: `${i}`, created_at: start })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      ),
    );
  }
  for (let first = 0; first < count; first += batch * BATCHES_PER_TRANSACTION) {
    const batches: Array<[CompanyRow[], BeneficiaryRow[]]> = [];
    for (let offset = first; offset < Math.min(count, first + batch * BATCHES_PER_TRANSACTION); offset += batch) {
      batches.push(seedBatch(offset, Math.min(count, offset + batch), partnerId, start, managers, names));
    }
    await db.transaction().execute(async (trx) => {
      for (const [companies, beneficiaries] of batches) {
        await trx.insertInto('companies').values(companies).execute();
        await trx.insertInto('beneficiaries').values(beneficiaries).execute();
      }
    });
    const done = Math.min(count, first + batch * BATCHES_PER_TRANSACTION);
    if (done % 50_000 === 0 || done === count) {
      const seconds = (performance.now() - began) / 1000;
      console.log(`  seeded ${done} companies in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(0)}/s)`);
    }
  }
}

/** Companies [from, to) and a beneficiary each; every filter value has a known share. */
function seedBatch(from: number, to: number, partnerId: string, start: number, managers: number[], names: SeedNames): [CompanyRow[], BeneficiaryRow[]] {
  const companies: CompanyRow[] = [];
  const beneficiaries: BeneficiaryRow[] = [];
  for (let i = from; i < to; i += 1) {
    const id = newRowId();
    const named = names(i);
    const name = named.company;
    const reg = `REG${i}`;
    const status = STATUSES[i % 4]!;
    companies.push({
      id,
      partner_id: partnerId,
      client_id: `client-${i}`,
      external_ref: null,
      status,
      created_at: start + i,
      flow_id: null,
      questionnaire_id: null,
      questionnaire_required: 0,
      info: JSON.stringify({ companyName: name, registrationNumber: reg, country: 'LT', additionalInfo: {} }),
      client_system: '{}',
      form_created_at: start + i,
      approval_status: status === 'COMPLETED' ? (i % 8 === 2 ? 'APPROVED' : 'DENIED') : null,
      deny_reason: null,
      submission_time: start + i,
      initial_submission_time: start + i,
      sole_proprietor: 0,
      updated_at: start + i,
      screening_requested_at: null,
      screening_lease_until: null,
      screened_at: null,
      assigned_to: i % 3 === 0 ? managers[i % 10]! : null,
      status_changed_at: null,
      status_changed_by: null,
      approval_status_changed_at: null,
      risk_level: i % 5 === 0 ? 'HIGH' : null,
      // A case waiting for review has a running clock: the queue's "overdue first" sorts on it.
      review_started_at: status === 'NEED_TO_REVIEW' ? start + i : null,
      review_due_at: status === 'NEED_TO_REVIEW' ? start + i + (i % 5 === 0 ? 24 : 72) * 3_600_000 : null,
      risk_requested_at: null,
      info_request: null,
      expiration_status: null,
      automation_ran_at: null,
      automation_statuses: null,
      erased_at: null,
      search_text: `${name} ${reg.toLowerCase()}`,
      registration_number: reg,
    });
    beneficiaries.push({
      id: newRowId(),
      company_id: id,
      parent_id: null,
      info_type: 'INDIVIDUAL',
      beneficiary_types: '["UBO"]',
      info: JSON.stringify({ name: named.given, surname: named.surname }),
      positions: '[]',
      form_filler: 0,
      ownership_percentage: 100,
      scan_ref: null,
      created_at: start + i,
      updated_at: start + i,
    });
  }
  return [companies, beneficiaries];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** `npm run bench -- companies`: the company list with each filter, and the detail, at 1,000,000 companies. */
export async function benchCompanies(label: 'sqlite' | 'postgres', postgresUrl?: string): Promise<void> {
  // OPENKYB_BENCH_KEEP=name keeps the seeded database (SQLite: a folder of that name in the
  // temporary directory; PostgreSQL: a schema) and reuses it next run, to measure a change
  // without seeding again; without it the database is removed at the end.
  const kept = process.env.OPENKYB_BENCH_KEEP;
  if (kept !== undefined && !/^[a-z][a-z0-9_]{0,40}$/.test(kept)) throw new Error('OPENKYB_BENCH_KEEP: lower-case letters, digits and _');
  const dataDir = kept ? path.join(tmpdir(), `openkyb-bench-${kept}`) : mkdtempSync(path.join(tmpdir(), 'openkyb-bench-companies-'));
  mkdirSync(dataDir, { recursive: true });
  let schema: string | undefined;
  if (label === 'postgres') {
    schema = kept ?? `bench_companies_${Date.now()}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema if not exists ${schema}`);
    await admin.end();
  }
  const database = openDatabase({ url: label === 'postgres' ? postgresUrl! : null, dataDir, ...(schema ? { schema } : {}), poolSize: 5 });
  try {
    await migrateToLatest(database);
    const { ctx, config, logger } = benchCtx(database, dataDir);
    // A kept schema's partner is the one that holds the seeded companies; a new key pair signs in as it.
    const seeded = kept ? await database.db.selectFrom('companies').select('partner_id').limit(1).executeTakeFirst() : undefined;
    const partner = seeded
      ? { partnerId: seeded.partner_id, ...(await createApiKey({ ctx, input: { partnerId: seeded.partner_id } })) }
      : await createPartner({ ctx, input: { name: 'Bench' } });
    if (!seeded) {
      const seedStart = performance.now();
      await seed(database, partner.partnerId, Date.parse('2026-01-01T00:00:00Z'));
      // Autovacuum does this after a bulk insert (insert threshold, PostgreSQL 13+); done here so
      // the figures do not depend on when it wakes: statistics and the visibility map that
      // index-only scans need.
      if (label === 'postgres') await sql`vacuum (analyze) companies, beneficiaries, company_counts, company_search`.execute(database.db);
      console.log(`\nSeeded ${COMPANIES} companies with a beneficiary each on ${label} in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);
    } else console.log(`\nReusing the companies seeded in ${schema ?? dataDir}`);
    const app = await buildApp({ config, database, storage: ctx.files.storage, clock: systemClock, logger });
    await app.ready();
    const auth = `Basic ${Buffer.from(`${partner.apiKey}:${partner.apiSecret}`).toString('base64')}`;
    const ids = (await database.db.selectFrom('companies').select('id').where('partner_id', '=', partner.partnerId).limit(1000).execute()).map((r) => r.id);
    const mid = new Date(Date.parse('2026-01-01T00:00:00Z') + COMPANIES / 2).toISOString();
    const one = (i: number) => (i * 7919) % COMPANIES;
    // A scenario is one request, or several sent together as the back office sends them (timed
    // together: the server time of one queue page).
    const scenarios: Array<[string, (i: number) => string | string[]]> = [
      ['detail (baseline)', (i) => `/kyb/companies/${ids[i % ids.length]}/`],
      ['list (no filter)', () => '/kyb/companies/'],
      ['list page 50', () => '/kyb/companies/?page=50'],
      ['list status', () => '/kyb/companies/?status=NEED_TO_PROCESS'],
      ['list approvalStatus', () => '/kyb/companies/?approvalStatus=APPROVED'],
      ['list approvalStatus NONE', () => '/kyb/companies/?approvalStatus=NONE'],
      ['list assignedTo', () => '/kyb/companies/?assignedTo=1'],
      ['list assignedTo none', () => '/kyb/companies/?assignedTo=none'],
      ['list riskLevel', () => '/kyb/companies/?riskLevel=HIGH'],
      ['list status+riskLevel', () => '/kyb/companies/?status=COMPLETED&riskLevel=HIGH'],
      ['list registrationNumber', (i) => `/kyb/companies/?registrationNumber=REG${one(i)}`],
      ['list created (later half)', () => `/kyb/companies/?created=${encodeURIComponent(`${mid},`)}`],
      ['list created half, last page', () => `/kyb/companies/?perPage=100&page=${COMPANIES / 200}&created=${encodeURIComponent(`${mid},`)}`],
      ['list created (one minute)', () => `/kyb/companies/?created=${encodeURIComponent(`${mid},${new Date(Date.parse(mid) + 60_000).toISOString()}`)}`],
      ['list q (common word)', () => '/kyb/companies/?q=BÁLTIC'],
      ['list q (one company)', (i) => `/kyb/companies/?q=trading%20${one(i)}`],
      ['list q (no match)', () => '/kyb/companies/?q=zzzz'],
      ['list q (in every name)', () => '/kyb/companies/?q=tra'],
      ['list q (digits)', () => '/kyb/companies/?q=777'],
      ['list q + created', () => `/kyb/companies/?q=baltic&created=${encodeURIComponent(`${mid},`)}`],
      ['list q + status', () => '/kyb/companies/?q=baltic&status=PENDING'],
      [`list page ${COMPANIES / 100} x 100 (last)`, () => `/kyb/companies/?perPage=100&page=${COMPANIES / 100}`],
      [`list page ${COMPANIES / 200} x 100 (middle)`, () => `/kyb/companies/?perPage=100&page=${COMPANIES / 200}`],
      ['list status, last page', () => `/kyb/companies/?status=NEED_TO_PROCESS&perPage=100&page=${COMPANIES / 400}`],
      ['list page 1000000 (past end)', () => '/kyb/companies/?perPage=100&page=1000000'],
      // The back office's "overdue first" sort, alone and within a status.
      ['list ordering deadline', () => '/kyb/companies/?ordering=deadline'],
      ['list deadline + status', () => '/kyb/companies/?ordering=deadline&status=NEED_TO_REVIEW'],
      ['list deadline + q', () => '/kyb/companies/?ordering=deadline&q=baltic'],
      ['list deadline + q (one company)', (i) => `/kyb/companies/?ordering=deadline&q=trading%20${one(i)}`],
      ['list deadline + riskLevel', () => '/kyb/companies/?ordering=deadline&riskLevel=HIGH'],
      // The back-office queue's status tabs: every status counted in one request.
      ['status counts (riskLevel)', () => '/v1/companies/status-counts/?riskLevel=HIGH'],
      ['status counts (created)', () => `/v1/companies/status-counts/?created=${encodeURIComponent(`${mid},`)}`],
      ['status counts (q common)', () => '/v1/companies/status-counts/?q=baltic'],
      ['status counts (q + created)', () => `/v1/companies/status-counts/?q=baltic&created=${encodeURIComponent(`${mid},`)}`],
      ['status counts (q one)', (i) => `/v1/companies/status-counts/?q=trading%20${one(i)}`],
      // A queue page: its list and its status tabs at once.
      ['queue page (q common)', () => ['/kyb/companies/?q=baltic', '/v1/companies/status-counts/?q=baltic']],
      ['queue page (riskLevel)', () => ['/kyb/companies/?riskLevel=HIGH', '/v1/companies/status-counts/?riskLevel=HIGH']],
      ['queue page (mine)', () => ['/kyb/companies/?assignedTo=1', '/v1/companies/status-counts/?assignedTo=1']],
      ['queue page (q + status)', () => ['/kyb/companies/?q=baltic&status=NEED_TO_REVIEW', '/v1/companies/status-counts/?q=baltic']],
      ['queue page (q + riskLevel)', () => ['/kyb/companies/?q=baltic&riskLevel=HIGH', '/v1/companies/status-counts/?q=baltic&riskLevel=HIGH']],
      ['queue page (q + mine)', () => ['/kyb/companies/?q=baltic&assignedTo=1', '/v1/companies/status-counts/?q=baltic&assignedTo=1']],
      [
        'queue page (q + created)',
        () => {
          const created = encodeURIComponent(`${mid},`);
          return [`/kyb/companies/?q=baltic&created=${created}`, `/v1/companies/status-counts/?q=baltic&created=${created}`];
        },
      ],
    ];
    // OPENKYB_BENCH_SCENARIOS=regex runs only the scenarios whose name matches (the detail baseline always runs).
    const pick = process.env.OPENKYB_BENCH_SCENARIOS ? new RegExp(process.env.OPENKYB_BENCH_SCENARIOS, 'i') : undefined;
    if (pick) scenarios.splice(0, scenarios.length, ...scenarios.filter(([name], i) => i === 0 || pick.test(name)));
    console.log(
      `\nCompany review API on ${label}, ${COMPANIES} companies (up to ${ITERATIONS} sequential requests each, at most ~${SCENARIO_BUDGET_MS / 1000} s, in process)`,
    );
    console.log(
      `  load average at start: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')} (${cpus().length} cores)`,
    );
    console.log(`  ${'scenario'.padEnd(32)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p95/detail'.padStart(11)} ${'count'.padStart(9)}`);
    let baseline = 0;
    for (const [name, url] of scenarios) {
      const send = (i: number) => Promise.all([url(i)].flat().map((one) => app.inject({ method: 'GET', url: one, headers: { authorization: auth } })));
      for (let i = 0; i < 5; i += 1) await send(i);
      const times: number[] = [];
      let count: number | undefined;
      const began = performance.now();
      for (let i = 0; i < ITERATIONS && (i < 20 || performance.now() - began < SCENARIO_BUDGET_MS); i += 1) {
        // A commit before each request, as on a server in use: nothing read before it may be
        // reused (the counts of a search in a time range are kept until the next commit).
        // (A change of value: SQLite counts no commit for a write that changes nothing.)
        await database.db
          .updateTable('partners')
          .set({ name: `Bench ${i}` })
          .where('id', '=', partner.partnerId)
          .execute();
        const t = performance.now();
        const responses = await send(i);
        times.push(performance.now() - t);
        for (const res of responses) if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        const body = responses[0]!.json() as { count?: number; total?: number };
        count = body.count ?? body.total;
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 0.95);
      if (baseline === 0) baseline = p95;
      console.log(
        `  ${name.padEnd(32)} ${percentile(times, 0.5).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${(p95 / baseline).toFixed(1).padStart(11)} ${String(count ?? '').padStart(9)}`,
      );
    }
    console.log(
      `  load average at end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    await app.close();
  } finally {
    await database.destroy();
    if (schema && !kept) {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    }
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}
