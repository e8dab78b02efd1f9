import { parentPort, workerData } from 'node:worker_threads';
import type { DatasetId, ReadState } from './dataset.js';
import { DATASETS } from './datasets/index.js';
import { encodeRows, type EncodedRows } from './import-table.js';
import type { ByteCounter } from './read-file.js';

/** What the importer asks of the thread (read-rows.ts). */
export interface ReadThreadInput {
  dataset: DatasetId;
  path: string;
  batchRows: number;
  /** The database the batches are encoded for. */
  dialect: 'postgres' | 'sqlite';
  /** Batches sent ahead of the importer's acknowledgements: memory holds at most this many. */
  ahead: number;
}

/** What the thread sends: batches, then the end with what the reader learnt, or the reason it stopped. */
export type ReadThreadMessage =
  { type: 'batch'; rows: EncodedRows; bytes: number } | { type: 'end'; bytes: number; state: ReadState } | { type: 'error'; message: string };

/**
 * Reads an open-data file in a worker thread of its own: splitting, decoding, the search keys of
 * every row and their encoding for the database run beside the importer's writes instead of
 * between them. The importer sends
 * `null` for each batch it has taken; the thread stays at most `ahead` batches in front.
 */
async function main(): Promise<void> {
  const port = parentPort!;
  const input = workerData as ReadThreadInput;
  const dataset = DATASETS[input.dataset];
  let credit = input.ahead;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    credit += 1;
    wake?.();
  });
  const counter: ByteCounter = { bytes: 0 };
  const state: ReadState = { publishedAt: null, skipped: 0 };
  let rows: Array<Record<string, unknown>> = [];
  const send = async () => {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    credit -= 1;
    port.postMessage({ type: 'batch', rows: encodeRows(dataset.table, input.dialect, rows), bytes: counter.bytes } satisfies ReadThreadMessage);
    rows = [];
  };
  for await (const row of dataset.read(input.path, counter, state)) {
    rows.push(row as Record<string, unknown>);
    if (rows.length >= input.batchRows) await send();
  }
  if (rows.length > 0) await send();
  port.postMessage({ type: 'end', bytes: counter.bytes, state } satisfies ReadThreadMessage);
}

main().catch((error: Error) => parentPort!.postMessage({ type: 'error', message: error.message } satisfies ReadThreadMessage));
