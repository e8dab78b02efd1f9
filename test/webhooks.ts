import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { IncomingHttpHeaders } from 'node:http';
import { createWebhookWorker, type WebhookWorker, type WebhookWorkerOptions } from '../src/jobs/webhook-worker.js';
import { createLogger } from '../src/logger.js';
import { api } from './api.js';
import type { Harness, TestPartner } from './harness.js';

interface ReceiverExample {
  verifyIdenfySignature(rawBody: Buffer, header: unknown, signingKey: string): boolean;
  verifyStandardWebhook(rawBody: Buffer, headers: IncomingHttpHeaders, signingKey: string, nowSeconds?: number): boolean;
}

let example: Promise<ReceiverExample> | undefined;

/** The verification code published in docs/webhooks.md, run as a receiver would run it. */
export function receiverExample(): Promise<ReceiverExample> {
  example ??= (async () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../docs/webhooks.md'), 'utf8');
    const code = /## Verifying[^\n]*\n+```js\n([\s\S]*?)```/.exec(doc)?.[1];
    if (!code) throw new Error('docs/webhooks.md has no verification example');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'openkyb-docs-')), 'verify.mjs');
    writeFileSync(file, code);
    return (await import(pathToFileURL(file).href)) as ReceiverExample;
  })();
  return example;
}

/** Registers an endpoint through the API; returns its id and signing key. */
export async function createEndpoint(
  h: Harness,
  partner: TestPartner,
  url: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; signingKey: string }> {
  const res = await api(h).call('POST', '/v1/webhooks/', partner.auth, { url, eventTypes: ['COMPANY_SUBMIT'], ...extra });
  if (res.status !== 201) throw new Error(`webhook not created: ${res.text}`);
  return { id: res.json.id, signingKey: res.json.signingKey };
}

/** A worker on the harness database and clock, with its own log lines to inspect. */
export function testWorker(h: Harness, overrides: Partial<WebhookWorkerOptions> = {}): { worker: WebhookWorker; logs: string[] } {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const worker = createWebhookWorker({ config: h.config, database: h.database, clock: h.clock, logger: createLogger('info', sink), ...overrides });
  return { worker, logs };
}
