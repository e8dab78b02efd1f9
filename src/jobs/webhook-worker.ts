import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Clock } from '../core/context.js';
import type { LookupAll } from '../core/webhooks/url-policy.js';
import type { DatabaseHandle } from '../db/database.js';
import type { WebhookDeliveryRow } from '../db/tables.js';
import { claimDueDeliveries, hasDueDeliveries } from '../core/webhooks/claim-deliveries.js';
import { deliverClaimed, type DeliveryEnv } from './webhooks/deliver.js';
import { createPollLoop, IDLE_POLL_MAX_MS } from './poll-loop.js';
import { WORK_TOPIC } from '../core/work-requests.js';

export interface WebhookWorkerOptions {
  config: Pick<Config, 'secret' | 'webhookRetryScheduleMs' | 'webhookTimeoutMs' | 'webhookAllowPrivateUrls'>;
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  /** Deliveries in flight at once (default 8). */
  concurrency?: number;
  /** How often an idle worker looks for due deliveries (default 1 s; 5 s on PostgreSQL, where commits wake it). */
  pollIntervalMs?: number;
  /** How long a claim lasts; must exceed the request timeout (default: twice it, plus 10 s). */
  leaseMs?: number;
  /** Shown in logs; default a random id. */
  workerId?: string;
  /** DNS resolver (tests replace it). */
  lookupAll?: LookupAll;
}

export interface WebhookWorker {
  readonly workerId: string;
  /** Starts the loop: claim due deliveries, send them, sleep until woken or the next poll. */
  start(): void;
  /** Asks the loop to look for due deliveries now (coalesced; cheap to call often). */
  notify(): void;
  /** Claims one batch of due deliveries and waits until each was attempted; returns how many. For tests and tools. */
  runOnce(): Promise<number>;
  /** Stops claiming, aborts requests in flight (their claims are released, not counted) and waits. */
  stop(): Promise<void>;
}

// Wake-ups closer together than this are merged: a busy server wakes the worker per request.
const MIN_WAKE_GAP_MS = 20;

export function createWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { config, database, clock } = options;
  const workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const logger = options.logger.child({ workerId });
  const concurrency = options.concurrency ?? 8;
  // With LISTEN, new deliveries wake the worker at their commit; the poll finds retries that
  // came due and anything a lost connection missed.
  const pollIntervalMs = options.pollIntervalMs ?? (database.canListen ? 5000 : 1000);
  const leaseMs = options.leaseMs ?? config.webhookTimeoutMs * 2 + 10_000;
  if (leaseMs <= config.webhookTimeoutMs) throw new Error('the lease must outlast the request timeout');
  const env: DeliveryEnv = {
    db: database.db,
    clock,
    logger,
    pepper: config.secret,
    retryScheduleMs: config.webhookRetryScheduleMs,
    timeoutMs: config.webhookTimeoutMs,
    allowPrivate: config.webhookAllowPrivateUrls,
    lookupAll: options.lookupAll,
  };

  const inflight = new Set<Promise<void>>();
  const aborter = new AbortController();

  /** Claims up to `limit` deliveries and starts sending them; resolves with their completions. */
  const claimAndStart = async (limit: number): Promise<Promise<void>[]> => {
    const now = clock.now();
    if (!(await hasDueDeliveries(database.db, now))) return [];
    const claimed = await claimDueDeliveries(database, { now, limit, leaseToken: `${workerId}:${randomUUID()}`, leaseMs });
    return claimed.map((row) => track(row));
  };

  const track = (row: WebhookDeliveryRow): Promise<void> => {
    const done = deliverClaimed(env, row, aborter.signal)
      .catch((error: Error) =>
        logger.error({ deliveryId: row.id, err: { type: error.name, message: '[redacted]', stack: error.stack } }, 'webhook delivery crashed'),
      )
      .finally(() => {
        inflight.delete(done);
        loop.wake();
      });
    inflight.add(done);
    return done;
  };

  const loop = createPollLoop({
    name: 'webhook claim',
    logger,
    intervalMs: pollIntervalMs,
    ...(options.pollIntervalMs === undefined ? { idleMaxMs: IDLE_POLL_MAX_MS } : {}),
    minGapMs: MIN_WAKE_GAP_MS,
    wakeOn: (wake) => database.onWork(WORK_TOPIC.webhooks, wake),
    // A full batch means more may be due: claim again at once.
    pass: async () => {
      const free = concurrency - inflight.size;
      if (free <= 0) return false;
      return (await claimAndStart(free)).length === free;
    },
  });
  let started = false;

  return {
    workerId,
    start() {
      if (started) return;
      started = true;
      logger.info({ concurrency, pollIntervalMs, leaseMs }, 'webhook worker started');
      loop.start();
    },
    notify: () => loop.wake(),
    async runOnce() {
      const started = await claimAndStart(concurrency);
      await Promise.all(started);
      return started.length;
    },
    async stop() {
      const stopped = loop.stop();
      aborter.abort();
      await stopped;
      await Promise.all([...inflight]);
      if (started) logger.info('webhook worker stopped');
    },
  };
}
