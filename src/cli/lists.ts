import type { Config } from '../config.js';
import { SCREENING_SOURCES } from '../config.js';
import { importList } from '../core/screening/import-list.js';
import { presentLists } from '../core/screening/search-lists.js';
import type { SourceId } from '../screening/engine.js';
import { liveLists } from '../core/screening/live-lists.js';
import { withCtx } from './admin.js';

type Out = (line: string) => void;

export function isSource(value: string | undefined): value is SourceId {
  return (SCREENING_SOURCES as readonly string[]).includes(value ?? '');
}

/** `openkyb lists import SOURCE PATH`: a new live version, or the old one kept when the file is bad. */
export async function importListCommand(config: Config, out: Out, input: { source: SourceId; path: string; force: boolean; json: boolean }): Promise<void> {
  const result = await withCtx(config, (ctx) => importList({ ctx, input }));
  if (input.json) return out(JSON.stringify(result));
  for (const warning of result.warnings.slice(0, 20)) out(`warning: ${warning}`);
  if (result.warnings.length > 20) out(`(${result.warnings.length - 20} more warnings)`);
  if (result.isUnchanged) return out(`${result.source}: this file (${result.sha256.slice(0, 16)}) is already the live version; nothing changed.`);
  out(`${result.source}: imported ${result.entityCount} entities, sha256 ${result.sha256}${result.publishedAt ? `, published ${result.publishedAt}` : ''}.`);
  out(
    result.previous
      ? `It replaces the version with ${result.previous.entityCount} entities (${result.previous.sha256.slice(0, 16)}).`
      : 'It is the first version of this list.',
  );
  const { changes } = result;
  out(
    changes
      ? `${changes.added} entities added, ${changes.changed} changed, ${changes.removed} removed: the screening worker matches them against the open cases and screens again those that gain or lose a hit.`
      : `${result.rescreened} open case(s) will be screened again against it.`,
  );
}

export async function listStatusCommand(config: Config, out: Out, input: { json: boolean }): Promise<void> {
  const status = await withCtx(config, async (ctx) =>
    presentLists(await liveLists(ctx.db), { requiredLists: config.screeningRequiredLists, maxListAgeMs: config.screeningMaxListAgeMs }, ctx.clock.now()),
  );
  if (input.json) return out(JSON.stringify(status));
  if (status.lists.length === 0) out('No screening list is loaded.');
  for (const l of status.lists)
    out(
      `${l.source.padEnd(12)} ${String(l.entityCount).padStart(7)} entities  imported ${l.importedAt}  published ${l.publishedAt ?? 'unknown'}  sha256 ${l.sha256.slice(0, 16)}`,
    );
  out(status.problem ? `Screening is NOT a check: ${status.problem}.` : 'Screening lists are complete and fresh.');
}
