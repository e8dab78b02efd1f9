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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'openkyb' } }, destination);
}
