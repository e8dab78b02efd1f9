import { sql, type QueryCreator, type RawBuilder } from 'kysely';
import { newRowId } from '../../db/row-id.js';
import { dialectOf, type Db } from '../../db/database.js';
import type { PartnerCtx } from '../context.js';
import type { Actor } from '../forms/access.js';
import { canonicalAroundHead, entryHash, GENESIS_HASH, type ChainedContent } from './chain.js';
import { atCommit } from '../../db/commit-time-pool.js';
import { prepared } from '../../db/prepared.js';
import type { AuditLogRow, Database } from '../../db/tables.js';

/**
 * Who made a change: a form actor (client token, partner key pair), the server itself
 * (screening, jobs), or an operator at the command line.
 */
export type AuditActor = Actor | { kind: 'system' } | { kind: 'operator' };

export interface AuditEntry {
  partnerId: string;
  /** The company the change belongs to; absent or null for partner-level changes. */
  companyId?: string | null;
  actor: AuditActor;
  action: string;
  details?: Record<string, unknown>;
  now: number;
}

/**
 * One audit row per change, written in the change's transaction and chained to the partner's
 * previous entry (docs/decisions.md "Audit trail"). Details hold ids and outcomes only: the
 * audit trail is read by more people than the data it describes.
 *
 * The partner's head row is locked until the transaction ends, so appends of one partner run
 * one at a time on PostgreSQL too (SQLite serialises write transactions anyway), and a rolled
 * back change leaves no link behind. On PostgreSQL the append inside a transaction is sent
 * with its COMMIT (commit-time-pool.ts), so the head is locked for the commit only, wherever
 * in the transaction the entry is recorded.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => append(trx, entry));
  return append(db, entry);
}

/** What an entry's hash covers, but for the two fields the partner's head gives: seq and prevHash. */
function contentOf(entry: AuditEntry): Omit<ChainedContent, 'seq' | 'prevHash'> {
  return {
    id: newRowId(),
    partnerId: entry.partnerId,
    companyId: entry.companyId ?? null,
    actorType: entry.actor.kind,
    actorId: actorId(entry.actor),
    action: entry.action,
    details: JSON.stringify(entry.details ?? {}),
    createdAt: entry.now,
  };
}

async function append(trx: Db, entry: AuditEntry): Promise<void> {
  if (dialectOf(trx) === 'postgres') return appendInOneStatement(trx, entry);
  const head = await advanceHead(trx, entry.partnerId);
  const content = { ...contentOf(entry), seq: head.seq, prevHash: head.prevHash };
  const hash = entryHash(content);
  const row = {
    id: content.id,
    partner_id: content.partnerId,
    seq: content.seq,
    company_id: content.companyId,
    actor_type: content.actorType,
    actor_id: content.actorId,
    action: content.action,
    details: content.details,
    created_at: content.createdAt,
    prev_hash: content.prevHash,
    hash,
  };
  await insertEntry(trx, row);
  await setHeadHash(trx, { hash, partnerId: entry.partnerId });
}

// The statements of every append are built once (prepared.ts): building a Kysely query cost
// about as much as running it.
const insertEntry = prepared((db, p: AuditLogRow) =>
  db.insertInto('audit_logs').values({
    id: p.id,
    partner_id: p.partner_id,
    seq: p.seq,
    company_id: p.company_id,
    actor_type: p.actor_type,
    actor_id: p.actor_id,
    action: p.action,
    details: p.details,
    created_at: p.created_at,
    prev_hash: p.prev_hash,
    hash: p.hash,
  }),
);

const setHeadHash = prepared((db, p: { hash: string; partnerId: string }) =>
  db.updateTable('audit_heads').set({ hash: p.hash }).where('partner_id', '=', p.partnerId),
);

/**
 * PostgreSQL: the head is locked from its advance until the commit, so every round trip in
 * between slows each of the partner's writers; inside a transaction the statement is therefore
 * sent with the COMMIT (`atCommit`). One statement advances the head (or creates it,
 * for a partner's first entry), hashing the entry in SQL from the head's previous hash
 * (`canonicalAroundHead`), keeps that previous hash in `prev_hash`, and inserts the entry from
 * what the upsert returns.
 */
async function appendInOneStatement(trx: Db, entry: AuditEntry): Promise<void> {
  await appendAtCommit(trx, auditAppendValues(entry));
}

/**
 * The values of `auditAppendOn`'s statement for one entry. The entry's id is `entryId`, so the
 * values of a change written in the same statement can sit beside them in one flat record.
 */
export type AuditAppendValues = Omit<ChainedContent, 'prevHash' | 'seq' | 'id'> & { entryId: string; before: string; between: string };

export function auditAppendValues(entry: AuditEntry): AuditAppendValues {
  const { id, ...content } = contentOf(entry);
  return { entryId: id, ...content, ...canonicalAroundHead({ id, ...content }) };
}

