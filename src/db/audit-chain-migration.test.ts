import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migrator, type Kysely, type Migration } from 'kysely';
import pg from 'pg';
import { expect, it } from 'vitest';
import { DIALECTS, TEST_DATABASE_URL } from '../../test/harness.js';
import { recordAudit } from '../core/audit/record-audit.js';
import { verifyAuditChain } from '../core/audit/verify-chain.js';
import { openDatabase, type DatabaseHandle, type DialectName } from './database.js';
import * as init from './migrations/20261126T0930-init.js';
import * as forms from './migrations/20261126T1100-forms.js';
import * as webhooks from './migrations/20261127T0900-webhooks.js';
import * as screening from './migrations/20261127T1200-screening.js';
import * as auditHeadPrevious from './migrations/20261202T0100-audit-head-previous.js';
import * as auditChain from './migrations/20261127T1410-audit-chain.js';

const before: Record<string, Migration> = {
  '20261126T0930-init': init,
  '20261126T1100-forms': forms,
  '20261127T0900-webhooks': webhooks,
  '20261127T1200-screening': screening,
};

async function migrate(handle: DatabaseHandle, schema: string | undefined, migrations: Record<string, Migration>): Promise<void> {
  const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

async function openEmpty(dialect: DialectName) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-audit-migration-'));
  if (dialect === 'sqlite') {
    const handle = openDatabase({ url: null, dataDir });
    return {
      handle,
      schema: undefined,
      cleanup: async () => {
        await handle.destroy();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL! });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ url: TEST_DATABASE_URL, dataDir, schema, poolSize: 2 });
  return {
    handle,
    schema,
    cleanup: async () => {
      await handle.destroy();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL! });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

for (const dialect of DIALECTS) {
  it(`chains the audit rows of an older database so it verifies, and appends after them [${dialect}]`, async () => {
    const { handle, schema, cleanup } = await openEmpty(dialect);
    try {
      await migrate(handle, schema, before);
      // 1,200 rows over two partners: more than one page of the migration's copy.
      const rows = Array.from({ length: 1200 }, (_, i) => ({
        id: `row-${String(i).padStart(4, '0')}`,
        partner_id: i % 3 === 0 ? 'partner-b' : 'partner-a',
        company_id: `company-${i % 7}`,
        actor_type: 'client',
        actor_id: 'token-1',
        action: 'FORM_UPDATED',
        details: JSON.stringify({ fields: ['phone'], i }),
        created_at: 1_000_000 - i,
      }));
      const db = handle.db as unknown as Kysely<any>; // the old audit_logs shape is not in tables.ts any more
      for (let i = 0; i < rows.length; i += 200)
        await db
          .insertInto('audit_logs')
          .values(rows.slice(i, i + 200))
          .execute();
      await migrate(handle, schema, { ...before, '20261127T1410-audit-chain': auditChain });

      const migrated = await handle.db.selectFrom('audit_logs').selectAll().where('partner_id', '=', 'partner-b').orderBy('seq').execute();
      expect(migrated).toHaveLength(400);
      // Chained in time order: the rows were inserted newest first.
      expect(migrated.map((r) => r.created_at)).toEqual([...migrated.map((r) => r.created_at)].sort((a, b) => a - b));
      expect(await verifyAuditChain({ db: handle.db })).toEqual({ partners: 2, entries: 1200, broken: null });

      // Appending needs the head's prev_hash (a later migration), as a server starting on it has.
      await migrate(handle, schema, { ...before, '20261127T1410-audit-chain': auditChain, '20261202T0100-audit-head-previous': auditHeadPrevious });
      await recordAudit(handle.db, { partnerId: 'partner-a', actor: { kind: 'system' }, action: 'SETTINGS_UPDATED', now: 2_000_000 });
      const last = await handle.db
        .selectFrom('audit_logs')
        .select(['seq', 'company_id'])
        .where('partner_id', '=', 'partner-a')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(last).toEqual({ seq: 801, company_id: null });
      expect((await verifyAuditChain({ db: handle.db })).broken).toBeNull();
    } finally {
      await cleanup();
    }
  }, 60_000);
}
