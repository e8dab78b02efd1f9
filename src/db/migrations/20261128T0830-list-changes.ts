import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// Incremental re-screening. A list version imported over a live one records which entities it
// added, changed or removed (by entity id, compared by fingerprint); the screening worker, once
// its index holds that version, matches only those entities against the open cases and clears
// `rescreen_pending`. Hits are looked up by entity to find the cases that lose one.
// `pep_entity_count`: how many politically exposed persons a version holds, so a subject screened
// against it counts as checked for PEPs (iDenfy's pepsCheckStatus).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('screening_lists').addColumn('changes', 'text').execute();
  await db.schema
    .alterTable('screening_lists')
    .addColumn('rescreen_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('screening_lists')
    .addColumn('pep_entity_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('screening_hits_entity').on('screening_hits').column('entity_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('screening_hits_entity').execute();
  await db.schema.alterTable('screening_lists').dropColumn('pep_entity_count').execute();
  await db.schema.alterTable('screening_lists').dropColumn('rescreen_pending').execute();
  await db.schema.alterTable('screening_lists').dropColumn('changes').execute();
}
