import type { Insertable } from 'kysely';
import type { RegistryCompanyRow, RegistryPersonRow, RegistryRelationshipRow } from '../../db/tables.js';
import type { ByteCounter } from './read-file.js';

export const DATASET_IDS = ['uk-basic', 'uk-psc', 'gleif-lei', 'gleif-rr'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/** What a reader learns while it streams a file. */
export interface ReadState {
  /** The publisher's date of the file (header, totals line or file name), when it says. */
  publishedAt: string | null;
  /** Records read but not stored (statements, fund-management relationships...). */
  skipped: number;
  /** Set by a reader whose file carries its own end marker (the PSC totals line). */
  isComplete?: boolean;
}

type Staged<Row> = Omit<Insertable<Row>, 'import_id' | 'id'>;

interface DatasetOf<Table extends string, Row> {
  id: DatasetId;
  table: Table;
  /** Streams the file's rows; throws (any Error) on the first thing that makes it untrustworthy. */
  read(path: string, counter: ByteCounter, state: ReadState): AsyncIterable<Staged<Row>>;
}

/** One importable open-data file format, and the table its rows go to. */
export type Dataset =
  | DatasetOf<'registry_companies', RegistryCompanyRow>
  | DatasetOf<'registry_persons', RegistryPersonRow>
  | DatasetOf<'registry_relationships', RegistryRelationshipRow>;

export function isDatasetId(value: string | undefined): value is DatasetId {
  return (DATASET_IDS as readonly string[]).includes(value ?? '');
}
