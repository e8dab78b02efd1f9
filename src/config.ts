import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The list formats `openkyb lists import` reads (see src/screening). */
export const SCREENING_SOURCES = ['ofac-sdn', 'ofac-nonsdn', 'un', 'eu', 'uk', 'ftm'] as const;

/** The document stores `OPENKYB_FILE_STORE` selects (see src/storage). */
export const FILE_STORES = ['local', 'database', 's3'] as const;

/** The registry providers `OPENKYB_REGISTRY_PROVIDERS` may name (src/registries/build-providers.ts). */
export const REGISTRY_PROVIDER_IDS = ['sandbox', 'uk-companies-house-open-data', 'gleif-open-data', 'uk-companies-house-api', 'gleif-api'] as const;

/** Every setting OpenKYB reads, in one schema. Parsed once at start-up and frozen. */
export const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  dataDir: Type.String({ minLength: 1 }),
  /** A postgres:// URL selects PostgreSQL; null means SQLite in the data dir. */
  databaseUrl: Type.Union([Type.String({ pattern: '^postgres(ql)?://' }), Type.Null()]),
  /**
   * Where documents live: `local` (files under the data dir), `database` (a table of the
   * database, so every server on one PostgreSQL reads every upload) or `s3` (a bucket of an
   * S3-compatible object store, `s3` below). Default: `database` with a PostgreSQL URL, `local`
   * with SQLite. `openkyb files migrate --to ...` moves files between them.
   */
  fileStore: Type.Union([Type.Literal('local'), Type.Literal('database'), Type.Literal('s3')]),
  /** The bucket of the `s3` store; null when no OPENKYB_S3_* setting is given. */
  s3: Type.Union([
    Type.Object({
      bucket: Type.String({ minLength: 1 }),
      region: Type.String({ minLength: 1 }),
      /** Base URL of an S3-compatible service; null: AWS S3 in `region`. */
      endpoint: Type.Union([Type.String({ pattern: '^https?://' }), Type.Null()]),
      accessKeyId: Type.String({ minLength: 1 }),
      secretAccessKey: Type.String({ minLength: 1 }),
      /** Bucket in the path (`<endpoint>/<bucket>/...`) rather than in the host name. */
      pathStyle: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  /** Pepper for keyed hashes of secrets and tokens; never has a default. */
  secret: Type.String({ minLength: 32 }),
  /** A file holding the master key for personal data at rest; unset: derived from `secret`. */
  masterKeyFile: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])),
  /** During a master key rotation: the key file that was current before. */
  previousMasterKeyFile: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])),
  /** During a master key rotation: the secret that was current before. */
  previousSecret: Type.Optional(Type.Union([Type.String({ minLength: 32 }), Type.Null()])),
  /** Absolute base URL under which this server is reachable (links in responses, docs). */
  publicUrl: Type.String({ pattern: '^https?://' }),
  rateLimitPerHour: Type.Integer({ minimum: 1 }),
  /** Largest accepted upload, decoded (documents, questionnaire files). */
  maxUploadBytes: Type.Integer({ minimum: 1024 }),
  /** How long a signed file link stays valid. */
  fileUrlTtlSeconds: Type.Integer({ minimum: 60 }),
  /** Delays before each webhook retry; its length + 1 is the number of attempts per delivery. */
  webhookRetryScheduleMs: Type.Array(Type.Integer({ minimum: 0, maximum: 7 * DAY_MS }), { maxItems: 100 }),
  /** Total time for one delivery attempt: DNS, connect, TLS, request and response headers. */
  webhookTimeoutMs: Type.Integer({ minimum: 100, maximum: 60_000 }),
  /** Lets webhook URLs resolve to loopback, private and link-local addresses (tests, local development). */
  webhookAllowPrivateUrls: Type.Boolean(),
  /** Whether `openkyb serve` also runs the background worker (webhook delivery) in its process. */
  serveWorker: Type.Boolean(),
  /** Lists that must be live for a screening to count as a check; empty: at least one list. */
  screeningRequiredLists: Type.Array(Type.Union(SCREENING_SOURCES.map((s) => Type.Literal(s)))),
  /** A list older than this (its publication date, else its import) leaves subjects NOT_CHECKED. */
  screeningMaxListAgeMs: Type.Integer({ minimum: 60_000 }),
  /** Where the scheduled refresh downloads each list from (source -> URL); empty: no refresh. */
  screeningSourceUrls: Type.Record(Type.String(), Type.String({ pattern: '^https?://' })),
  /** How often the scheduled refresh runs; 0: never (the default, for deployments without internet). */
  screeningRefreshMs: Type.Integer({ minimum: 0 }),
  /** Index threads a re-screen after a list change may use, the worker's own included (each holds a copy of the index). */
  rescreenThreads: Type.Integer({ minimum: 1, maximum: 16 }),
  /** Company and person registers to use, most specific first (docs/registries.md); the sandbox by default. */
  registryProviders: Type.Array(Type.Union(REGISTRY_PROVIDER_IDS.map((id) => Type.Literal(id))), { minItems: 1, maxItems: 20 }),
  /** How long one register call may take before it counts as timed out. */
  registryTimeoutMs: Type.Integer({ minimum: 100, maximum: 300_000 }),
  /** Delays before each retry of a register delivery that timed out or failed; its length + 1 is the number of attempts. */
  registryRetryScheduleMs: Type.Array(Type.Integer({ minimum: 0, maximum: 7 * DAY_MS }), { maxItems: 100 }),
  /** What the online and open-data registry providers need (docs/registries.md, "Configuration"). */
  registrySources: Type.Object({
    /** The Companies House API key; required when `uk-companies-house-api` is configured. */
    companiesHouseApiKey: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
    companiesHouseApiUrl: Type.String({ pattern: '^https?://' }),
    companiesHouseDocumentUrl: Type.String({ pattern: '^https?://' }),
    gleifApiUrl: Type.String({ pattern: '^https?://' }),
    /** The countries the GLEIF providers serve (ISO alpha-2); empty: every country. */
    gleifCountries: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { maxItems: 300 }),
  }),
  /** Retention periods (README, "Retention"); 0 turns that purge off. */
  retention: Type.Object({
    /** A final event's body is emptied this long after its last delivery attempt. */
    webhookBodiesMs: Type.Integer({ minimum: 0 }),
    /** Final deliveries, their attempts and their events are deleted this long after their last change. */
    webhookDeliveriesMs: Type.Integer({ minimum: 0 }),
    /** Idempotency records are deleted this long after they were written (never inside the replay window). */
    idempotencyMs: Type.Integer({ minimum: 0 }),
    /** An APPROVED or DENIED case's personal data is erased this long after its last change. */
    decidedCasesMs: Type.Integer({ minimum: 0 }),
  }),
  /** Back-office sign-in (README, "Managers"). */
  managerSignIn: Type.Object({
    /** A session unused this long ends. */
    sessionIdleMs: Type.Integer({ minimum: 60_000 }),
    /** A session ends this long after sign-in, used or not. */
    sessionMaxMs: Type.Integer({ minimum: 60_000 }),
    /** Consecutive failed sign-ins that lock an account. */
    maxFailures: Type.Integer({ minimum: 1, maximum: 1000 }),
    /** How long a locked account stays locked. */
    lockMs: Type.Integer({ minimum: 1000 }),
    /** Sign-in and set-password attempts one client address may make per 15 minutes, whatever the account. */
    maxAttemptsPerAddress: Type.Integer({ minimum: 1, maximum: 100_000 }),
  }),
  logLevel: Type.Union([
    Type.Literal('fatal'),
    Type.Literal('error'),
    Type.Literal('warn'),
    Type.Literal('info'),
    Type.Literal('debug'),
    Type.Literal('trace'),
    Type.Literal('silent'),
  ]),
});
export type Config = Readonly<Static<typeof ConfigSchema>>;

