import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Ctx } from '../core/context.js';
import { purgeDecidedCases } from '../core/retention/purge-decided-cases.js';
import { purgeDeliveries } from '../core/retention/purge-deliveries.js';
import { purgeIdempotency } from '../core/retention/purge-idempotency.js';
import type { PurgeInput, PurgeResult } from '../core/retention/purge.js';
import { purgeWebhookBodies } from '../core/retention/purge-webhook-bodies.js';
import { createPollLoop } from './poll-loop.js';

const TEN_MINUTES_MS = 10 * 60 * 1000;

export interface RetentionCounts {
  webhookBodies: number;
  webhookDeliveries: number;
  idempotencyRecords: number;
  decidedCases: number;
}

export interface RetentionWorker {
  start(): void;
  /** One pass of every purge; `isFull` when some purge filled its batch. */
  runOnce(): Promise<RetentionCounts & { isFull: boolean }>;
  stop(): Promise<void>;
}

/**
 * Runs the retention purges (README "Retention") on the shared poll loop: one bounded batch of
 * each per pass, again at once while a batch comes back full. Logs counts only.
 */
export function createRetentionWorker(options: {
  ctx: Ctx;
  retention: Config['retention'];
  logger: Logger;
  pollIntervalMs?: number;
  batchSize?: number;
}): RetentionWorker {
  const { ctx, retention } = options;
  const logger = options.logger.child({ worker: 'retention' });
  const input = (periodMs: number): PurgeInput => ({ periodMs, ...(options.batchSize ? { batchSize: options.batchSize } : {}) });
  // A fresh key scope per pass, so no unwrapped company key outlives the work it was needed for.
  const passCtx = (): Ctx => ({ ...ctx, keys: ctx.keys.fresh() });

  const runOnce = async () => {
    const results: Record<keyof RetentionCounts, PurgeResult> = {
      webhookBodies: await purgeWebhookBodies({ ctx: passCtx(), input: input(retention.webhookBodiesMs) }),
      webhookDeliveries: await purgeDeliveries({ ctx: passCtx(), input: input(retention.webhookDeliveriesMs) }),
      idempotencyRecords: await purgeIdempotency({ ctx: passCtx(), input: input(retention.idempotencyMs) }),
      decidedCases: await purgeDecidedCases({ ctx: passCtx(), input: input(retention.decidedCasesMs) }),
    };
    const counts: RetentionCounts = {
      webhookBodies: results.webhookBodies.purged,
      webhookDeliveries: results.webhookDeliveries.purged,
      idempotencyRecords: results.idempotencyRecords.purged,
      decidedCases: results.decidedCases.purged,
    };
    if (Object.values(counts).some((n) => n > 0)) logger.info(counts, 'retention purged');
    // A full batch of which nothing was ours (another worker holds it) is not a reason to spin.
    return { ...counts, isFull: Object.values(results).some((r) => r.isFull && r.purged > 0) };
  };

  const loop = createPollLoop({ name: 'retention', logger, intervalMs: options.pollIntervalMs ?? TEN_MINUTES_MS, pass: async () => (await runOnce()).isFull });
  return { start: () => loop.start(), runOnce, stop: () => loop.stop() };
}