/**
 * PostgreSQL: the statement appending an entry, after the writes (common table expressions) of
 * `query` when it holds any: a change and its audit entry in one statement are one atomic,
 * durable commit without a transaction around them (create-token.ts).
 */
export function auditAppendOn<DB extends Database>(writes: QueryCreator<DB>, p: AuditAppendValues) {
  // The writes' own expressions are not referred to below: seen as the plain schema.
  const query = writes as unknown as QueryCreator<Database>;
  const hashOf = (prevHash: RawBuilder<string>, seq: RawBuilder<string>) =>
    sql<string>`encode(sha256(convert_to(${p.before} || ${prevHash} || ${p.between} || ${seq} || '}', 'UTF8')), 'hex')`;
  return query
    .with('head', (db) =>
      db
        .insertInto('audit_heads')
        .values({ partner_id: p.partnerId, seq: 1, prev_hash: GENESIS_HASH, hash: hashOf(sql`${GENESIS_HASH}::text`, sql`'1'`) })
        .onConflict((oc) =>
          oc.column('partner_id').doUpdateSet((eb) => ({
            seq: eb('audit_heads.seq', '+', 1),
            prev_hash: eb.ref('audit_heads.hash'),
            hash: hashOf(sql`audit_heads.hash`, sql`(audit_heads.seq + 1)::text`),
          })),
        )
        .returning(['seq', 'prev_hash', 'hash']),
    )
    .insertInto('audit_logs')
    .columns(['id', 'partner_id', 'seq', 'company_id', 'actor_type', 'actor_id', 'action', 'details', 'created_at', 'prev_hash', 'hash'])
    .expression((eb) =>
      eb
        .selectFrom('head')
        .select([
          sql<string>`${p.entryId}`.as('id'),
          sql<string>`${p.partnerId}`.as('partner_id'),
          'head.seq',
          sql<string | null>`${p.companyId}`.as('company_id'),
          sql<string>`${p.actorType}`.as('actor_type'),
          sql<string | null>`${p.actorId}`.as('actor_id'),
          sql<string>`${p.action}`.as('action'),
          sql<string>`${p.details}`.as('details'),
          sql<number>`${p.createdAt}::bigint`.as('created_at'),
          'head.prev_hash',
          'head.hash',
        ]),
    )
    .returning('seq');
}

// Sent with the transaction's COMMIT (commit-time-pool.ts): if it fails, the COMMIT is not run.
const appendAtCommit = prepared((db, p: AuditAppendValues) => auditAppendOn(db, p).modifyEnd(atCommit()));

/**
 * Takes the partner's next sequence number and the previous entry's hash in one statement that
 * also locks the head (an UPDATE locks on both databases; no separate SELECT ... FOR UPDATE).
 */
async function advanceHead(trx: Db, partnerId: string): Promise<{ seq: number; prevHash: string }> {
  const head = (await advance(trx, partnerId)) ?? (await createHead(trx, partnerId));
  return { seq: Number(head.seq), prevHash: head.hash };
}

const advanceStatement = prepared((db, p: { partnerId: string }) =>
  db
    .updateTable('audit_heads')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('partner_id', '=', p.partnerId)
    .returning(['seq', 'hash']),
);

const advance = async (trx: Db, partnerId: string) => (await advanceStatement(trx, { partnerId }))[0];

/**
 * A partner's first entry: of two transactions creating the head, the second waits for the
 * first to commit, then finds and advances its row.
 */
async function createHead(trx: Db, partnerId: string): Promise<{ seq: number; hash: string }> {
  await insertHead(trx, partnerId);
  const created = await advance(trx, partnerId);
  if (!created) throw new Error('audit head missing after insert');
  return created;
}

/** The actor of a partner context: its signed-in manager, its key pair on an API request, else an operator. */
export function partnerActor(ctx: Pick<PartnerCtx, 'keyId' | 'manager'>): AuditActor {
  if (ctx.manager) return { kind: 'manager', managerId: ctx.manager.id };
  return ctx.keyId ? { kind: 'partner', keyId: ctx.keyId } : { kind: 'operator' };
}

function actorId(actor: AuditActor): string | null {
  if (actor.kind === 'client') return actor.tokenId;
  if (actor.kind === 'partner') return actor.keyId;
  if (actor.kind === 'manager') return String(actor.managerId);
  return null;
}

/** Records what a partner context did (its manager, its key pair, or an operator acting for it), in that partner's chain. */
export function recordPartnerAudit(
  db: Db,
  ctx: Pick<PartnerCtx, 'partnerId' | 'keyId' | 'manager'>,
  entry: Omit<AuditEntry, 'partnerId' | 'actor'>,
): Promise<void> {
  return recordAudit(db, { partnerId: ctx.partnerId, actor: partnerActor(ctx), ...entry });
}

/** A partner's head before its first entry; a second writer inserting it at once waits, then finds it. */
async function insertHead(trx: Db, partnerId: string): Promise<void> {
  await trx
    .insertInto('audit_heads')
    .values({ partner_id: partnerId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('partner_id').doNothing())
    .execute();
}
