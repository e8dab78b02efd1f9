import type { Dataset, ReadState } from './dataset.js';
import { DATASETS } from './datasets/index.js';
import { encodeRows, type EncodedRows } from './import-table.js';
import type { ByteCounter } from './read-file.js';
import type { ReadThreadInput, ReadThreadMessage } from './read-thread.js';
import { startThread } from '../../threads.js';

const THREAD_URL = new URL('./read-thread.js', import.meta.url);
/** Batches the reading thread may run ahead of the writes: two in memory, one being written. */
const AHEAD = 2;

/** How the rows are batched and for which database they are encoded. */
export interface BatchOptions {
  batchRows: number;
  dialect: 'postgres' | 'sqlite';
}

/**
 * A dataset's rows in batches of `batchRows`, encoded for the database (import-table.ts), with
 * `counter` and `state` kept as the reader keeps them. A dataset of the catalogue is read in a worker thread (read-thread.ts), so parsing
 * a file and writing its rows use two cores; any other (the tests' scripted readers) is read in
 * this thread.
 */
export function readBatches(dataset: Dataset, path: string, counter: ByteCounter, state: ReadState, options: BatchOptions): AsyncGenerator<EncodedRows> {
  return DATASETS[dataset.id] === dataset ? readInThread(dataset, path, counter, state, options) : readHere(dataset, path, counter, state, options);
}

async function* readHere(dataset: Dataset, path: string, counter: ByteCounter, state: ReadState, options: BatchOptions): AsyncGenerator<EncodedRows> {
  let batch: Array<Record<string, unknown>> = [];
  for await (const row of dataset.read(path, counter, state)) {
    batch.push(row as Record<string, unknown>);
    if (batch.length >= options.batchRows) {
      yield encodeRows(dataset.table, options.dialect, batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield encodeRows(dataset.table, options.dialect, batch);
}

async function* readInThread(dataset: Dataset, path: string, counter: ByteCounter, state: ReadState, options: BatchOptions): AsyncGenerator<EncodedRows> {
  const workerData: ReadThreadInput = { dataset: dataset.id, path, ...options, ahead: AHEAD };
  const worker = startThread(THREAD_URL, { workerData });
  const received: ReadThreadMessage[] = [];
  let wake: (() => void) | null = null;
  const arrive = (message: ReadThreadMessage) => {
    received.push(message);
    wake?.();
  };
  worker.on('message', arrive);
  worker.on('error', (error) => arrive({ type: 'error', message: error.message }));
  worker.on('exit', (code) => arrive({ type: 'error', message: `the reading thread stopped (exit code ${code})` }));
  try {
    for (;;) {
      while (received.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const message = received.shift()!;
      if (message.type === 'error') throw new Error(message.message);
      counter.bytes = message.bytes;
      if (message.type === 'end') {
        Object.assign(state, message.state);
        return;
      }
      worker.postMessage(null);
      yield message.rows;
    }
  } finally {
    // Also when the importer stops early (a failed write): the thread reads no further.
    await worker.terminate();
  }
}
