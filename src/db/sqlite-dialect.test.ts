import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

// Count WAL fsyncs: the engine is loaded after fs.fsync is wrapped.
let fsyncs = 0;
const original = fs.fsync;
(fs as { fsync: typeof fs.fsync }).fsync = ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
  fsyncs += 1;
  return original(fd, callback);
}) as typeof fs.fsync;
syncBuiltinESMExports();
const { createSqliteEngine } = await import('./sqlite-dialect.js');
const { Kysely, sql } = await import('kysely');

/** A fresh SQLite file with one table `t (x integer)`, closed after `run`. */
async function withTableT(run: (db: InstanceType<typeof Kysely<any>>, engine: ReturnType<typeof createSqliteEngine>) => Promise<void>): Promise<void> {
  // The test's assertions run in `run`: it fails if they never do.
  expect.hasAssertions();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openkyb-gc-'));
  const engine = createSqliteEngine(path.join(dir, 'db.sqlite'));
  const db = new Kysely<any>({ dialect: engine.dialect });
  try {
    await sql`create table t (x integer)`.execute(db);
    await run(db, engine);
  } finally {
    await db.destroy();
    await engine.close();
  }
}

/** A transaction that inserted `x` and stays open until `release` is called; `open` is its end. */
async function openTransactionInserting(db: InstanceType<typeof Kysely<any>>, x: number): Promise<{ open: Promise<void>; release: () => void }> {
  let release!: () => void;
  let inserted!: () => void;
  const written = new Promise<void>((resolve) => {
    inserted = resolve;
  });
  const open = db.transaction().execute(async (trx) => {
    await trx.insertInto('t').values({ x }).execute();
    inserted();
    await new Promise<void>((resolve) => {
      release = resolve;
    });
  });
  await written;
  return { open, release };
}

it('fsyncs a commit made after a flush even when that flush ran while its transaction was open', () =>
  withTableT(async (db, engine) => {
    await engine.flush();
    const base = fsyncs;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ x: 1 }).execute();
    });
    const { open, release } = await openTransactionInserting(db, 2);
    await engine.flush(); // the first commit's response, while the second transaction is open
    expect(fsyncs - base).toBe(1);
    release();
    await open;
    await engine.flush(); // the second commit's response must wait for its own fsync
    expect(fsyncs - base).toBe(2);
    await engine.flush(); // nothing new: no fsync
    expect(fsyncs - base).toBe(2);
  }));

it('makes a transaction and a write outside one durable when they resolve, without any flush call', () =>
  withTableT(async (db, engine) => {
    const base = fsyncs;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ x: 1 }).execute();
    });
    expect(fsyncs - base).toBe(1);
    expect(engine.commitCounts().synced).toBe(engine.commitCounts().commits);
    await db.insertInto('t').values({ x: 2 }).execute();
    expect(fsyncs - base).toBe(2);
    expect(engine.commitCounts().synced).toBe(engine.commitCounts().commits);
    await db.selectFrom('t').selectAll().execute();
    expect(fsyncs - base).toBe(2);
  }));

it('lets concurrent commits share fsyncs, each resolving only once its own commit is synced', () =>
  withTableT(async (db, engine) => {
    const base = fsyncs;
    const unsyncedAtResolve: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, x) =>
        db
          .transaction()
          .execute(async (trx) => {
            await trx.insertInto('t').values({ x }).execute();
            return engine.commitCounts().commits;
          })
          .then((myCommit) => {
            if (engine.commitCounts().synced < myCommit + 1) unsyncedAtResolve.push(x);
          }),
      ),
    );
    expect(unsyncedAtResolve).toEqual([]);
    expect(fsyncs - base).toBeGreaterThan(0);
    expect(fsyncs - base).toBeLessThan(20);
  }));

it('reads outside a transaction see committed rows only, on both read paths, whether a transaction is open, waiting or done', () =>
  withTableT(async (db, engine) => {
    const count = async () => Number((await sql<{ n: number }>`select count(*) as n from t`.execute(db)).rows[0]!.n);
    const countNow = () => Number((engine.readNow('select count(*) as n from t', []) as Array<{ n: number }>)[0]!.n);
    await db.insertInto('t').values({ x: 1 }).execute();
    expect([await count(), countNow()]).toEqual([1, 1]);

    const { open, release } = await openTransactionInserting(db, 2);
    // A second transaction waits for the writer behind the open one.
    const waiting = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ x: 3 }).execute();
    });
    expect([await count(), countNow()]).toEqual([1, 1]);
    release();
    await open;
    await waiting;
    expect([await count(), countNow()]).toEqual([3, 3]);

    // A transaction rolled back leaves nothing visible, and the writer reads again afterwards.
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ x: 4 }).execute();
        expect([await count(), countNow()]).toEqual([3, 3]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect([await count(), countNow()]).toEqual([3, 3]);
  }));

it("reads data_version where every commit counts, the writer's own included", () =>
  withTableT(async (db) => {
    const version = async () => Number((await sql<{ data_version: number }>`pragma data_version`.execute(db)).rows[0]!.data_version);
    const before = await version();
    await db.insertInto('t').values({ x: 1 }).execute();
    const afterWrite = await version();
    expect(afterWrite).not.toBe(before);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ x: 2 }).execute();
    });
    expect(await version()).not.toBe(afterWrite);
  }));

it('leaves nothing beside the database file once closed, its checkpoint thread included', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openkyb-close-'));
  const file = path.join(dir, 'db.sqlite');
  const engine = createSqliteEngine(file);
  const db = new Kysely<any>({ dialect: engine.dialect });
  await sql`create table t (x integer)`.execute(db);
  // Past the commits between two checkpoints, so the checkpoint thread has started and holds a connection.
  for (let i = 0; i < 450; i++) await db.insertInto('t').values({ x: i }).execute();
  await db.destroy();
  await engine.close();
  // The last connection, the thread's, checkpointed the WAL and removed it before close resolved:
  // a data folder removed right after a shutdown is not written to again.
  expect(fs.readdirSync(dir)).toEqual(['db.sqlite']);
  fs.rmSync(dir, { recursive: true });
});
