import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { DIALECTS, TEST_DATABASE_URL } from '../../test/harness.js';
import { postgresUrlWithSchema, runCli } from '../../test/process.js';

/** An empty database nobody has migrated: a fresh SQLite data dir, or a fresh PostgreSQL schema. */
async function emptyDatabase(dialect: string): Promise<{ env: Record<string, string>; count(): Promise<number>; cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-migrate-'));
  const env = { OPENKYB_DATA_DIR: dataDir, OPENKYB_SECRET: 'migrate-test-secret-migrate-test-secret-00', DATABASE_URL: '' };
  if (dialect === 'sqlite') {
    return {
      env,
      count: async () => {
        const handle = openDatabase({ url: null, dataDir });
        try {
          return (
            await handle.db
              .selectFrom('kysely_migration' as never)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n;
        } finally {
          await handle.destroy();
        }
      },
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `migrate_${process.pid}_${Date.now()}`;
  const query = async (text: string) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL! });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };
  await query(`create schema ${schema}`);
  return {
    env: { ...env, DATABASE_URL: postgresUrlWithSchema(TEST_DATABASE_URL!, schema) },
    count: async () => Number((await query(`select count(*) as n from ${schema}.kysely_migration`)).rows[0].n),
    cleanup: async () => {
      await query(`drop schema ${schema} cascade`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe.each(DIALECTS)('upgrading on %s', (dialect) => {
  it('two processes migrating one empty database at once: one applies every migration, the other waits and finds nothing to do', async () => {
    const database = await emptyDatabase(dialect);
    try {
      const results = await Promise.all([runCli(['migrate'], database.env), runCli(['migrate'], database.env)]);
      expect(
        results.map((r) => r.code),
        results.map((r) => r.stderr).join('\n'),
      ).toEqual([0, 0]);
      const outputs = results.map((r) => r.stdout.trim()).sort();
      expect(outputs[0]).toMatch(/^Applied: 20261126T0930-init, /);
      expect(outputs[1]).toBe('Database is up to date.');
      const applied = outputs[0]!.replace('Applied: ', '').split(', ');
      expect(await database.count()).toBe(applied.length);
    } finally {
      await database.cleanup();
    }
  }, 180_000);
});
