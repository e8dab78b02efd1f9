import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase } from '../../test/harness.js';
import { openDatabase, type DatabaseHandle } from './database.js';
import { migrateToLatest } from './migrate.js';
import { prepared } from './prepared.js';

const selectPartner = prepared((db, p: { id: string }) =>
  db.selectFrom('partners').select(['id', 'name']).where('id', '=', p.id).where('name', '!=', 'constant'),
);

for (const dialect of DIALECTS) {
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ handle, cleanup } = await openTestDatabase(dialect)));
  afterAll(async () => cleanup());

  it(`runs a prepared query with fresh values each time, keeping constants [${dialect}]`, async () => {
    await handle.db
      .insertInto('partners')
      .values([
        { id: 'p1', name: 'One', settings: '{}', created_at: 1 },
        { id: 'p2', name: 'constant', settings: '{}', created_at: 1 },
      ])
      .execute();
    expect(await selectPartner(handle.db, { id: 'p1' })).toEqual([{ id: 'p1', name: 'One' }]);
    expect(await selectPartner(handle.db, { id: 'p2' })).toEqual([]);
    const inTransaction = await handle.db.transaction().execute((trx) => selectPartner(trx, { id: 'p1' }));
    expect(inTransaction).toHaveLength(1);
  });

  it(`refuses a prepared query whose parameter lands outside a value position [${dialect}]`, async () => {
    const bad = prepared((db, p: { column: string }) => db.selectFrom('partners').select(sql.raw<string>(p.column).as('x')));
    await expect(bad(handle.db, { column: 'id' })).rejects.toThrow(/outside a value position/);
  });

  it(`lets reads proceed while a write transaction is open, showing only committed data [${dialect}]`, async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writing = handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('partners').values({ id: 'p3', name: 'Three', settings: '{}', created_at: 1 }).execute();
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(await selectPartner(handle.db, { id: 'p3' })).toEqual([]);
    release();
    await writing;
    await handle.flush();
    expect(await selectPartner(handle.db, { id: 'p3' })).toHaveLength(1);
  });

  it(`commits counters without waiting for a flush on PostgreSQL, and everything else durably, in the same schema [${dialect}]`, async () => {
    const setting = async (db: DatabaseHandle['db']) => (await sql<{ s: string }>`select current_setting('synchronous_commit') as s`.execute(db)).rows[0]!.s;
    if (dialect === 'postgres') {
      expect(await setting(handle.db)).toBe('on');
      expect(await setting(handle.counters)).toBe('off');
      // The counters' pool works in the test's schema: a row it writes is read through db.
      await handle.counters
        .insertInto('rate_limit_hits')
        .values({ key: 'k'.repeat(64), window_start: 0, count: 1 })
        .execute();
      expect(await handle.db.selectFrom('rate_limit_hits').select('count').where('window_start', '=', 0).execute()).toEqual([{ count: 1 }]);
    } else {
      expect(handle.counters).toBe(handle.db);
    }
  });

  it.runIf(dialect === 'postgres')(`plans its statements without parallel workers, which slowed a search's count 2.5 times [${dialect}]`, async () => {
    const setting = async (db: DatabaseHandle['db']) =>
      (await sql<{ s: string }>`select current_setting('max_parallel_workers_per_gather') as s`.execute(db)).rows[0]!.s;
    expect(await setting(handle.db)).toBe('0');
    // In a transaction too (a connection setting, not a statement's).
    expect(await handle.db.transaction().execute(setting)).toBe('0');
    // An operator's own setting in the URL wins over the default.
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set('options', '-c max_parallel_workers_per_gather=1');
    const own = openDatabase({ url: url.toString(), dataDir: '' });
    try {
      expect(await setting(own.db)).toBe('1');
    } finally {
      await own.destroy();
    }
  });

  it.runIf(dialect === 'postgres')(
    `keeps an idle connection past pg's 10 s default, for the idle workers' 30 s polls [${dialect}]`,
    { timeout: 30_000 },
    async () => {
      // pg's default closed it after 10 s, so every idle poll paid a new connection and backend.
      const backend = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.counters)).rows[0]!.pid;
      const first = await backend();
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      expect(await backend()).toBe(first);
    },
  );

  it(`rolls a failed transaction back and keeps serving writes [${dialect}]`, async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await trx.insertInto('partners').values({ id: 'p4', name: 'Four', settings: '{}', created_at: 1 }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await selectPartner(handle.db, { id: 'p4' })).toEqual([]);
    await handle.db.insertInto('partners').values({ id: 'p5', name: 'Five', settings: '{}', created_at: 1 }).execute();
    expect(await selectPartner(handle.db, { id: 'p5' })).toHaveLength(1);
  });
}

it('creates the SQLite database, its -wal and -shm files 0600 and the data dir 0700, and tightens an old 0644 file', async () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'openkyb-modes-'));
  const dataDir = path.join(parent, 'data');
  const modeOf = (file: string) => statSync(file).mode & 0o777;
  try {
    const handle = openDatabase({ url: null, dataDir });
    await migrateToLatest(handle);
    await handle.db.insertInto('partners').values({ id: 'p', name: 'P', settings: '{}', created_at: 1 }).execute();
    const file = path.join(dataDir, 'openkyb.sqlite');
    expect(modeOf(dataDir)).toBe(0o700);
    expect([file, `${file}-wal`, `${file}-shm`].map(modeOf)).toEqual([0o600, 0o600, 0o600]);
    await handle.destroy();

    chmodSync(file, 0o644);
    const again = openDatabase({ url: null, dataDir });
    expect(modeOf(file)).toBe(0o600);
    await again.destroy();
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