/**
 * 12 attempts over about 30 hours: quick retries for a blip, then growing gaps so a receiver
 * that is down for a day still gets every event.
 */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE = '10s,1m,5m,15m,30m,1h,2h,4h,6h,8h,8h';

/** Five attempts over about 45 minutes: a register that is briefly down still delivers. */
export const DEFAULT_REGISTRY_RETRY_SCHEDULE = '30s,2m,10m,30m';

const checkConfig = Compile(ConfigSchema);

export class ConfigError extends Error {}

/** Reads settings from the environment (see README for the variables). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.OPENKYB_DATA_DIR ?? './data');
  const port = Number(env.PORT ?? 8080);
  const raw = {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    fileStore: env.OPENKYB_FILE_STORE || (env.DATABASE_URL ? 'database' : 'local'),
    s3: parseS3(env),
    secret: env.OPENKYB_SECRET || loadOrCreateSecret(dataDir),
    masterKeyFile: env.OPENKYB_MASTER_KEY_FILE ? path.resolve(env.OPENKYB_MASTER_KEY_FILE) : null,
    previousMasterKeyFile: env.OPENKYB_PREVIOUS_MASTER_KEY_FILE ? path.resolve(env.OPENKYB_PREVIOUS_MASTER_KEY_FILE) : null,
    previousSecret: env.OPENKYB_PREVIOUS_SECRET || null,
    publicUrl: (env.OPENKYB_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    rateLimitPerHour: Number(env.OPENKYB_RATE_LIMIT_PER_HOUR ?? 10_000),
    maxUploadBytes: Number(env.OPENKYB_MAX_UPLOAD_BYTES ?? 10 * 1024 * 1024),
    fileUrlTtlSeconds: Number(env.OPENKYB_FILE_URL_TTL_SECONDS ?? 3600),
    webhookRetryScheduleMs: parseDurations('OPENKYB_WEBHOOK_RETRY_SCHEDULE', env.OPENKYB_WEBHOOK_RETRY_SCHEDULE ?? DEFAULT_WEBHOOK_RETRY_SCHEDULE),
    webhookTimeoutMs: Number(env.OPENKYB_WEBHOOK_TIMEOUT_MS || 10_000),
    webhookAllowPrivateUrls: parseBoolean('OPENKYB_WEBHOOK_ALLOW_PRIVATE_URLS', env.OPENKYB_WEBHOOK_ALLOW_PRIVATE_URLS, false),
    serveWorker: parseBoolean('OPENKYB_SERVE_WORKER', env.OPENKYB_SERVE_WORKER, true),
    screeningRequiredLists: parseList(env.OPENKYB_SCREENING_REQUIRED_LISTS),
    screeningMaxListAgeMs: parseDurations('OPENKYB_SCREENING_MAX_LIST_AGE', env.OPENKYB_SCREENING_MAX_LIST_AGE || '7d')[0] ?? 7 * DAY_MS,
    screeningSourceUrls: parseSourceUrls(env.OPENKYB_SCREENING_SOURCES),
    screeningRefreshMs: parseDurations('OPENKYB_SCREENING_REFRESH_INTERVAL', env.OPENKYB_SCREENING_REFRESH_INTERVAL || '0ms')[0] ?? 0,
    rescreenThreads: Number(env.OPENKYB_RESCREEN_THREADS || Math.min(4, availableParallelism())),
    registryProviders: parseRegistryProviders(env.OPENKYB_REGISTRY_PROVIDERS),
    registryTimeoutMs: Number(env.OPENKYB_REGISTRY_TIMEOUT_MS || 10_000),
    registryRetryScheduleMs: parseDurations('OPENKYB_REGISTRY_RETRY_SCHEDULE', env.OPENKYB_REGISTRY_RETRY_SCHEDULE ?? DEFAULT_REGISTRY_RETRY_SCHEDULE),
    registrySources: parseRegistrySources(env),
    retention: {
      webhookBodiesMs: parseDuration('OPENKYB_RETENTION_WEBHOOK_BODIES', env.OPENKYB_RETENTION_WEBHOOK_BODIES, '30d'),
      webhookDeliveriesMs: parseDuration('OPENKYB_RETENTION_WEBHOOK_DELIVERIES', env.OPENKYB_RETENTION_WEBHOOK_DELIVERIES, '90d'),
      idempotencyMs: parseIdempotencyRetention(env.OPENKYB_RETENTION_IDEMPOTENCY),
      decidedCasesMs: parseDuration('OPENKYB_RETENTION_DECIDED_CASES', env.OPENKYB_RETENTION_DECIDED_CASES, '1826d'),
    },
    managerSignIn: {
      sessionIdleMs: Number(env.OPENKYB_SESSION_IDLE_MINUTES || 30) * 60_000,
      sessionMaxMs: Number(env.OPENKYB_SESSION_MAX_HOURS || 12) * 3_600_000,
      maxFailures: Number(env.OPENKYB_SIGN_IN_MAX_FAILURES || 5),
      lockMs: Number(env.OPENKYB_SIGN_IN_LOCK_MINUTES || 15) * 60_000,
      maxAttemptsPerAddress: Number(env.OPENKYB_SIGN_IN_PER_ADDRESS || 30),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
  };
  return parseConfig(raw);
}

export function parseConfig(raw: unknown): Config {
  if (!checkConfig.Check(raw)) {
    const problems = [...checkConfig.Errors(raw)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  if (raw.fileStore === 's3' && !raw.s3) throw new ConfigError('OPENKYB_FILE_STORE=s3 needs OPENKYB_S3_BUCKET and the other OPENKYB_S3_* settings');
  return Object.freeze({ ...raw });
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS };

/** "10s,1m,2h" -> [10000, 60000, 7200000]; an empty value means no retries. */
export function parseDurations(name: string, value: string): number[] {
  if (value.trim() === '') return [];
  return value.split(',').map((part) => {
    const match = /^\s*(\d+)\s*(ms|s|m|h|d)\s*$/.exec(part);
    if (!match) throw new ConfigError(`${name}: "${part.trim()}" is not a duration such as 500ms, 10s, 5m, 2h or 1d`);
    return Number(match[1]) * UNIT_MS[match[2]!]!;
  });
}

