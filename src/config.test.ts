import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const load = (env: Record<string, string>) => loadConfig({ OPENKYB_DATA_DIR: dataDir, OPENKYB_SECRET: 's'.repeat(40), ...env });

it('retries webhooks at least 10 times over at least a day by default, within 10 s each, to public addresses only', () => {
  const config = load({});
  expect(config.webhookRetryScheduleMs.length + 1).toBeGreaterThanOrEqual(10);
  expect(config.webhookRetryScheduleMs.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
  expect(config.webhookTimeoutMs).toBe(10_000);
  expect(config.webhookAllowPrivateUrls).toBe(false);
  expect(config.serveWorker).toBe(true);
});

it('reads the webhook settings from the environment', () => {
  const config = load({
    OPENKYB_WEBHOOK_RETRY_SCHEDULE: '500ms, 10s,2m,1h,1d',
    OPENKYB_WEBHOOK_TIMEOUT_MS: '2500',
    OPENKYB_WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    OPENKYB_SERVE_WORKER: 'false',
  });
  expect(config.webhookRetryScheduleMs).toEqual([500, 10_000, 120_000, 3_600_000, 86_400_000]);
  expect(config.webhookTimeoutMs).toBe(2500);
  expect(config.webhookAllowPrivateUrls).toBe(true);
  expect(config.serveWorker).toBe(false);
  expect(load({ OPENKYB_WEBHOOK_RETRY_SCHEDULE: '' }).webhookRetryScheduleMs).toEqual([]);
});

it.each([
  [{ OPENKYB_WEBHOOK_RETRY_SCHEDULE: '10s,soon' }, /"soon" is not a duration/],
  [{ OPENKYB_WEBHOOK_RETRY_SCHEDULE: '8d' }, /webhookRetryScheduleMs/],
  [{ OPENKYB_WEBHOOK_ALLOW_PRIVATE_URLS: 'maybe' }, /OPENKYB_WEBHOOK_ALLOW_PRIVATE_URLS: "maybe"/],
  [{ OPENKYB_SERVE_WORKER: 'off' }, /OPENKYB_SERVE_WORKER/],
  [{ OPENKYB_WEBHOOK_TIMEOUT_MS: '50' }, /webhookTimeoutMs/],
])('refuses %o at start-up', (env, message) => {
  expect(() => load(env)).toThrow(ConfigError);
  expect(() => load(env)).toThrow(message);
});

it('keeps webhook bodies 30 days, deliveries 90, idempotency records 2 and decided cases 5 years by default; 0 turns a purge off', () => {
  const day = 24 * 60 * 60 * 1000;
  expect(load({}).retention).toEqual({ webhookBodiesMs: 30 * day, webhookDeliveriesMs: 90 * day, idempotencyMs: 2 * day, decidedCasesMs: 1826 * day });
  expect(
    load({ OPENKYB_RETENTION_WEBHOOK_BODIES: '0', OPENKYB_RETENTION_DECIDED_CASES: '3650d', OPENKYB_RETENTION_IDEMPOTENCY: '24h' }).retention,
  ).toMatchObject({ webhookBodiesMs: 0, decidedCasesMs: 3650 * day, idempotencyMs: day });
});

it.each([
  [{ OPENKYB_RETENTION_IDEMPOTENCY: '1h' }, /at least 24h, the replay window/],
  [{ OPENKYB_RETENTION_WEBHOOK_BODIES: '7d,1d' }, /not one duration/],
  [{ OPENKYB_RETENTION_DECIDED_CASES: '5y' }, /"5y" is not a duration/],
])('refuses the retention setting %o', (env, message) => {
  expect(() => load(env)).toThrow(message);
});

it('uses the sandbox register unless told otherwise, and refuses a provider it does not know', () => {
  expect(load({})).toMatchObject({ registryProviders: ['sandbox'], registryTimeoutMs: 10_000, registryRetryScheduleMs: [30_000, 120_000, 600_000, 1_800_000] });
  expect(load({ OPENKYB_REGISTRY_TIMEOUT_MS: '2500', OPENKYB_REGISTRY_RETRY_SCHEDULE: '1s,5s' })).toMatchObject({
    registryTimeoutMs: 2500,
    registryRetryScheduleMs: [1000, 5000],
  });
  expect(() => load({ OPENKYB_REGISTRY_PROVIDERS: 'sandbox,nowhere' })).toThrow(ConfigError);
});

it('reads the S3 document store from OPENKYB_S3_*, and refuses the s3 store without a bucket and keys', () => {
  expect(load({}).s3).toBeNull();
  const config = load({
    OPENKYB_FILE_STORE: 's3',
    OPENKYB_S3_BUCKET: 'kyb-documents',
    OPENKYB_S3_REGION: 'eu-central-1',
    OPENKYB_S3_ENDPOINT: 'https://minio.internal:9000/',
    OPENKYB_S3_ACCESS_KEY_ID: 'id',
    OPENKYB_S3_SECRET_ACCESS_KEY: 'secret',
    OPENKYB_S3_PATH_STYLE: 'true',
  });
  expect(config.fileStore).toBe('s3');
  expect(config.s3).toEqual({
    bucket: 'kyb-documents',
    region: 'eu-central-1',
    endpoint: 'https://minio.internal:9000',
    accessKeyId: 'id',
    secretAccessKey: 'secret',
    pathStyle: true,
  });
  expect(load({ OPENKYB_S3_BUCKET: 'b', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 's' }).s3).toMatchObject({
    region: 'us-east-1',
    endpoint: null,
    pathStyle: false,
  });
  expect(() => load({ OPENKYB_FILE_STORE: 's3' })).toThrow(/OPENKYB_FILE_STORE=s3 needs OPENKYB_S3_BUCKET/);
  expect(() => load({ OPENKYB_S3_BUCKET: 'b' })).toThrow(ConfigError);
  expect(() =>
    load({
      OPENKYB_FILE_STORE: 's3',
      OPENKYB_S3_BUCKET: 'b',
      OPENKYB_S3_ACCESS_KEY_ID: 'a',
      OPENKYB_S3_SECRET_ACCESS_KEY: 's',
      OPENKYB_S3_PATH_STYLE: 'yes please',
    }),
  ).toThrow(/OPENKYB_S3_PATH_STYLE/);
});

it('shares a re-screen among up to 4 index threads by default, and refuses a count that is not 1 to 16', () => {
  expect(load({}).rescreenThreads).toBe(Math.min(4, availableParallelism()));
  expect(load({ OPENKYB_RESCREEN_THREADS: '1' }).rescreenThreads).toBe(1);
  for (const value of ['0', '17', '2.5', 'abc']) {
    expect(() => load({ OPENKYB_RESCREEN_THREADS: value })).toThrow(ConfigError);
  }
});
