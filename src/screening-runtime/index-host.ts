import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { startThread } from '../threads.js';
import type { DatabaseOptions } from '../db/database.js';
import type { Hit, ScreeningQuery, SearchOptions } from '../screening/engine.js';
import type { ThreadMessage, ThreadRequest } from './index-thread.js';
import { liveSetKey, type LiveList } from '../core/screening/live-lists.js';
import type { ScreeningSearcher, SearchHelper } from '../core/screening/searcher.js';

interface IndexThread {
  /** Null for the index of no lists, which answers every search with no hits without a thread. */
  worker: Worker | null;
  lists: LiveList[];
  pending: Map<number, { resolve(hits: Hit[][]): void; reject(error: Error): void }>;
  /** Set once the thread has exited (retired, closed, or crashed): a message to it would never be answered. */
  exitCode?: number;
  /** Set when this host ended the thread (retired, closed): any other exit is a crash. */
  ended?: boolean;
}

const THREAD_URL = new URL('./index-thread.js', import.meta.url);

/**
 * Owns the index thread. `reload()` builds a new index in a new thread from the live lists and,
 * once it is ready, routes searches to it and retires the old thread when its searches are
 * answered: the swap is atomic and searches never wait for a build.
 */
export class ScreeningIndexHost implements ScreeningSearcher {
  private current: IndexThread | null = null;
  private building: Promise<void> | null = null;
  private nextId = 1;

  constructor(
    private readonly database: DatabaseOptions,
    private readonly logger: Logger,
  ) {}

  /**
   * Null until an index is ready, and again once its thread died (out of memory, a native
   * crash): the screening worker then builds a new one at its next pass, as for a list change.
   */
  lists(): LiveList[] | null {
    const thread = this.current;
    return thread && thread.exitCode === undefined ? thread.lists : null;
  }

  search(queries: ScreeningQuery[], options: SearchOptions = {}): Promise<Hit[][]> {
    return this.ask(queries, options);
  }

  searchAmong(queries: ScreeningQuery[], entityIds: string[], options: SearchOptions = {}): Promise<Hit[][]> {
    return this.ask(queries, options, entityIds);
  }

  private ask(queries: ScreeningQuery[], options: SearchOptions, entityIds?: string[]): Promise<Hit[][]> {
    const thread = this.current;
    if (!thread) return Promise.reject(new Error('the screening index is not ready'));
    return this.askThread(thread, queries, options, entityIds);
  }

  private askThread(thread: IndexThread, queries: ScreeningQuery[], options: SearchOptions, entityIds?: string[]): Promise<Hit[][]> {
    const worker = thread.worker;
    if (!worker) return Promise.resolve(queries.map(() => []));
    if (thread.exitCode !== undefined) return Promise.reject(new Error(`screening thread exited (${thread.exitCode})`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'search', id, queries, options, ...(entityIds ? { entityIds } : {}) } satisfies ThreadRequest);
    });
  }

  /**
   * A second thread with an index of the same list versions, for a long restricted search to share
   * (re-screening a large book after a list change, rescreen-list-changes.ts). It is built while
   * the current thread goes on searching, holds a copy of the index (its memory), and is the
   * caller's to close. Null when there is no index to copy, or when the live lists changed before
   * it was ready (its index would score otherwise).
   */
  async helper(signal?: AbortSignal): Promise<SearchHelper | null> {
    const current = this.current;
    if (!current?.worker || signal?.aborted) return null;
    let thread: IndexThread;
    try {
      thread = await this.startIndexThread('helper', signal);
    } catch (error) {
      if (signal?.aborted) return null;
      throw error;
    }
    if (liveSetKey(thread.lists) !== liveSetKey(current.lists)) {
      thread.ended = true;
      await thread.worker?.terminate();
      return null;
    }
    return {
      lists: () => thread.lists,
      search: (queries, options = {}) => this.askThread(thread, queries, options),
      searchAmong: (queries, entityIds, options = {}) => this.askThread(thread, queries, options, entityIds),
      close: () => this.retire(thread),
    };
  }

  /**
   * Builds an index of the live lists and swaps it in; concurrent calls share one build. A caller
   * that has just read the live lists passes them: with none, no thread is started (an idle
   * server with no lists imported holds no second V8 heap).
   */
  reload(live?: readonly LiveList[]): Promise<void> {
    this.building ??= (live?.length === 0 ? Promise.resolve(this.swapIn({ worker: null, lists: [], pending: new Map() })) : this.build()).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async build(): Promise<void> {
    this.swapIn(await this.startIndexThread('index'));
  }

  /** Starts a thread that builds an index of the live lists; resolves once it is ready to search. */
  private async startIndexThread(role: 'index' | 'helper', signal?: AbortSignal): Promise<IndexThread> {
    const worker = startThread(THREAD_URL, { workerData: this.database });
    const thread: IndexThread = { worker, lists: [], pending: new Map() };
    // Aborted before it is ready: the build is stopped, and the wait below fails.
    const stop = () => {
      thread.ended = true;
      void worker.terminate();
    };
    signal?.addEventListener('abort', stop, { once: true });
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message: ThreadMessage) => {
        if (message.type === 'ready') {
          thread.lists = message.lists;
          this.logger.info(
            { lists: message.lists.map((l) => `${l.source}:${l.sha256.slice(0, 12)}`), entities: message.entityCount, buildMs: message.buildMs, role },
            'screening index ready',
          );
          resolve();
        } else if (message.type === 'result') {
          thread.pending.get(message.id)?.resolve(message.hits);
          thread.pending.delete(message.id);
        } else {
          const waiting = message.id === null ? null : thread.pending.get(message.id);
          if (waiting) {
            waiting.reject(new Error(message.message));
            thread.pending.delete(message.id!);
          } else reject(new Error(message.message));
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        thread.exitCode = code;
        if (!thread.ended) this.logger.error({ code, role }, 'screening thread exited');
        for (const waiting of thread.pending.values()) waiting.reject(new Error(`screening thread exited (${code})`));
        thread.pending.clear();
        reject(new Error(`screening thread exited (${code}) before it was ready`));
      });
    }).finally(() => signal?.removeEventListener('abort', stop));
    return thread;
  }

  private swapIn(thread: IndexThread): void {
    const previous = this.current;
    this.current = thread;
    if (previous) void this.retire(previous);
  }

  private async retire(thread: IndexThread): Promise<void> {
    while (thread.pending.size > 0) await new Promise((r) => setTimeout(r, 10));
    thread.ended = true;
    await thread.worker?.terminate();
  }

  async close(): Promise<void> {
    await this.building?.catch(() => {});
    if (this.current) await this.retire(this.current);
    this.current = null;
  }
}
