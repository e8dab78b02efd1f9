import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Ctx } from '../core/context.js';
import { DomainError } from '../core/errors.js';
import type { ImportResult } from '../core/screening/import-list.js';
import type { SourceId } from '../screening/engine.js';

/** The files a source is published as; a URL ending in "/" names the folder holding them. */
const FILES: Partial<Record<SourceId, string[]>> = {
  'ofac-sdn': ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'],
  'ofac-nonsdn': ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'],
};
const OPTIONAL = new Set(['sdn_comments.csv', 'cons_comments.csv']);
const MAX_BYTES = 512 * 1024 * 1024;

/** Downloads one source into a temp folder and imports it; a failed download imports nothing. */
export async function refreshList(ctx: Ctx, source: SourceId, url: string, fetchImpl: typeof fetch = fetch): Promise<ImportResult> {
  const dir = await mkdtemp(path.join(tmpdir(), `openkyb-${source}-`));
  try {
    const files = url.endsWith('/') ? (FILES[source] ?? []) : [null];
    if (files.length === 0) throw new DomainError('VALIDATION_ERROR', `${source} is published as one file: give its URL, not a folder`);
    let target = '';
    for (const file of files) {
      const response = await fetchImpl(file ? new URL(file, url) : url, { redirect: 'follow', signal: AbortSignal.timeout(300_000) });
      if (!response.ok) {
        if (file && OPTIONAL.has(file) && response.status === 404) continue;
        throw new DomainError('VALIDATION_ERROR', `downloading ${source}${file ? ` ${file}` : ''} failed with HTTP ${response.status}`);
      }
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length > MAX_BYTES) throw new DomainError('VALIDATION_ERROR', `${source} is larger than ${MAX_BYTES} bytes`);
      target = path.join(dir, file ?? `${source}.download`);
      await writeFile(target, bytes);
    }
    // The list parsers (CSV, XML) are loaded at the first refresh, not by every server at start.
    const { importList } = await import('../core/screening/import-list.js');
    return await importList({ ctx, input: { source, path: files[0] ? dir : target } });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The scheduled refresh (for deployments with internet; off unless an interval and URLs are set):
 * every source in turn, a failure of one logged and the others still refreshed.
 */
export function scheduleListRefresh(ctx: Ctx, urls: Record<string, string>, intervalMs: number, logger: Logger): () => void {
  if (intervalMs <= 0 || Object.keys(urls).length === 0) return () => {};
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    for (const [source, url] of Object.entries(urls)) {
      try {
        const result = await refreshList(ctx, source as SourceId, url);
        logger.info({ source, sha256: result.sha256, isUnchanged: result.isUnchanged, entities: result.entityCount }, 'screening list refreshed');
      } catch (error) {
        logger.error({ source, reason: (error as Error).message }, 'screening list refresh failed; the live version stays');
      }
    }
    running = false;
  };
  const first = setTimeout(() => void run(), 5_000);
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
