import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase } from '../../test/harness.js';
import type { DatabaseHandle } from './database.js';
import { prepared } from './prepared.js';

const selectPartner = prepared((db, p: { id: string }) => db.selectFrom('partners').select(['id', 'name']).where('id', '=', p.id).where('name', '!=', 'constant'));

for (const dialect of DIALECTS) {
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ handle, cleanup } = await openTestDatabase(dialect)));
  afterAll(async () => cleanup());

  it(`runs a prepared query with fresh values each time, keeping constants [${dialect}]`, async () => {
    await handle.db.insertInto('partners').values([
      { id: 'p1', name: 'One', settings: '{}', created_at: 1 },
      { id: 'p2', name: 'constant', settings: '{}', created_at: 1 },
    ]).execute();
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
    const held = new Promise<void>((resolve) => { release = resolve; });
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

  it(`rolls a failed transaction back and keeps serving writes [${dialect}]`, async () => {
    await expect(handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('partners').values({ id: 'p4', name: 'Four', settings: '{}', created_at: 1 }).execute();
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await selectPartner(handle.db, { id: 'p4' })).toEqual([]);
    await handle.db.insertInto('partners').values({ id: 'p5', name: 'Five', settings: '{}', created_at: 1 }).execute();
    expect(await selectPartner(handle.db, { id: 'p5' })).toHaveLength(1);
  });
}
