import type { Db } from '../../db/database.js';

/** A live list version as screening results record it. */
export interface LiveList {
  id: string;
  source: string;
  sha256: string;
  publishedAt: string | null;
  importedAt: number;
  entityCount: number;
}

export async function liveLists(db: Db): Promise<LiveList[]> {
  const rows = await db
    .selectFrom('screening_lists')
    .select(['id', 'source', 'sha256', 'published_at', 'imported_at', 'entity_count'])
    .where('is_live', '=', 1)
    .orderBy('source')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    sha256: r.sha256,
    publishedAt: r.published_at,
    importedAt: r.imported_at,
    entityCount: r.entity_count,
  }));
}

/** A fingerprint of the live set: when it changes, the index must be rebuilt. */
export const liveSetKey = (lists: Pick<LiveList, 'id'>[]) =>
  lists
    .map((l) => l.id)
    .sort()
    .join(',');

/** Streams the entities of the live lists as parsed JSON, a page at a time (lists can be large). */
export async function* liveEntities(db: Db, listIds: string[], pageSize = 5000): AsyncGenerator<unknown[]> {
  for (const listId of listIds) {
    let after = '';
    for (;;) {
      const rows = await db
        .selectFrom('screening_entities')
        .select(['entity_id', 'data'])
        .where('list_id', '=', listId)
        .where('entity_id', '>', after)
        .orderBy('entity_id')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) break;
      yield rows.map((r) => JSON.parse(r.data) as unknown);
      after = rows[rows.length - 1]!.entity_id;
    }
  }
}
