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
  /** Refuses deletion while something depends on the entry. */
  checkDelete(db: Db, ctx: PartnerCtx, id: string): Promise<void>;
}

export const iso = (ms: number) => new Date(ms).toISOString();
