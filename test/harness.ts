import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../src/app.js';
import { parseConfig, type Config } from '../src/config.js';
import { buildCtx, type Clock, type Ctx, type PartnerCtx } from '../src/core/context.js';
import { createPartner } from '../src/core/partners/create-partner.js';
import { openDatabase, type DatabaseHandle, type DialectName } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { App } from '../src/http/context.js';
import { openStorage } from '../src/storage/open-storage.js';
import { ScreeningIndexHost } from '../src/screening-runtime/index-host.js';
import { createLogger } from '../src/logger.js';
import { buildRegistryProviders } from '../src/registries/build-providers.js';

/** PostgreSQL runs when TEST_DATABASE_URL is set (.ci/run sets it); SQLite always runs. */
const DAY_MS = 24 * 60 * 60 * 1000;

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || null;
export const DIALECTS: DialectName[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export class TestClock implements Clock {
  constructor(public ms = Date.parse('2026-11-26T10:00:00Z')) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A database of its own: a temp SQLite file, or a fresh PostgreSQL schema. */
export async function openTestDatabase(
  dialect: DialectName,
): Promise<{ handle: DatabaseHandle; dataDir: string; url: string | null; schema?: string; cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-test-'));
  if (dialect === 'sqlite') {
    const handle = openDatabase({ url: null, dataDir });
    await migrateToLatest(handle);
    return {
      handle,
      dataDir,
      url: null,
      cleanup: async () => {
        await handle.destroy();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL! });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ url: TEST_DATABASE_URL, dataDir, schema, poolSize: 5 });
  await migrateToLatest(handle);
  return {
    handle,
    dataDir,
    url: TEST_DATABASE_URL,
    schema,
    cleanup: async () => {
      await handle.destroy();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL! });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestPartner {
  partnerId: string;
  apiKey: string;
  apiSecret: string;
  /** The Authorization header value. */
  auth: string;
  ctx: PartnerCtx;
}

export interface Harness {
  dialect: DialectName;
  app: App;
  clock: TestClock;
  config: Config;
  database: DatabaseHandle;
  /** Everything the server logged, one JSON line per entry. */
  logs: string[];
  ctx: Ctx;
  /** This app's screening index; empty until a test imports lists and calls reload(). */
  screening: ScreeningIndexHost;
  partner(name?: string): Promise<TestPartner>;
}

export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return parseConfig({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: null,
    fileStore: 'local',
    s3: null,
    secret: 'test-pepper-test-pepper-test-pepper-0123',
    publicUrl: 'http://openkyb.test',
    rateLimitPerHour: 10_000,
    logLevel: 'info',
    maxUploadBytes: 10 * 1024 * 1024,
    fileUrlTtlSeconds: 3600,
    webhookRetryScheduleMs: [1000, 2000],
    webhookTimeoutMs: 2000,
    webhookAllowPrivateUrls: true,
    serveWorker: false,
    // The bundled list snapshots are months old; tests that check staleness set their own age.
    screeningRequiredLists: [],
    screeningMaxListAgeMs: 3650 * 24 * 3600_000,
    screeningSourceUrls: {},
    screeningRefreshMs: 0,
    rescreenThreads: 2,
    registryProviders: ['sandbox'],
    registryTimeoutMs: 1000,
    registryRetryScheduleMs: [60_000, 120_000],
    registrySources: {
      companiesHouseApiKey: null,
      companiesHouseApiUrl: 'http://127.0.0.1:9/companies-house',
      companiesHouseDocumentUrl: 'http://127.0.0.1:9/companies-house-documents',
      gleifApiUrl: 'http://127.0.0.1:9/gleif',
      gleifCountries: [],
    },
    managerSignIn: { sessionIdleMs: 30 * 60_000, sessionMaxMs: 12 * 3_600_000, maxFailures: 5, lockMs: 15 * 60_000, maxAttemptsPerAddress: 10_000 },
    retention: { webhookBodiesMs: 30 * DAY_MS, webhookDeliveriesMs: 90 * DAY_MS, idempotencyMs: 2 * DAY_MS, decidedCasesMs: 1826 * DAY_MS },
    ...overrides,
  });
}

/**
 * Runs a suite once per database dialect, each with its own app and database.
 * `setup` gets a getter because the harness only exists once beforeAll ran.
 */
export function describeEachDialect(title: string, suite: (h: () => Harness) => void, overrides: Partial<Config> = {}): void {
  for (const dialect of DIALECTS) {
    describe(`${title} [${dialect}]`, () => suite(useHarness(dialect, overrides)));
  }
}

/**
 * A harness for the enclosing describe block: made in beforeAll, closed in afterAll. Returns a
 * getter because the harness only exists once beforeAll ran.
 */
export function useHarness(dialect: DialectName, overrides: Partial<Config> = {}): () => Harness {
  let made: { harness: Harness; cleanup(): Promise<void> } | undefined;
  beforeAll(async () => {
    made = await createHarness(dialect, overrides);
  });
  afterAll(async () => {
    await made?.cleanup();
  });
  return () => made!.harness;
}

export async function createHarness(dialect: DialectName, overrides: Partial<Config> = {}): Promise<{ harness: Harness; cleanup(): Promise<void> }> {
  const opened = await openTestDatabase(dialect);
  const config = testConfig(opened.dataDir, overrides);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger('info', sink);
  const clock = new TestClock();
  const storage = openStorage(config, opened.handle.db);
  const screening = new ScreeningIndexHost({ url: opened.url, dataDir: opened.dataDir, ...(opened.schema ? { schema: opened.schema } : {}) }, logger);
  const registries = buildRegistryProviders({ config, db: opened.handle.db, now: () => clock.now() });
  const app = await buildApp({ config, database: opened.handle, storage, clock, logger, screening, registries });
  await app.ready();
  const ctx: Ctx = buildCtx({ config, db: opened.handle.db, storage, clock, logger, registries });
  const harness: Harness = {
    dialect,
    app,
    clock,
    config,
    database: opened.handle,
    logs,
    ctx,
    screening,
    async partner(name = 'Partner') {
      const created = await createPartner({ ctx, input: { name } });
      const auth = `Basic ${Buffer.from(`${created.apiKey}:${created.apiSecret}`).toString('base64')}`;
      return { ...created, auth, ctx: { ...ctx, partnerId: created.partnerId } };
    },
  };
  return {
    harness,
    cleanup: async () => {
      await app.close();
      await screening.close();
      await opened.cleanup();
    },
  };
}
