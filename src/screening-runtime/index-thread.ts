import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type DatabaseOptions } from '../db/database.js';
import { buildIndex, type Entity, type Hit, type ScreeningIndex, type ScreeningQuery, type SearchOptions } from '../screening/engine.js';
import { liveEntities, liveLists } from '../core/screening/live-lists.js';

/**
 * One index per thread: this thread loads the live lists from the database, builds the index,
 * says it is ready, then answers searches. The host builds a new thread to swap in a new index,
 * so searches never wait for a build.
 */
/** `entityIds`: search only those entities (incremental re-screening). */
export type ThreadRequest = { type: 'search'; id: number; queries: ScreeningQuery[]; options: SearchOptions; entityIds?: string[] };
export type ThreadMessage =
  | { type: 'ready'; lists: Awaited<ReturnType<typeof liveLists>>; entityCount: number; buildMs: number }
  | { type: 'result'; id: number; hits: Hit[][] }
  | { type: 'error'; id: number | null; message: string };

async function main(): Promise<void> {
  const port = parentPort!;
  const database = openDatabase(workerData as DatabaseOptions);
  let index: ScreeningIndex;
  try {
    const started = performance.now();
    const lists = await liveLists(database.db);
    const entities: Entity[] = [];
    for await (const page of liveEntities(
      database.db,
      lists.map((l) => l.id),
    ))
      entities.push(...(page as Entity[]));
    index = buildIndex(entities);
    port.postMessage({ type: 'ready', lists, entityCount: entities.length, buildMs: Math.round(performance.now() - started) } satisfies ThreadMessage);
  } finally {
    await database.destroy();
  }
  // Re-screening sends the same entities batch after batch: their restriction (and the memo of
  // query words it gathers) is built once, and let go at the first unrestricted search.
  let restricted: { key: string; restriction: ReturnType<ScreeningIndex['restrictTo']> } | null = null;
  port.on('message', (request: ThreadRequest) => {
    try {
      let restriction: ReturnType<ScreeningIndex['restrictTo']> | undefined;
      if (request.entityIds) {
        const key = request.entityIds.join('\n');
        if (restricted?.key !== key) restricted = { key, restriction: index.restrictTo(request.entityIds) };
        restriction = restricted.restriction;
      } else restricted = null;
      const hits = request.queries.map((query) => index.search(query, request.options, restriction));
      port.postMessage({ type: 'result', id: request.id, hits } satisfies ThreadMessage);
    } catch (error) {
      port.postMessage({ type: 'error', id: request.id, message: (error as Error).message } satisfies ThreadMessage);
    }
  });
}

main().catch((error: Error) => parentPort!.postMessage({ type: 'error', id: null, message: error.message } satisfies ThreadMessage));
