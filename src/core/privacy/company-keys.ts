import type { Db } from '../../db/database.js';
import { newDataKey, unwrapKey, wrapKey } from './codec.js';
import { masterKeyring, type MasterKeyring, type MasterKeySettings } from './master-keys.js';

/**
 * The master keyring plus a cache of unwrapped company keys. One scope lives for one request
 * (or one unit of background work). Keys are cached per database handle: a key created inside
 * a transaction is cached for that transaction only, so a rollback can never leave a key in
 * the cache that the database does not hold.
 */
export class KeyScope {
  private readonly cache = new WeakMap<object, Map<string, Buffer>>();

  constructor(readonly ring: MasterKeyring) {}

  /** A new, empty scope over the same master keys. */
  fresh(): KeyScope {
    return new KeyScope(this.ring);
  }

  cached(db: Db, companyId: string): Buffer | undefined {
    return this.cache.get(db)?.get(companyId);
  }

  remember(db: Db, companyId: string, key: Buffer): void {
    let keys = this.cache.get(db);
    if (!keys) this.cache.set(db, (keys = new Map()));
    keys.set(companyId, key);
  }

  forget(companyId: string, db: Db): void {
    this.cache.get(db)?.delete(companyId);
  }
}

/** A scope over the master keys the settings name (reads key files: call once per process or command). */
export function keyScope(settings: MasterKeySettings): KeyScope {
  return new KeyScope(masterKeyring(settings));
}

export class MissingKeyError extends Error {
  constructor(companyId: string, reason: string) {
    super(`company ${companyId}: ${reason}`);
  }
}

async function readKey(db: Db, scope: KeyScope, companyId: string): Promise<Buffer | null> {
  const row = await db.selectFrom('company_keys').select(['wrapped_key', 'master_key_id']).where('company_id', '=', companyId).executeTakeFirst();
  return row ? unwrapped(scope, companyId, row) : null;
}

function unwrapped(scope: KeyScope, companyId: string, row: { wrapped_key: string; master_key_id: string }): Buffer {
  const master = scope.ring.byId.get(row.master_key_id);
  if (!master) throw new MissingKeyError(companyId, `its key is wrapped by master key ${row.master_key_id}, which is not configured`);
  return unwrapKey(master.key, master.id, companyId, row.wrapped_key);
}

/**
 * Loads the data keys of many companies in one statement into the scope's cache, for work that
 * reads a page of companies (re-screening). A company without a key is simply not cached: opening
 * its data then fails as it would have.
 */
export async function preloadDataKeys(db: Db, scope: KeyScope, companyIds: readonly string[]): Promise<void> {
  const wanted = companyIds.filter((id) => !scope.cached(db, id));
  if (wanted.length === 0) return;
  const rows = await db.selectFrom('company_keys').select(['company_id', 'wrapped_key', 'master_key_id']).where('company_id', 'in', wanted).execute();
  for (const row of rows) rememberReadKey(db, scope, row.company_id, row);
}

/**
 * Caches a company's key read by the caller's own statement (the company row joined with its
 * key: one round trip instead of two), as `findDataKey` would have read it through `db`.
 */
export function rememberReadKey(db: Db, scope: KeyScope, companyId: string, row: { wrapped_key: string | null; master_key_id: string | null }): void {
  // A key wrapped by a master key not configured is left to fail where it is used, as before.
  if (row.wrapped_key === null || row.master_key_id === null || !scope.ring.byId.has(row.master_key_id) || scope.cached(db, companyId)) return;
  scope.remember(db, companyId, unwrapped(scope, companyId, { wrapped_key: row.wrapped_key, master_key_id: row.master_key_id }));
}

/** The company's data key, or null when it has none (never had one, or it was erased). */
export async function findDataKey(db: Db, scope: KeyScope, companyId: string): Promise<Buffer | null> {
  const cached = scope.cached(db, companyId);
  if (cached) return cached;
  const key = await readKey(db, scope, companyId);
  if (key) scope.remember(db, companyId, key);
  return key;
}

/**
 * The company's data key, created on first use. Two writers creating it at once both insert
 * "if absent" and then read: both end up with the one key that was stored.
 */
export async function dataKey(db: Db, scope: KeyScope, companyId: string, now: number): Promise<Buffer> {
  const found = await findDataKey(db, scope, companyId);
  if (found) return found;
  const { current } = scope.ring;
  await db
    .insertInto('company_keys')
    .values({
      company_id: companyId,
      wrapped_key: wrapKey(current.key, current.id, companyId, newDataKey()),
      master_key_id: current.id,
      created_at: now,
      rewrapped_at: null,
    })
    .onConflict((oc) => oc.column('company_id').doNothing())
    .execute();
  const key = await findDataKey(db, scope, companyId);
  if (!key) throw new MissingKeyError(companyId, 'the key just stored cannot be read back');
  return key;
}
