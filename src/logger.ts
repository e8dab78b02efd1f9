import pino, { type Logger } from 'pino';

/**
 * Log lines carry ids and outcomes, never request bodies. The redaction list is a second
 * line of defence for fields that must never be written even if someone logs an object.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'tokenString',
  '*.tokenString',
  'apiSecret',
  '*.apiSecret',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'body',
  '*.body',
];

/**
 * Standard output written off the event loop, for the long-running processes (serve, worker):
 * a line is handed to a write on libuv's thread pool, and lines logged while one is in flight go
 * out together in the next. Written synchronously, the request log line of every request was
 * 7 % of the server's main thread under load (a write system call each). pino flushes what is
 * pending when the process exits; a SIGKILL can lose the lines of the last moment.
 */
export function bufferedStdout(): pino.DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'openkyb' } }, destination);
}
