import { sql } from 'kysely';
import { newRowId } from '../../db/row-id.js';
import { dialectOf, type Db } from '../../db/database.js';
import type { PartnerCtx } from '../context.js';
import type { Actor } from '../forms/access.js';
import { canonicalAroundHead, entryHash, GENESIS_HASH } from './chain.js';

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
 * back change leaves no link behind. Call it late in the transaction: every lock taken after
 * it is taken while holding the partner's head.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => append(trx, entry));
  return append(db, entry);
}

async function append(trx: Db, entry: AuditEntry): Promise<void> {
  if (dialectOf(trx) === 'postgres') return appendInOneStatement(trx, entry);
  const head = await advanceHead(trx, entry.partnerId);
  const content = {
    id: newRowId(),
    seq: head.seq,
    partnerId: entry.partnerId,
    companyId: entry.companyId ?? null,
    actorType: entry.actor.kind,
    actorId: actorId(entry.actor),
    action: entry.action,
    details: JSON.stringify(entry.details ?? {}),
    createdAt: entry.now,
    prevHash: head.prevHash,
  };
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
  await trx.insertInto('audit_logs').values(row).execute();
  await trx.updateTable('audit_heads').set({ hash }).where('partner_id', '=', entry.partnerId).execute();
}

/**
 * PostgreSQL: the head is locked from its advance until the commit, so every round trip in
 * between slows each of the partner's writers. One statement advances the head, hashing the
 * entry in SQL from the head's previous hash (`canonicalAroundHead`), keeps that previous hash in
 * `prev_hash`, and inserts the entry from what the UPDATE returns. A partner without a head yet
 * gets one, and the statement runs again.
 */
async function appendInOneStatement(trx: Db, entry: AuditEntry): Promise<void> {
  const content = {
    id: newRowId(),
    partnerId: entry.partnerId,
    companyId: entry.companyId ?? null,
    actorType: entry.actor.kind,
    actorId: actorId(entry.actor),
    action: entry.action,
    details: JSON.stringify(entry.details ?? {}),
    createdAt: entry.now,
  };
  const { before, between } = canonicalAroundHead(content);
  const run = () =>
    trx
      .with('head', (db) =>
        db
          .updateTable('audit_heads')
          .set((eb) => ({
            seq: eb('seq', '+', 1),
            prev_hash: eb.ref('hash'),
            hash: sql<string>`encode(sha256(convert_to(${before} || hash || ${between} || (seq + 1)::text || '}', 'UTF8')), 'hex')`,
          }))
          .where('partner_id', '=', entry.partnerId)
          .returning(['seq', 'prev_hash', 'hash']),
      )
      .insertInto('audit_logs')
      .columns(['id', 'partner_id', 'seq', 'company_id', 'actor_type', 'actor_id', 'action', 'details', 'created_at', 'prev_hash', 'hash'])
      .expression((eb) =>
        eb
          .selectFrom('head')
          .select([
            sql.val(content.id).as('id'),
            sql.val(content.partnerId).as('partner_id'),
            'head.seq',
            sql.val(content.companyId).as('company_id'),
            sql.val(content.actorType).as('actor_type'),
            sql.val(content.actorId).as('actor_id'),
            sql.val(content.action).as('action'),
            sql.val(content.details).as('details'),
            sql<number>`${content.createdAt}::bigint`.as('created_at'),
            'head.prev_hash',
            'head.hash',
          ]),
      )
      .executeTakeFirst();
  if ((await run())?.numInsertedOrUpdatedRows === 1n) return;
  await trx
    .insertInto('audit_heads')
    .values({ partner_id: entry.partnerId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('partner_id').doNothing())
    .execute();
  if ((await run())?.numInsertedOrUpdatedRows !== 1n) throw new Error('audit head missing after insert');
}

/**
 * Takes the partner's next sequence number and the previous entry's hash in one statement that
 * also locks the head (an UPDATE locks on both databases; no separate SELECT ... FOR UPDATE).
 */
async function advanceHead(trx: Db, partnerId: string): Promise<{ seq: number; prevHash: string }> {
  const head = (await advance(trx, partnerId)) ?? (await createHead(trx, partnerId));
  return { seq: Number(head.seq), prevHash: head.hash };
}

const advance = (trx: Db, partnerId: string) =>
  trx
    .updateTable('audit_heads')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('partner_id', '=', partnerId)
    .returning(['seq', 'hash'])
    .executeTakeFirst();

/**
 * A partner's first entry: of two transactions creating the head, the second waits for the
 * first to commit, then finds and advances its row.
 */
async function createHead(trx: Db, partnerId: string): Promise<{ seq: number; hash: string }> {
  await trx
    .insertInto('audit_heads')
    .values({ partner_id: partnerId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('partner_id').doNothing())
    .execute();
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
