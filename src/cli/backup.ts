import { chmodSync, existsSync, statSync } from 'node:fs';
import type { Config } from '../config.js';
import { backupSqlite } from '../db/backup.js';

type Out = (line: string) => void;

/** `openkyb backup FILE`: an online copy of the SQLite database; PostgreSQL is backed up with pg_dump. */
export async function backupCommand(config: Config, out: Out, input: { file: string }): Promise<number> {
  if (config.databaseUrl) {
    process.stderr.write('openkyb: backup copies the SQLite database; back PostgreSQL up with pg_dump (docs/deployment.md).\n');
    return 2;
  }
  if (existsSync(input.file)) {
    process.stderr.write(`openkyb: ${input.file} exists; choose a new file.\n`);
    return 2;
  }
  let shownPercent = -1;
  const done = await backupSqlite(config.dataDir, input.file, ({ totalPages, remainingPages }) => {
    const percent = totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) / totalPages) * 100);
    if (percent >= shownPercent + 10 || (percent === 100 && shownPercent !== 100)) {
      shownPercent = percent;
      process.stderr.write(`backup: ${percent} %\n`);
    }
  });
  // The copy holds every client's personal data: only its owner may read it, as the database.
  chmodSync(input.file, 0o600);
  out(`Backed up ${done.totalPages} pages (${statSync(input.file).size} bytes) to ${input.file}.`);
  return 0;
}
