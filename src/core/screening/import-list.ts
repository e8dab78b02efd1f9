import { newRowId } from '../../db/row-id.js';
import type { SourceId } from '../../screening/engine.js';
import { entityFingerprint, ListImportError, parseList } from '../../screening/engine.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { requestScreeningOfOpenCases } from './request-screening.js';

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
  /** Open cases queued for re-screening against the new version. */
  rescreened: number;
  warnings: string[];
}

/**
 * Imports one list version: parses it whole (a bad or truncated file is refused and the live
 * version stays), stores its entities, makes it live in one transaction, and queues every open
 * case for re-screening (ongoing monitoring). A file with fewer than half the entities of the
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
    .select(['sha256', 'entity_count'])
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
  if (live?.sha256 === parsed.version.sha256) return { ...base, listId: '', previous, isUnchanged: true, rescreened: 0 };
  if (live && !input.force && parsed.version.entityCount < live.entity_count / 2) {
    throw new DomainError(
      'VALIDATION_ERROR',
      `The ${input.source} list has ${parsed.version.entityCount} entities, fewer than half of the live version's ${live.entity_count}; it may be truncated. Import with --force if it is right.`,
    );
  }

  const now = ctx.clock.now();
  const listId = newRowId();
  const rescreened = await ctx.db.transaction().execute(async (trx) => {
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
    await trx.updateTable('screening_lists').set({ is_live: 0 }).where('source', '=', input.source).where('is_live', '=', 1).execute();
    await trx.updateTable('screening_lists').set({ is_live: 1 }).where('id', '=', listId).execute();
    return requestScreeningOfOpenCases(trx, now);
  });
  ctx.logger.info({ source: input.source, sha256: parsed.version.sha256, entities: parsed.version.entityCount, rescreened }, 'screening list imported');
  return { ...base, listId, previous, isUnchanged: false, rescreened };
}
