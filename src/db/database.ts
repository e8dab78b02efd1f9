import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresAdapter, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { commitTimePool } from './commit-time-pool.js';
import { ddlBatchingPool } from './ddl-batching-pool.js';
import { createWorkListener } from './notify.js';
import { registerDirectReader } from './prepared.js';
import { createSqliteEngine } from './sqlite-dialect.js';
import type { Database } from './tables.js';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  /**
   * What `migrateToLatest` migrates with: `db` on SQLite; on PostgreSQL the same pool, with each
   * migration's schema statements sent in one round trip (ddl-batching-pool.ts).
   */
  migrations: Db;
  dialect: DialectName;
  /**
   * Every commit is on disk when its transaction (or single write) resolves, on both databases:
   * PostgreSQL's commit is (synchronous_commit), and SQLite's driver waits for the grouped WAL
   * fsync that covers it (see sqlite-dialect.ts). A 2xx therefore never needs a flush.
   * This resolves once every commit made so far *by anyone* is on disk: a reader that acts on
   * another writer's fresh commit (the webhook claim) awaits it before acting.
   */
  flush(): Promise<void>;
  /**
   * Calls `wake` when another process (or this one) commits work of `topic` (`notifyWork`):
   * PostgreSQL LISTEN on one connection of its own. On SQLite it never calls: there is one
   * process, and its server wakes its own workers. Returns the unsubscribe.
   */
  onWork(topic: string, wake: () => void): () => void;
  /** True when `onWork` is live, so a worker may poll seldom, as a fallback. */
  canListen: boolean;
  /**
   * For writes whose loss in a crash harms nobody (rate-limit counters: a lost increment lets
   * one more request through): PostgreSQL commits them without waiting for the WAL flush
   * (`synchronous_commit = off` on a small pool of their own), so a counted request does not
   * wait for a disk. Everything acknowledged to a client goes through `db`. SQLite: `db` itself
   * (its rate limits are counted in memory; see app.ts).
   */
  counters: Db;
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL, or null for SQLite in dataDir. */
  url: string | null;
  dataDir: string;
  /** PostgreSQL only: a schema to work in (tests isolate themselves this way). */
  schema?: string;
  poolSize?: number;
  logger?: Logger;
}

// int8 and numeric come back from pg as strings; our int8 columns hold epoch-ms and counts,
// all far below 2^53, so numbers are exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.url) {
    const settings = options.schema ? [`-c search_path=${options.schema}`] : [];
    // pg takes `options` from its config over the URL's: the URL's go last, so an operator's own
    // settings there (say, parallel workers) still win over OpenKYB's defaults.
    const fromUrl = new URL(options.url).searchParams.get('options');
    const openPool = (max: number, extra: string[]) => {
      const all = [...settings, ...extra, ...(fromUrl ? [fromUrl] : [])];
      // An idle connection is kept a minute, past the idle workers' longest poll (30 s): pg's
      // default closed it after 10 s, so every idle poll opened a new connection and backend.
      const pool = new pg.Pool({ connectionString: options.url!, max, idleTimeoutMillis: 60_000, ...(all.length > 0 ? { options: all.join(' ') } : {}) });
      // An idle client losing its connection must not crash the process.
      pool.on('error', (error) => options.logger?.error({ err: { message: error.message } }, 'postgres pool error'));
      return pool;
    };
    // No parallel workers: a server's requests already run side by side, and on the 2-core
    // machine measured they made a search's count at 1,000,000 companies 2.5 to 3 times slower,
    // not faster (docs/performance.md, tenth session; docs/decisions.md "Reviewer API").
    const pool = openPool(options.poolSize ?? 10, ['-c max_parallel_workers_per_gather=0']);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: commitTimePool(pool) }) });
    // Connections are opened on first use: a process that counts nothing opens none.
    const counters = new Kysely<Database>({ dialect: new PostgresDialect({ pool: openPool(2, ['-c synchronous_commit=off']) }) });
    const listener = createWorkListener({
      connectionString: options.url,
      ...(options.schema ? { schema: options.schema } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    return {
      db,
      migrations: new Kysely<Database>({ dialect: new PostgresDialect({ pool: ddlBatchingPool(pool) }) }),
      dialect: 'postgres',
      flush: async () => {},
      onWork: listener.on,
      canListen: true,
      counters,
      destroy: async () => {
        await listener.close();
        await counters.destroy();
        await db.destroy();
      },
    };
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dataDir, 'openkyb.sqlite');
  restrictToOwner(file);
  const engine = createSqliteEngine(file);
  const db = new Kysely<Database>({ dialect: engine.dialect });
  registerDirectReader(db, engine.readNow);
  return {
    db,
    migrations: db,
    dialect: 'sqlite',
    flush: engine.flush,
    onWork: () => () => {},
    canListen: false,
    counters: db,
    destroy: async () => {
      await db.destroy();
      await engine.close();
    },
  };
}

/**
 * The database holds every client's personal data: only its owner may read it, as with the
 * secret file. The file is created 0600 before SQLite opens it (an empty file is a new
 * database), and SQLite gives its -wal and -shm files the database file's mode. Files left
 * 0644 by earlier versions are tightened.
 */
function restrictToOwner(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const each of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(each)) chmodSync(each, 0o600);
  }
}

/** Which database a handle (or a transaction of it) talks to, for the few queries that differ. */
export function dialectOf(db: Db): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * PostgreSQL runs transactions side by side (READ COMMITTED): a transaction that checks
 * then writes must lock the rows it checks. SQLite serialises write transactions already.
 */
export function needsRowLocks(db: Db): boolean {
  return db.isTransaction && db.getExecutor().adapter instanceof PostgresAdapter;
}
