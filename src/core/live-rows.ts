import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/tables.js';

/** Tables whose rows each belong to one partner and are deleted softly (`deleted_at`). */
export type LiveTable = 'flows' | 'themes' | 'questionnaires' | 'webhook_endpoints';

export type LiveRow<T extends LiveTable> = Selectable<Database[T]>;

/**
 * The one query for "this partner's rows that are not deleted": every load of a soft-deleted,
 * partner-owned object starts here, so another partner's row is as absent as a deleted one.
 */
export function selectLive<T extends LiveTable>(db: Db, table: T, partnerId: string): SelectQueryBuilder<Database, T, LiveRow<T>> {
  return liveQuery(db, table, partnerId) as unknown as SelectQueryBuilder<Database, T, LiveRow<T>>;
}

/** This partner's live row with this id, if any. */
export async function findLive<T extends LiveTable>(db: Db, table: T, partnerId: string, id: string): Promise<LiveRow<T> | undefined> {
  return (await liveQuery(db, table, partnerId).where('id', '=', id).executeTakeFirst()) as LiveRow<T> | undefined;
}

/** This partner's live rows in creation order (ties broken by id, so the order is stable). */
export async function listLive<T extends LiveTable>(db: Db, table: T, partnerId: string): Promise<LiveRow<T>[]> {
  return (await liveQuery(db, table, partnerId).orderBy('created_at').orderBy('id').execute()) as LiveRow<T>[];
}

// The four tables share the columns named here; Kysely cannot see that through a generic table
// name, so the query is typed as one of them and the callers get their own table's row type.
function liveQuery(db: Db, table: LiveTable, partnerId: string) {
  return db
    .selectFrom(table as 'themes')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('deleted_at', 'is', null);
}
