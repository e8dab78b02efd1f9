import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { checkLiteral, guardedLookup, urlHost, type LookupAll } from '../../core/webhooks/url-policy.js';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** For everything: DNS, connect, TLS, sending, and the response's status line. */
  timeoutMs: number;
  allowPrivate: boolean;
  lookupAll?: LookupAll;
  /** Aborting (worker shutdown) ends the request; the outcome is then `aborted`. */
  signal?: AbortSignal;
}

export type WebhookResponse = { aborted: false; statusCode: number | null; error: string | null; durationMs: number } | { aborted: true };

/**
 * One POST of a webhook body. Never follows redirects (a 3xx is a failed attempt: following one
 * would send the signed body to a URL nobody checked). The error text names what happened and
 * never quotes the URL or the body.
 */
export function sendWebhookRequest(request: WebhookRequest): Promise<WebhookResponse> {
  const started = performance.now();
  const duration = () => Math.round(performance.now() - started);
  const url = new URL(request.url);
  const refused = checkLiteral(urlHost(url), request.allowPrivate);
  if (refused) return Promise.resolve({ aborted: false, statusCode: null, error: `refused: ${refused.message}`, durationMs: 0 });
  if (request.signal?.aborted) return Promise.resolve({ aborted: true });
  const payload = Buffer.from(request.body, 'utf8');

  return new Promise((resolve) => {
    let statusCode: number | null = null;
    let settled = false;
    const transport = url.protocol === 'https:' ? https : http;
    const outgoing = transport.request(url, {
      method: 'POST',
      headers: { ...request.headers, 'content-length': String(payload.length) },
      // A fresh connection per attempt: each one goes through the guarded lookup.
      agent: false,
      lookup: guardedLookup({ allowPrivate: request.allowPrivate, lookupAll: request.lookupAll }),
    });
    const settle = (result: WebhookResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      outgoing.destroy();
      resolve(result);
    };
    const answered = (error: string | null) => settle({ aborted: false, statusCode, error, durationMs: duration() });
    const onAbort = () => settle({ aborted: true });
    const timer = setTimeout(() => {
      // Once the status line is in, the receiver has answered; a slow body does not change that.
      answered(statusCode === null ? `timeout: no response within ${request.timeoutMs} ms` : statusProblem(statusCode));
    }, request.timeoutMs);
    request.signal?.addEventListener('abort', onAbort);

    outgoing.on('response', (response) => {
      statusCode = response.statusCode ?? 0;
      const problem = statusProblem(statusCode);
      response.on('end', () => answered(problem));
      response.on('close', () => answered(problem));
      response.on('error', () => answered(problem));
      response.resume();
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => answered(describeNetworkError(error)));
    outgoing.end(payload);
  });
}

function statusProblem(statusCode: number): string | null {
  if (statusCode >= 200 && statusCode < 300) return null;
  if (statusCode >= 300 && statusCode < 400) return 'redirect not followed: the receiver must answer 2xx itself';
  return 'the receiver did not answer 2xx';
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_)/;

function describeNetworkError(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (code === 'EADDRNOTALLOWED') return `refused: ${error.message}`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection reset by the receiver';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  if (TLS_CODES.test(code)) return `TLS error (${code})`;
  return code ? `network error (${code})` : 'network error';
}