/** One duration (see parseDurations); "0" alone means 0, which turns a retention purge off. */
function parseDuration(name: string, value: string | undefined, fallback: string): number {
  const text = value === undefined || value.trim() === '' ? fallback : value.trim();
  if (text === '0') return 0;
  const parsed = parseDurations(name, text);
  if (parsed.length !== 1) throw new ConfigError(`${name}: "${text}" is not one duration such as 30d`);
  return parsed[0]!;
}

/** Deleting a record inside the 24 h replay window would let a retried request act twice. */
function parseIdempotencyRetention(value: string | undefined): number {
  const ms = parseDuration('OPENKYB_RETENTION_IDEMPOTENCY', value, '2d');
  if (ms !== 0 && ms < DAY_MS) throw new ConfigError('OPENKYB_RETENTION_IDEMPOTENCY: must be 0 (off) or at least 24h, the replay window');
  return ms;
}

function parseList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "un=https://...,ofac-sdn=https://.../" -> {un: ..., 'ofac-sdn': ...}. */
function parseSourceUrls(value: string | undefined): Record<string, string> {
  return Object.fromEntries(
    parseList(value).map((entry) => {
      const [source, url] = entry.split(/=(.*)/s);
      if (!source || !url || !(SCREENING_SOURCES as readonly string[]).includes(source)) {
        throw new ConfigError(`OPENKYB_SCREENING_SOURCES: "${entry}" is not source=URL with a source of ${SCREENING_SOURCES.join(', ')}`);
      }
      return [source, url];
    }),
  );
}

