import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code. The canonical form below is
// version 1 of src/core/audit/chain.ts, copied on purpose.

const GENESIS_HASH = '0'.repeat(64);
const PAGE = 500;

interface OldRow {
  id: string; partner_id: string; company_id: string | null; actor_type: string; actor_id: string | null;
  action: string; details: string; created_at: number;
}

function entryHash(row: OldRow & { seq: number; prev_hash: string }): string {
  const canonical = JSON.stringify({
    action: row.action, actorId: row.actor_id, actorType: row.actor_type, companyId: row.company_id,
    createdAt: Number(row.created_at), details: row.details, id: row.id, partnerId: row.partner_id, prevHash: row.prev_hash, seq: row.seq,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Audit rows become a hash chain per partner: a sequence number, the previous entry's hash and
 * their own. company_id becomes nullable (partner-level entries), which SQLite cannot alter: the
 * table is rebuilt on both dialects, and the rows already there are chained in
 * (created_at, id) order so an upgraded database verifies. `audit_heads` holds each partner's
 * last link; appenders lock it, so the chain cannot fork.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_logs_chained')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('company_id', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_logs_chained_pk', ['id'])
    .addUniqueConstraint('audit_logs_partner_seq', ['partner_id', 'seq'])
    .execute();
  await db.schema
    .createTable('audit_heads')
    .addColumn('partner_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  // Keyset pages: memory stays bounded however many rows an old database holds.
  let after: OldRow | null = null;
  let head: { partnerId: string; seq: number; hash: string } | null = null;
  for (;;) {
    const cursor: OldRow | null = after;
    const rows = (await db.selectFrom('audit_logs').selectAll()
      .$if(cursor !== null, (q) => q.where((eb) => eb(eb.refTuple('partner_id', 'created_at', 'id'), '>', eb.tuple(cursor!.partner_id, cursor!.created_at, cursor!.id))))
      .orderBy('partner_id').orderBy('created_at').orderBy('id').limit(PAGE).execute()) as OldRow[];
    if (rows.length === 0) break;
    const chained = [];
    for (const row of rows) {
      if (head && head.partnerId !== row.partner_id) await saveHead(db, head);
      if (!head || head.partnerId !== row.partner_id) head = { partnerId: row.partner_id, seq: 0, hash: GENESIS_HASH };
      const link: OldRow & { seq: number; prev_hash: string } = { ...row, created_at: Number(row.created_at), seq: head.seq + 1, prev_hash: head.hash };
      const hash = entryHash(link);
      chained.push({ ...link, hash });
      head = { partnerId: row.partner_id, seq: link.seq, hash };
    }
    await db.insertInto('audit_logs_chained').values(chained).execute();
    after = rows[rows.length - 1]!;
  }
  if (head) await saveHead(db, head);

  await db.schema.dropTable('audit_logs').execute();
  await db.schema.alterTable('audit_logs_chained').renameTo('audit_logs').execute();
  await db.schema.createIndex('audit_logs_company').on('audit_logs').columns(['company_id', 'created_at']).execute();
}

async function saveHead(db: Kysely<any>, head: { partnerId: string; seq: number; hash: string }): Promise<void> {
  await db.insertInto('audit_heads').values({ partner_id: head.partnerId, seq: head.seq, hash: head.hash }).execute();
}

/** Back to unchained rows; partner-level entries (no company) have no place there and are dropped. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_heads').execute();
  await db.schema
    .createTable('audit_logs_plain')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into audit_logs_plain (id, partner_id, company_id, actor_type, actor_id, action, details, created_at)
    select id, partner_id, company_id, actor_type, actor_id, action, details, created_at from audit_logs where company_id is not null`.execute(db);
  await db.schema.dropTable('audit_logs').execute();
  await db.schema.alterTable('audit_logs_plain').renameTo('audit_logs').execute();
  await db.schema.createIndex('audit_logs_company').on('audit_logs').columns(['company_id', 'created_at']).execute();
}
