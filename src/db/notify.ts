import { PostgresAdapter, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Db } from './database.js';

/** The one channel every OpenKYB process listens on; the payload is `<schema>:<topic>`. */
const CHANNEL = 'openkyb_work';
const RECONNECT_MS = 1000;

/**
 * Tells every process listening on this database that `topic` has new work. Call it inside the
 * transaction that makes the work: PostgreSQL delivers the notification at commit, and never
 * for a rollback. Nothing on SQLite (one process; its server wakes its own worker).
 */
export async function notifyWork(db: Db, topic: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_notify(${CHANNEL}, current_schema() || ':' || ${topic})`.execute(db);
}

export interface WorkListener {
  /** Calls `wake` whenever `topic` is notified (and after a reconnection, when notifications may have been missed). */
  on(topic: string, wake: () => void): () => void;
  close(): Promise<void>;
}

/**
 * One dedicated PostgreSQL connection per process that LISTENs for work (a pooled connection
 * cannot: LISTEN belongs to a session). Connected on the first subscription; a lost connection
 * is retried every second, and every subscriber is woken once it is back.
 */
export function createWorkListener(options: { connectionString: string; schema?: string; logger?: Logger }): WorkListener {
  const subscribers = new Map<string, Set<() => void>>();
  let client: pg.Client | null = null;
  let schema: string | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const wakeAll = () => {
    for (const set of subscribers.values()) for (const wake of set) wake();
  };

  const connect = async () => {
    const next = new pg.Client({
      connectionString: options.connectionString,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    client = next;
    next.on('error', (error) => {
      options.logger?.warn({ err: { message: error.message } }, 'work listener connection lost');
      reconnect(next);
    });
    next.on('end', () => reconnect(next));
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload || schema === null) return;
      const at = message.payload.lastIndexOf(':');
      if (message.payload.slice(0, at) !== schema) return;
      for (const wake of subscribers.get(message.payload.slice(at + 1)) ?? []) wake();
    });
    try {
      await next.connect();
      schema = (await next.query<{ schema: string }>('select current_schema() as schema')).rows[0]!.schema;
      await next.query(`listen ${CHANNEL}`);
      wakeAll();
    } catch (error) {
      options.logger?.warn({ err: { message: (error as Error).message } }, 'work listener could not connect');
      reconnect(next);
    }
  };

  const reconnect = (failed: pg.Client) => {
    if (closed || client !== failed || retry) return;
    client = null;
    failed.end().catch(() => {});
    retry = setTimeout(() => {
      retry = null;
      if (!closed) void connect();
    }, RECONNECT_MS);
    retry.unref();
  };

  return {
    on(topic, wake) {
      if (!client && !retry && !closed) void connect();
      const set = subscribers.get(topic) ?? new Set();
      subscribers.set(topic, set.add(wake));
      return () => set.delete(wake);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const open = client;
      client = null;
      await open?.end().catch(() => {});
    },
  };
}
