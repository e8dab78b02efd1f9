import type { Config } from '../config.js';
import { migrateFiles } from '../core/files/migrate-files.js';
import { openStorage, type FileStoreName } from '../storage/open-storage.js';
import { withCtx } from './admin.js';

type Out = (line: string) => void;

/**
 * `openkyb files migrate --to STORE [--from STORE]`: copies every recorded file into STORE,
 * with progress on stderr and a summary; safe to interrupt and run again. True when no file is missing.
 */
export async function migrateFilesCommand(
  config: Config,
  out: Out,
  input: { from: FileStoreName; to: FileStoreName; json: boolean; progress: Out },
): Promise<boolean> {
  const summary = await withCtx(config, (ctx) =>
    migrateFiles({
      db: ctx.db,
      from: openStorage(config, ctx.db, input.from),
      to: openStorage(config, ctx.db, input.to),
      onProgress: (done, total) => input.progress(`files: ${done} of ${total} checked`),
    }),
  );
  if (input.json) out(JSON.stringify({ from: input.from, to: input.to, ...summary }));
  else {
    out(
      `Files from ${input.from} to ${input.to}: ${summary.total} recorded, ${summary.copied} copied, ${summary.alreadyThere} already there, ${summary.missing.length} missing.`,
    );
    for (const hash of summary.missing.slice(0, 20)) out(`  missing in ${input.from}: ${hash}`);
    if (summary.missing.length > 20) out(`  (${summary.missing.length - 20} more missing)`);
    if (config.fileStore !== input.to) out(`The server still uses ${config.fileStore}: set OPENKYB_FILE_STORE=${input.to} to switch.`);
  }
  return summary.missing.length === 0;
}
