import type { Db } from '../../db/database.js';
import type { PartnerCtx } from '../context.js';
import { decrypt, encrypt, sha256Hex } from '../crypto.js';
import { DomainError } from '../errors.js';

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface IdempotencyRequest {
  key: string;
  /** Identifies the operation and its body: same key with another fingerprint is refused. */
  fingerprint: string;
}

export interface IdempotentResult<T> {
  body: T;
  replayed: boolean;
}

class LostRace extends Error {}

/**
 * Runs `work` in one transaction with the record of its response, so a retried request with
 * the same key gets the original response and no second effect. The stored response is
 * encrypted with a key derived from the server pepper (it may hold a token string).
 */
export async function withIdempotency<T>(ctx: PartnerCtx, request: IdempotencyRequest | undefined, work: (db: Db) => Promise<T>): Promise<IdempotentResult<T>> {
  if (!request) return { body: await ctx.db.transaction().execute(work), replayed: false };
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await ctx.db.transaction().execute((trx) => attemptOnce(trx, ctx, request, work));
    } catch (error) {
      // A concurrent request with the same key committed first; the retry replays its response.
      if (!(error instanceof LostRace) || attempt > 0) throw error;
    }
  }
}

async function attemptOnce<T>(db: Db, ctx: PartnerCtx, request: IdempotencyRequest, work: (db: Db) => Promise<T>): Promise<IdempotentResult<T>> {
  const now = ctx.clock.now();
  const context = `idempotency:${ctx.partnerId}:${request.key}`;
  const existing = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('partner_id', '=', ctx.partnerId)
    .where('idempotency_key', '=', request.key)
    .executeTakeFirst();
  if (existing && existing.created_at > now - IDEMPOTENCY_WINDOW_MS) {
    if (existing.request_hash !== sha256Hex(request.fingerprint)) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body.');
    }
    return { body: JSON.parse(decrypt(ctx.pepper, context, existing.response)) as T, replayed: true };
  }
  if (existing) {
    await db.deleteFrom('idempotency_keys').where('partner_id', '=', ctx.partnerId).where('idempotency_key', '=', request.key).execute();
  }
  const body = await work(db);
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      partner_id: ctx.partnerId,
      idempotency_key: request.key,
      request_hash: sha256Hex(request.fingerprint),
      status_code: 201,
      response: encrypt(ctx.pepper, context, JSON.stringify(body)),
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['partner_id', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  if (inserted.numInsertedOrUpdatedRows === 0n) throw new LostRace();
  return { body, replayed: false };
}

/** A canonical JSON text (keys sorted), so formatting differences are the same body. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
