import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../../test/harness.js';
import { queriesSent } from '../../test/pg-queries.js';
import { atCommit } from './commit-time-pool.js';
import { openDatabase, type DatabaseHandle } from './database.js';

interface Scratch {
  audit_scratch: { id: number; n: number; note: string | null };
}

describe.skipIf(!TEST_DATABASE_URL)('statements held until the commit on PostgreSQL (needs TEST_DATABASE_URL)', () => {
  const schema = `commit_time_${process.pid}_${Date.now()}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-commit-time-'));
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL! });
  let handle: DatabaseHandle;
  let db: Kysely<Scratch>;

  const rows = async () => (await admin.query(`select id, n, note from ${schema}.audit_scratch order by id`)).rows as Scratch['audit_scratch'][];

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.query(`create table ${schema}.audit_scratch (id integer primary key, n integer not null, note text)`);
    handle = openDatabase({ url: TEST_DATABASE_URL, dataDir, schema, poolSize: 3 });
    db = handle.db as unknown as Kysely<Scratch>;
  });
  afterAll(async () => {
    await handle?.destroy();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends a held statement with the COMMIT, in one query, its values written as exact literals', async () => {
    const note = `it's a \\ "quoted" line\nand ünïcode ✓ $1`;
    const texts = await queriesSent(() =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('audit_scratch').values({ id: 1, n: -5, note }).modifyEnd(atCommit()).execute();
        await trx.insertInto('audit_scratch').values({ id: 2, n: 7, note: null }).modifyEnd(atCommit()).execute();
        await sql`select count(*) from audit_scratch`.execute(trx);
      }),
    );
    // The select names the held statements' table, so they went before it, one by one.
    expect(texts.filter((text) => text.includes('insert into')).length).toBe(2);
    expect(await rows()).toEqual([
      { id: 1, n: -5, note },
      { id: 2, n: 7, note: null },
    ]);

    const batched = await queriesSent(() =>
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable('audit_scratch')
          .set({ note: note + '!' })
          .where('id', '=', 1)
          .modifyEnd(atCommit())
          .execute();
        await sql`select 1`.execute(trx);
      }),
    );
    expect(batched[0]).toBe('begin');
    expect(batched[1]).toBe('select 1');
    expect(batched).toHaveLength(3);
    expect(batched[2]).toMatch(/^update "audit_scratch" set "note" = +E?'.*;\ncommit$/s);
    expect((await rows())[0]!.note).toBe(note + '!');
  });

  it('takes a held write’s row lock only at the commit', async () => {
    await admin.query(`insert into ${schema}.audit_scratch (id, n) values (10, 0)`);
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = db.transaction().execute(async (trx) => {
      await trx
        .updateTable('audit_scratch')
        .set((eb) => ({ n: eb('n', '+', 1) }))
        .where('id', '=', 10)
        .modifyEnd(atCommit())
        .execute();
      entered();
      await holding;
    });
    await inside;
    // Another writer of the same row is not kept waiting by the open transaction.
    await db.transaction().execute(async (trx) => {
      // Were the row locked, this would fail after 2 s instead of waiting for ever.
      await sql`set local lock_timeout = '2s'`.execute(trx);
      await trx.updateTable('audit_scratch').set({ n: 100 }).where('id', '=', 10).execute();
    });
    release();
    await first;
    expect((await rows()).find((row) => row.id === 10)!.n).toBe(101);
  });

  it('rolls the whole transaction back when a held statement fails, and drops what a ROLLBACK TO SAVEPOINT undoes', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('audit_scratch').values({ id: 20, n: 1 }).execute();
        // id 1 exists: the held insert fails at the commit.
        await trx.insertInto('audit_scratch').values({ id: 1, n: 1 }).modifyEnd(atCommit()).execute();
      }),
    ).rejects.toThrow(/duplicate key/);
    expect((await rows()).map((row) => row.id)).not.toContain(20);

    await db.transaction().execute(async (trx) => {
      await trx.insertInto('audit_scratch').values({ id: 30, n: 1 }).modifyEnd(atCommit()).execute();
      await sql`savepoint s`.execute(trx);
      await trx.insertInto('audit_scratch').values({ id: 31, n: 1 }).modifyEnd(atCommit()).execute();
      await sql`rollback to savepoint s`.execute(trx);
      await trx.insertInto('audit_scratch').values({ id: 32, n: 1 }).modifyEnd(atCommit()).execute();
    });
    const ids = (await rows()).map((row) => row.id);
    expect(ids).toContain(30);
    expect(ids).not.toContain(31);
    expect(ids).toContain(32);

    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('audit_scratch').values({ id: 40, n: 1 }).modifyEnd(atCommit()).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await rows()).map((row) => row.id)).not.toContain(40);
  });

  it('sends a held statement at once outside a transaction', async () => {
    await db.insertInto('audit_scratch').values({ id: 50, n: 1 }).modifyEnd(atCommit()).execute();
    expect((await rows()).map((row) => row.id)).toContain(50);
  });
});
