import { newRowId } from '../../db/row-id.js';
import type { SourceId } from '../../screening/engine.js';
import { entityFingerprint, ListImportError, parseList } from '../../screening/engine.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { requestScreeningOfOpenCases } from './request-screening.js';
import { diffEntities } from './list-changes.js';

export interface ImportResult {
  listId: string;
  source: SourceId;
  sha256: string;
  publishedAt: string | null;
  entityCount: number;
  /** The live version it replaced, if any. */
  previous: { sha256: string; entityCount: number } | null;
  /** True when this exact file is already the live version: nothing changed. */
  isUnchanged: boolean;
  /** Open cases queued for re-screening against the new version (a full re-screen; 0 when incremental). */
  rescreened: number;
  /**
   * FULL: every open case was queued (a first import, or a version imported before the worker
   * matched the previous one's changes). INCREMENTAL: the worker matches only the changed
   * entities against the open cases and queues the cases that gain or lose a hit.
   */
  rescreen: 'FULL' | 'INCREMENTAL' | 'NONE';
  /** How many entities the version added, changed and removed (an incremental re-screen). */
  changes: { added: number; changed: number; removed: number } | null;
  warnings: string[];
}

/**
 * Imports one list version: parses it whole (a bad or truncated file is refused and the live
 * version stays), stores its entities, makes it live in one transaction, and re-screens the open
 * cases (ongoing monitoring): all of them on a first import, else the changed entities only
 * (see rescreen-list-changes.ts). A file with fewer than half the entities of the
 * live version is refused unless forced: a CSV cut at a line end parses as a shorter list.
 */
export async function importList({ ctx, input }: { ctx: Ctx; input: { source: SourceId; path: string; force?: boolean } }): Promise<ImportResult> {
  let parsed;
  try {
    parsed = await parseList(input.source, { path: input.path });
  } catch (error) {
    if (error instanceof ListImportError) throw new DomainError('VALIDATION_ERROR', `The ${input.source} list was refused: ${error.message}`);
    throw error;
  }
  const live = await ctx.db
    .selectFrom('screening_lists')
    .select(['id', 'sha256', 'entity_count', 'rescreen_pending'])
    .where('source', '=', input.source)
    .where('is_live', '=', 1)
    .executeTakeFirst();
  const base = {
    source: input.source,
    sha256: parsed.version.sha256,
    publishedAt: parsed.version.publishedAt,
    entityCount: parsed.version.entityCount,
    warnings: parsed.warnings,
  };
  const previous = live ? { sha256: live.sha256, entityCount: live.entity_count } : null;
  if (live?.sha256 === parsed.version.sha256) return { ...base, listId: '', previous, isUnchanged: true, rescreened: 0, rescreen: 'NONE', changes: null };
  if (live && !input.force && parsed.version.entityCount < live.entity_count / 2) {
    throw new DomainError(
      'VALIDATION_ERROR',
      `The ${input.source} list has ${parsed.version.entityCount} entities, fewer than half of the live version's ${live.entity_count}; it may be truncated. Import with --force if it is right.`,
    );
  }

  const now = ctx.clock.now();
  const listId = newRowId();
  const isIncremental = live !== undefined && live.rescreen_pending === 0;
  const { rescreened, changes } = await ctx.db.transaction().execute(async (trx) => {
    const changes = isIncremental ? await diffEntities(trx, live.id, parsed.entities) : null;
    await trx
      .insertInto('screening_lists')
      .values({
        id: listId,
        source: input.source,
        sha256: parsed.version.sha256,
        published_at: parsed.version.publishedAt,
        entity_count: parsed.version.entityCount,
        warnings: JSON.stringify(parsed.warnings),
        imported_at: now,
        is_live: 0,
        changes: changes && JSON.stringify(changes),
        rescreen_pending: changes ? 1 : 0,
        pep_entity_count: parsed.entities.filter((e) => e.pepTier).length,
      })
      .execute();
    for (let i = 0; i < parsed.entities.length; i += 500) {
      const rows = parsed.entities.slice(i, i + 500).map((entity) => ({
        list_id: listId,
        entity_id: entity.id,
        fingerprint: entityFingerprint(entity),
        data: JSON.stringify(entity),
      }));
      await trx.insertInto('screening_entities').values(rows).execute();
    }
    // Only the live version's entities are kept; the version history stays in screening_lists.
    const superseded = trx.selectFrom('screening_lists').select('id').where('source', '=', input.source).where('is_live', '=', 1);
    await trx.deleteFrom('screening_entities').where('list_id', 'in', superseded).execute();
    await trx.updateTable('screening_lists').set({ is_live: 0, rescreen_pending: 0 }).where('source', '=', input.source).where('is_live', '=', 1).execute();
    await trx.updateTable('screening_lists').set({ is_live: 1 }).where('id', '=', listId).execute();
    return { rescreened: changes ? 0 : await requestScreeningOfOpenCases(trx, now), changes };
  });
  const rescreen = isIncremental ? 'INCREMENTAL' : 'FULL';
  ctx.logger.info(
    { source: input.source, sha256: parsed.version.sha256, entities: parsed.version.entityCount, rescreen, rescreened },
    'screening list imported',
  );
  const counts = changes && { added: changes.added.length, changed: changes.changed.length, removed: changes.removed.length };
  return { ...base, listId, previous, isUnchanged: false, rescreened, rescreen, changes: counts };
}
