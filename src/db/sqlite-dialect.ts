import { closeSync, fsync, fsyncSync, openSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

const fsyncAsync = promisify(fsync);
const requireFromHere = createRequire(import.meta.url);

/**
 * SQLite for Kysely, tuned for a server:
 * - two connections: autocommit reads never wait for a writing transaction; while one is open
 *   they go to a reader (WAL gives it the last committed state), otherwise to the writer, whose
 *   page cache is warm (SqliteDriver.readerFor); transactions and writes go to the writer,
 *   one at a time, starting with BEGIN IMMEDIATE so another process waits on the busy timeout
 *   instead of failing on a lock upgrade;
 * - prepared statements are reused;
 * - group commit: COMMIT does not fsync (synchronous=NORMAL); instead, a transaction (or a write
 *   outside one) resolves only after a WAL fsync on the thread pool that covers its commit. The
 *   fsync runs after the write lock is released, so the next transaction proceeds meanwhile and
 *   one fsync covers every commit made before it started. Durability is that of
 *   synchronous=FULL, by construction: no caller has to remember to flush.
 */
export interface SqliteEngine {
  dialect: Dialect;
  /**
   * Runs a read-only statement on the reader at once, or returns null for anything else. For
   * prepared() queries outside transactions: the same SQL without Kysely's connection round.
   */
  readNow(sql: string, parameters: readonly unknown[]): unknown[] | null;
  /** Resolves once every commit made so far is on disk (commits already wait for their own). */
  flush(): Promise<void>;
  /** How many commits were made, and how many of them are known to be on disk. */
  commitCounts(): { commits: number; synced: number };
  /**
   * After Kysely's destroy: releases the WAL file handle and ends the checkpoint thread, whose
   * connection, the last one open, checkpoints the rest of the WAL and removes it as it closes.
   * Resolves once it has: until then SQLite may still write beside the database file.
   */
  close(): Promise<void>;
}

export function createSqliteEngine(file: string): SqliteEngine {
  const writer = open(file);
  writer.pragma('journal_mode = WAL');
  writer.pragma('synchronous = NORMAL');
  // Checkpoints run on their own thread (Checkpointer), not inside whichever commit crosses
  // SQLite's 1000-page mark on the event loop, with the database file's fsync.
  writer.pragma('wal_autocheckpoint = 0');
  const reader = open(file);
  reader.pragma('query_only = ON');
  const driver = new SqliteDriver(writer, reader);
  const durability = new GroupCommit(file, driver, new Checkpointer(file));
  driver.durable = () => durability.flush();
  return {
    dialect: {
      createAdapter: () => new TransactionalDdlAdapter(),
      createDriver: () => driver,
      createQueryCompiler: () => new SqliteQueryCompiler(),
      createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    },
    readNow: (sql, parameters) => {
      const statement = reader.prepare(sql);
      return statement.readonly && statement.reader ? driver.readerFor(sql).all(parameters as unknown[]) : null;
    },
    flush: () => durability.flush(),
    commitCounts: () => ({ commits: driver.commits, synced: durability.synced }),
    close: () => durability.close(),
  };
}

/**
 * SQLite's DDL is transactional; Kysely's adapter says otherwise to be safe with drivers that
 * commit implicitly. Saying so makes the Migrator apply migrations in one BEGIN IMMEDIATE
 * transaction: a second process migrating the same file waits for the first, then finds nothing
 * left to do (PostgreSQL's adapter takes an advisory lock for the same end).
 */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

function open(file: string): CachedDatabase {
  const db = new SqliteDatabase(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Deleted rows are overwritten, not left in free pages: an erased company must be gone from the file.
  db.pragma('secure_delete = ON');
  return new CachedDatabase(db);
}

class CachedDatabase {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();
  constructor(readonly db: SqliteDatabase.Database) {}

  prepare(sql: string): SqliteDatabase.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= 1000) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  pragma(source: string): unknown {
    return this.db.pragma(source);
  }
}

function run(database: CachedDatabase, query: CompiledQuery): QueryResult<unknown> {
  const statement = database.prepare(query.sql);
  const parameters = query.parameters as unknown[];
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  /** Holders and waiters: 0 means nobody holds the lock or waits for it. */
  private claims = 0;

  get isFree(): boolean {
    return this.claims === 0;
  }

  async lock(): Promise<() => void> {
    let release!: () => void;
    const previous = this.tail;
    this.claims += 1;
    this.tail = new Promise((resolve) => {
      release = () => {
        this.claims -= 1;
        resolve();
      };
    });
    await previous;
    return once(release);
  }
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}

class SqliteConnection implements DatabaseConnection {
  unlock: (() => void) | null = null;
  /** Set by a COMMIT on this connection: releasing it waits until the commit is on disk. */
  committed = false;
  constructor(private readonly driver: SqliteDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute(this, query) as Promise<QueryResult<R>>;
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(query);
  }
}

/**
 * Whether a statement can run on the reader. The reader's copy of the schema can be stale
 * after DDL on the writer, and preparing DDL against it may fail ("table already exists" for
 * a rename after a drop): such a statement is no plain read, and the writer decides.
 */
function isPlainRead(reader: CachedDatabase, sql: string): boolean {
  try {
    return reader.prepare(sql).readonly;
  } catch {
    return false;
  }
}

class SqliteDriver implements Driver {
  private readonly writeLock = new Mutex();
  /**
   * Counts commits (a transaction's COMMIT, or a write outside any transaction). Group commit
   * compares with this, never with row counts: rows of a transaction still open must not pass
   * for synced.
   */
  commits = 0;
  /** Resolves once every commit made so far is on disk (the group commit's flush). */
  durable: () => Promise<void> = async () => {};

  constructor(
    private readonly writer: CachedDatabase,
    private readonly reader: CachedDatabase,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new SqliteConnection(this);
  }

  async execute(connection: SqliteConnection, query: CompiledQuery): Promise<QueryResult<unknown>> {
    if (connection.unlock) return run(this.writer, query);
    if (isPlainRead(this.reader, query.sql)) return { rows: this.readerFor(query.sql).all(query.parameters as unknown[]) };
    const unlock = await this.writeLock.lock();
    let result: QueryResult<unknown>;
    try {
      result = run(this.writer, query);
      this.commits += 1;
    } finally {
      unlock();
    }
    await this.durable();
    return result;
  }

  /**
   * The statement for a plain read outside a transaction. While no transaction holds (or waits
   * for) the writer, the writer reads: it sees the same committed state as the reader, and its
   * page cache stays warm across its own commits, where the reader's is dropped whenever another
   * connection has written to the WAL (a read after a commit cost about 100 us on the reader
   * against 9 on the writer). While a transaction is open, its uncommitted rows must stay
   * invisible, and the reader reads. A pragma always asks the reader: pragmas answer for their
   * connection, and `data_version` (db/data-version.ts) counts only other connections' commits,
   * so on the writer it would miss the writer's own.
   */
  readerFor(sql: string): SqliteDatabase.Statement {
    const asksConnection = sql.trimStart().slice(0, 6).toLowerCase() === 'pragma';
    // inTransaction too: a writer left in a transaction (a failed rollback) must never be read.
    const writerIsIdle = this.writeLock.isFree && !this.writer.db.inTransaction;
    return (writerIsIdle && !asksConnection ? this.writer : this.reader).prepare(sql);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const owned = connection as SqliteConnection;
    owned.unlock = await this.writeLock.lock();
    try {
      run(this.writer, CompiledQuery.raw('begin immediate'));
    } catch (error) {
      this.release(owned);
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    run(this.writer, CompiledQuery.raw('commit'));
    this.commits += 1;
    (connection as SqliteConnection).committed = true;
    this.release(connection as SqliteConnection);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      if (this.writer.db.inTransaction) run(this.writer, CompiledQuery.raw('rollback'));
    } finally {
      this.release(connection as SqliteConnection);
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // A transaction whose commit failed and was rolled back already released the lock.
    const owned = connection as SqliteConnection;
    this.release(owned);
    // Kysely awaits this before `transaction().execute()` resolves: the lock is free for the
    // next writer while this one waits for the fsync that covers its commit.
    if (owned.committed) {
      owned.committed = false;
      await this.durable();
    }
  }

  private release(connection: SqliteConnection): void {
    const unlock = connection.unlock;
    connection.unlock = null;
    unlock?.();
  }

  async destroy(): Promise<void> {
    this.reader.db.close();
    this.writer.db.close();
  }
}

/** One WAL fsync on the thread pool covers every commit made before it started. */
class GroupCommit {
  synced = 0;
  private inflight: Promise<void> | null = null;
  private walFd: number | null = null;

  constructor(
    private readonly file: string,
    private readonly driver: SqliteDriver,
    private readonly checkpointer: Checkpointer,
  ) {
    // The directory entries of the database and its WAL must survive a power loss too.
    const dir = openSync(path.dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }

  async flush(): Promise<void> {
    const target = this.driver.commits;
    while (this.synced < target) {
      // A sync already running may have started before our commit: wait, then check again.
      if (!this.inflight) {
        const covers = this.driver.commits;
        this.inflight = this.sync()
          .then(() => {
            this.synced = Math.max(this.synced, covers);
            this.checkpointer.commitsSynced(covers);
          })
          .finally(() => {
            this.inflight = null;
          });
      }
      await this.inflight;
    }
  }

  private async sync(): Promise<void> {
    this.walFd ??= openSync(`${this.file}-wal`, 'r');
    await fsyncAsync(this.walFd);
  }

  async close(): Promise<void> {
    if (this.walFd !== null) closeSync(this.walFd);
    this.walFd = null;
    await this.checkpointer.close();
  }
}

/** Commits between two checkpoints: a few hundred pages of WAL with the usual transaction. */
const COMMITS_PER_CHECKPOINT = 200;

// The checkpoint thread: its own connection, PASSIVE checkpoints (they never wait for readers or
// writers, and copy what no reader still needs), one per message.
const CHECKPOINT_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') { db.close(); process.exit(0); }
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  parentPort.postMessage('done');
});`;

/**
 * Copies the WAL into the database file on a worker thread. The writer's automatic checkpoint
 * is off, so no request's commit pays for copying pages and an fsync of the database file on the
 * event loop. The thread starts at the first checkpoint (an idle server has none), and the last
 * connection to close checkpoints the rest, as SQLite always does.
 */
class Checkpointer {
  private thread: Worker | null = null;
  private isRunning = false;
  private checkpointedAt = 0;

  constructor(private readonly file: string) {}

  commitsSynced(commits: number): void {
    if (this.isRunning || commits - this.checkpointedAt < COMMITS_PER_CHECKPOINT) return;
    this.checkpointedAt = commits;
    this.isRunning = true;
    this.start().postMessage('checkpoint');
  }

  private start(): Worker {
    if (this.thread) return this.thread;
    const thread = new Worker(CHECKPOINT_THREAD, { eval: true, workerData: { file: this.file, driver: requireFromHere.resolve('better-sqlite3') } });
    thread.unref();
    thread.on('message', () => {
      this.isRunning = false;
    });
    thread.on('error', () => {
      // A failed thread leaves the WAL to the last connection's close; the next one retries.
      this.thread = null;
      this.isRunning = false;
    });
    this.thread = thread;
    return thread;
  }

  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    if (!thread) return;
    const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
    thread.postMessage('close');
    await exited;
  }
}
