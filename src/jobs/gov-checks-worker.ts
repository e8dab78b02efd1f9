import type { Logger } from 'pino';
import type { Ctx } from '../core/context.js';
import { WORK_TOPIC } from '../core/work-requests.js';
import type { DatabaseHandle } from '../db/database.js';
import { deliverDocumentOrder } from '../core/gov-checks/deliver-document-order.js';
import { deliverSosReport } from '../core/gov-checks/deliver-sos-report.js';
import { createBatchWorker, IDLE_POLL_MAX_MS } from './poll-loop.js';

export interface GovChecksWorker {
  start(): void;
  /** Delivers up to `limit` due register orders and SOS reports (one attempt each); returns how many. */
  runOnce(limit?: number): Promise<number>;
  /** Wakes the loop (a new order is due at once). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Delivers what partners ordered from official registers: document orders and Secretary-of-State
 * reports. Each attempt claims one row under a lease, so several workers share the work; a
 * register that times out or fails is retried on OPENKYB_REGISTRY_RETRY_SCHEDULE.
 */
export function createGovChecksWorker(options: {
  ctx: Ctx;
  logger: Logger;
  /** Its notifications wake the loop when any process orders from a register (PostgreSQL). */
  database?: DatabaseHandle;
  pollIntervalMs?: number;
  batchSize?: number;
}): GovChecksWorker {
  const { ctx } = options;
  const logger = options.logger.child({ worker: 'gov-checks' });
  let stopping = false;

  const batchSize = options.batchSize ?? 20;
  const runOnce = async (limit = batchSize): Promise<number> => {
    let done = 0;
    for (const deliver of [deliverDocumentOrder, deliverSosReport]) {
      while (done < limit && !stopping && (await deliver({ ctx }))) done += 1;
    }
    if (done > 0) logger.info({ attempts: done }, 'register deliveries attempted');
    return done;
  };

  return createBatchWorker({
    name: 'gov-checks',
    logger,
    intervalMs: options.pollIntervalMs ?? 5000,
    ...(options.pollIntervalMs === undefined ? { idleMaxMs: IDLE_POLL_MAX_MS } : {}),
    ...(options.database ? { wakeOn: (wake: () => void) => options.database!.onWork(WORK_TOPIC.registers, wake) } : {}),
    runOnce,
    batchSize,
    onStop: () => (stopping = true),
  });
}
