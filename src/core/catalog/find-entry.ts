import type { Db } from '../../db/database.js';
import type { ThemeRow, QuestionnaireRow } from '../../db/tables.js';
import { invalidField } from '../errors.js';
import { findLive, selectLive } from '../live-rows.js';

export type CatalogTable = 'flows' | 'themes' | 'questionnaires';

const NOUN: Record<CatalogTable, string> = { flows: 'flow', themes: 'theme', questionnaires: 'questionnaire' };

/**
 * Loads a live (not deleted) catalog object of this partner that a request refers to.
 * Another partner's object is indistinguishable from a missing one.
 */
export async function findLiveEntry(db: Db, partnerId: string, table: CatalogTable, id: string, field: string): Promise<ThemeRow> {
  const row = await findLive(db, table, partnerId, id);
  if (!row) throw invalidField(field, `no ${NOUN[table]} with id "${id}"`);
  return row;
}

export async function findQuestionnaireByKey(db: Db, partnerId: string, key: string, field: string): Promise<QuestionnaireRow> {
  const row = await selectLive(db, 'questionnaires', partnerId).where('key', '=', key).executeTakeFirst();
  if (!row) throw invalidField(field, `no questionnaire with key "${key}"`);
  return row;
}
