import type { Config } from '../config.js';
import type { DatasetId } from '../registries/open-data/dataset.js';
import { DATASETS } from '../registries/open-data/datasets/index.js';
import { importDataset, type ImportProgress } from '../registries/open-data/import-dataset.js';
import { RegistryImportError } from '../registries/open-data/read-file.js';
import { registryStatus } from '../registries/open-data/registry-status.js';
import { withCtx } from './admin.js';

type Out = (line: string) => void;

/** At most one progress line every two seconds: a 5,000,000-row import takes minutes. */
function progressPrinter(progress: Out): (update: ImportProgress) => void {
  let last = 0;
  return (update) => {
    if (update.isIndexing) return progress(`  ${update.rows.toLocaleString('en')} rows in; building the indexes`);
    const now = Date.now();
    if (now - last < 2000) return;
    last = now;
    const percent = ((100 * update.bytes) / update.totalBytes).toFixed(1);
    progress(`  ${update.rows.toLocaleString('en')} rows, ${percent}% of the file`);
  };
}

/** `openkyb registries import DATASET PATH`: a new live version, or the old one kept when the file is bad. */
export async function importRegistryCommand(
  config: Config,
  out: Out,
  progress: Out,
  input: { dataset: DatasetId; path: string; force: boolean; json: boolean },
): Promise<number> {
  const started = Date.now();
  try {
    const result = await withCtx(config, (ctx) =>
      importDataset({
        db: ctx.db,
        dataset: DATASETS[input.dataset],
        path: input.path,
        now: ctx.clock.now(),
        force: input.force,
        onProgress: progressPrinter(progress),
      }),
    );
    if (input.json) {
      out(JSON.stringify(result));
      return 0;
    }
    if (result.isUnchanged) {
      out(`${result.dataset}: this file (${result.sha256.slice(0, 16)}) is already the live version; nothing changed.`);
      return 0;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    out(
      `${result.dataset}: imported ${result.rowCount} rows in ${seconds} s (${result.skipped} records skipped), sha256 ${result.sha256}${result.publishedAt ? `, published ${result.publishedAt}` : ''}.`,
    );
    out(
      result.previous
        ? `It replaces the version with ${result.previous.rowCount} rows (${result.previous.sha256.slice(0, 16)}).`
        : 'It is the first version of this register.',
    );
    return 0;
  } catch (error) {
    if (!(error instanceof RegistryImportError)) throw error;
    out(`${error.message}. Nothing changed: the live version stays.`);
    return 1;
  }
}

export async function registryStatusCommand(config: Config, out: Out, input: { json: boolean }): Promise<void> {
  const status = await withCtx(config, (ctx) => registryStatus(ctx.db));
  if (input.json) return out(JSON.stringify(status));
  if (status.length === 0) out('No open-data register is imported.');
  for (const each of status) {
    out(
      `${each.dataset.padEnd(10)} ${String(each.rowCount).padStart(10)} rows  imported ${each.importedAt}  published ${each.publishedAt ?? 'unknown'}  sha256 ${each.sha256.slice(0, 16)}  ${each.fileName}`,
    );
  }
}
