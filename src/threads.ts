import { Worker, type WorkerOptions } from 'node:worker_threads';

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const SOURCE_LOADER = new URL('./thread-source.mjs', import.meta.url);

/**
 * Starts a worker thread on one of our modules, named by its `.js` URL beside the caller. Built,
 * that file is the thread: the bundle (scripts/build-server.mjs) makes each thread module an
 * entry of its own in dist/, beside every chunk, so the caller's relative URL finds it. From
 * source (tests, `npm run dev`) the `.ts` beside the caller is loaded through tsx, which a new
 * thread does not inherit.
 */
export function startThread(module: URL, options: WorkerOptions = {}): Worker {
  if (!FROM_SOURCE) return new Worker(module, options);
  return new Worker(SOURCE_LOADER, { ...options, argv: [module.href.replace(/\.js$/, '.ts')] });
}
