import type { Db } from '../../db/database.js';
import { DATASET_IDS, type DatasetId } from './dataset.js';

export interface DatasetStatus {
  dataset: DatasetId;
  rowCount: number;
  sha256: string;
  publishedAt: string | null;
  importedAt: string;
  fileName: string;
}

/** The live version of each imported open-data register (datasets never imported are absent). */
export async function registryStatus(db: Db): Promise<DatasetStatus[]> {
  const live = await db.selectFrom('registry_imports').selectAll().where('is_live', '=', 1).execute();
  return DATASET_IDS.flatMap((dataset) => {
    const row = live.find((each) => each.dataset === dataset);
    if (!row) return [];
    return [
      {
        dataset,
        rowCount: Number(row.row_count),
        sha256: row.sha256,
        publishedAt: row.published_at,
        importedAt: new Date(Number(row.imported_at)).toISOString(),
        fileName: row.file_name,
      },
    ];
  });
}
