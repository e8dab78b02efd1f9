import type { Db } from '../../db/database.js';
import type { ThemeRow } from '../../db/tables.js';
import type { PartnerCtx } from '../context.js';
import type { CatalogTable } from './find-entry.js';

export interface PreparedEntry {
  name: string;
  definition: unknown;
  /** Table-specific columns (a questionnaire's key, a flow's questionnaire). */
  columns: Record<string, unknown>;
}

/**
 * What differs between flows, themes and questionnaires; the verbs in this folder do the rest.
 * `Row` is the shared row shape plus the table's own columns.
 */
export interface CatalogKind<Input, Output> {
  table: CatalogTable;
  label: string;
  /** Validates beyond the schema and turns input into columns; throws a DomainError. */
  prepare(db: Db, ctx: PartnerCtx, input: Input, currentId: string | null): Promise<PreparedEntry>;
  /** Presents rows as the API shows them (batched: one list, one lookup). */
  present(db: Db, rows: ThemeRow[]): Promise<Output[]>;
  /** The partner setting that may name an entry of this kind as the default; the default cannot be deleted. */
  defaultSetting: 'defaultFlowId' | 'defaultThemeId' | 'defaultQuestionnaireId';
  /** Refuses deletion while something else depends on the entry. */
  checkDelete?(db: Db, ctx: PartnerCtx, id: string): Promise<void>;
}

export const iso = (ms: number) => new Date(ms).toISOString();

/**
 * An entry as the API shows it: the row's id, the kind's own columns, the name, the stored
 * definition and the times.
 */
export function presentEntry<Definition, Own extends object>(row: ThemeRow, own: Own) {
  return {
    id: row.id,
    ...own,
    name: row.name,
    ...(JSON.parse(row.definition) as Definition),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
