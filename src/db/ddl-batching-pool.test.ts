import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../../test/harness.js';
import { queriesSent } from '../../test/pg-queries.js';
import { openDatabase, type DatabaseHandle } from './database.js';
import { migrateToLatest } from './migrate.js';

/** The schema as PostgreSQL's catalogue describes it, with the schema's own name taken out. */
async function describeSchema(admin: pg.Client, schema: string): Promise<unknown[]> {
  const queries = [
    `select table_name, column_name, data_type, is_nullable, column_default, ordinal_position from information_schema.columns where table_schema = $1 order by 1, 2`,
    `select indexname, indexdef from pg_indexes where schemaname = $1 order by 1`,
    `select c.relname, k.conname, pg_get_constraintdef(k.oid) from pg_constraint k join pg_class c on c.oid = k.conrelid where c.relnamespace = $1::regnamespace order by 1, 2`,
    `select c.relname, t.tgname, pg_get_triggerdef(t.oid) from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relnamespace = $1::regnamespace and not t.tgisinternal order by 1, 2`,
    `select proname, prosrc from pg_proc where pronamespace = $1::regnamespace order by 1`,
  ];
  const described: unknown[] = [];
  for (const text of queries) {
    const { rows } = await admin.query(text, [schema]);
    described.push(JSON.parse(JSON.stringify(rows).replaceAll(`${schema}.`, 'S.').replaceAll(`"${schema}".`, 'S.')));
  }
  return described;
}

/** Counts the queries sent to PostgreSQL while `run` runs. */
const countQueries = async (run: () => Promise<unknown>) => (await queriesSent(run)).length;

describe.skipIf(!TEST_DATABASE_URL)('migrations send their schema statements together on PostgreSQL (needs TEST_DATABASE_URL)', () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const schemas = { batched: `ddl_batched_${suffix}`, plain: `ddl_plain_${suffix}`, failing: `ddl_failing_${suffix}` };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-ddl-'));
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL! });
  const handles: DatabaseHandle[] = [];
  const open = (schema: string) => {
    const handle = openDatabase({ url: TEST_DATABASE_URL, dataDir, schema, poolSize: 2 });
    handles.push(handle);
    return handle;
  };

  beforeAll(async () => {
    await admin.connect();
    for (const schema of Object.values(schemas)) await admin.query(`create schema ${schema}`);
  });
  afterAll(async () => {
    for (const handle of handles) await handle.destroy();
    for (const schema of Object.values(schemas)) await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds the same schema as one statement per round trip, in far fewer round trips', { timeout: 120_000 }, async () => {
    const batched = open(schemas.batched);
    const plain = open(schemas.plain);
    const batchedQueries = await countQueries(() => migrateToLatest(batched));
    // The same migrations through the ordinary pool: every statement on its own.
    const plainQueries = await countQueries(() => migrateToLatest({ migrations: plain.db, dialect: 'postgres' }));
    expect(await describeSchema(admin, schemas.batched)).toEqual(await describeSchema(admin, schemas.plain));
    expect((await describeSchema(admin, schemas.batched))[0]).not.toEqual([]);
    expect(batchedQueries).toBeLessThan(plainQueries / 2);
  });

  it('rolls the whole run back when a held statement fails, and names that statement', async () => {
    const handle = open(schemas.failing);
    const create = (name: string): Migration => ({ up: (db: Kysely<unknown>) => db.schema.createTable(name).addColumn('id', 'text').execute() });
    const migrator = new Migrator({
      db: handle.migrations,
      migrationTableSchema: schemas.failing,
      provider: {
        getMigrations: async () => ({
          '1-first': create('first_table'),
          '2-broken': {
            up: async (db: Kysely<unknown>) => {
              await db.schema.createTable('second_table').addColumn('id', 'text').execute();
              await sql`create index broken_index on no_such_table (id)`.execute(db);
              await db.schema.createTable('third_table').addColumn('id', 'text').execute();
            },
          },
        }),
      },
    });
    const { error, results } = await migrator.migrateToLatest();
    expect(String(error)).toContain(
      '"no_such_table" does not exist (sent with 2 other schema statements; the first that names "no_such_table": create index broken_index on no_such_table (id))',
    );
    expect(results?.find((r) => r.migrationName === '2-broken')?.status).toBe('Error');
    const { rows } = await admin.query(`select table_name from information_schema.tables where table_schema = $1 and table_name like '%_table'`, [
      schemas.failing,
    ]);
    expect(rows).toEqual([]);
  });
});