/** "sandbox" by default: with nothing configured, the sandbox register answers (docs/registries.md). */
function parseRegistryProviders(value: string | undefined): string[] {
  const ids = parseList(value);
  if (ids.length === 0) return ['sandbox'];
  for (const id of ids) {
    if (!(REGISTRY_PROVIDER_IDS as readonly string[]).includes(id)) {
      throw new ConfigError(`OPENKYB_REGISTRY_PROVIDERS: "${id}" is not one of ${REGISTRY_PROVIDER_IDS.join(', ')}`);
    }
  }
  return ids;
}

/** The settings of the configured providers; a provider named without what it needs is a clear error at start. */
function parseRegistrySources(env: NodeJS.ProcessEnv): Config['registrySources'] {
  const apiKey = env.OPENKYB_COMPANIES_HOUSE_API_KEY?.trim() || null;
  if (apiKey === null && parseRegistryProviders(env.OPENKYB_REGISTRY_PROVIDERS).includes('uk-companies-house-api')) {
    throw new ConfigError('OPENKYB_REGISTRY_PROVIDERS: "uk-companies-house-api" needs OPENKYB_COMPANIES_HOUSE_API_KEY');
  }
  return {
    companiesHouseApiKey: apiKey,
    companiesHouseApiUrl: env.OPENKYB_COMPANIES_HOUSE_API_URL || 'https://api.company-information.service.gov.uk',
    companiesHouseDocumentUrl: env.OPENKYB_COMPANIES_HOUSE_DOCUMENT_URL || 'https://document-api.company-information.service.gov.uk',
    gleifApiUrl: env.OPENKYB_GLEIF_API_URL || 'https://api.gleif.org/api/v1',
    gleifCountries: parseList(env.OPENKYB_GLEIF_COUNTRIES).map((code) => {
      const upper = code.toUpperCase();
      if (!/^[A-Z]{2}$/.test(upper)) throw new ConfigError(`OPENKYB_GLEIF_COUNTRIES: "${code}" is not a two-letter country code`);
      return upper === 'UK' ? 'GB' : upper;
    }),
  };
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name}: "${value}" is not true or false`);
}

/**
 * The pepper is generated once per data dir, readable only by its owner. Several servers
 * sharing one PostgreSQL must share it, so they should set OPENKYB_SECRET instead.
 */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: theirs wins, so both use the same pepper.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}

/**
 * The `s3` store's bucket from OPENKYB_S3_*: null when none is set; the bucket and both keys are
 * required once any is. AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_REGION are read as the
 * usual fallbacks.
 */
function parseS3(env: NodeJS.ProcessEnv): unknown {
  const names = [
    'OPENKYB_S3_BUCKET',
    'OPENKYB_S3_REGION',
    'OPENKYB_S3_ENDPOINT',
    'OPENKYB_S3_ACCESS_KEY_ID',
    'OPENKYB_S3_SECRET_ACCESS_KEY',
    'OPENKYB_S3_PATH_STYLE',
  ];
  if (!names.some((name) => env[name])) return null;
  return {
    bucket: env.OPENKYB_S3_BUCKET ?? '',
    region: env.OPENKYB_S3_REGION || env.AWS_REGION || 'us-east-1',
    endpoint: env.OPENKYB_S3_ENDPOINT ? env.OPENKYB_S3_ENDPOINT.replace(/\/+$/, '') : null,
    accessKeyId: env.OPENKYB_S3_ACCESS_KEY_ID || env.AWS_ACCESS_KEY_ID || '',
    secretAccessKey: env.OPENKYB_S3_SECRET_ACCESS_KEY || env.AWS_SECRET_ACCESS_KEY || '',
    pathStyle: parseBoolean('OPENKYB_S3_PATH_STYLE', env.OPENKYB_S3_PATH_STYLE, false),
  };
}
