import type { Db } from '../../db/database.js';
import type { Entity } from '../../screening/engine.js';
import { entityFingerprint } from '../../screening/engine.js';

/** What a list version changed against the version it replaced, by entity id. */
export interface ListChanges {
  added: string[];
  /** Same id, another fingerprint: a name, alias, date, identifier or programme changed. */
  changed: string[];
  removed: string[];
}

/** Compares the new version's entities with the live version's stored fingerprints. */
export async function diffEntities(db: Db, liveListId: string, entities: Entity[]): Promise<ListChanges> {
  const before = new Map<string, string>();
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('screening_entities')
      .select(['entity_id', 'fingerprint'])
      .where('list_id', '=', liveListId)
      .where('entity_id', '>', after)
      .orderBy('entity_id')
      .limit(20_000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) before.set(row.entity_id, row.fingerprint);
    after = rows[rows.length - 1]!.entity_id;
  }
  const changes: ListChanges = { added: [], changed: [], removed: [] };
  for (const entity of entities) {
    const old = before.get(entity.id);
    before.delete(entity.id);
    if (old === undefined) changes.added.push(entity.id);
    else if (old !== entityFingerprint(entity)) changes.changed.push(entity.id);
  }
  changes.removed = [...before.keys()];
  return changes;
}
