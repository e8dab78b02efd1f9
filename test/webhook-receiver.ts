import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw bytes, as signatures must be checked. */
  body: Buffer;
}

/** What the receiver answers: a status (after an optional delay), or never ('hang'). */
export type Answer = { status: number; headers?: Record<string, string>; delayMs?: number } | 'hang';

export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** webhook-id values seen arriving while a request with the same id was still open. */
  overlaps: string[];
  /** Resolves once `count` requests arrived; rejects after `deadlineMs` (a liveness bound, not a measurement). */
  waitFor(count: number, deadlineMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 standing in for a partner's webhook receiver. */
export async function startReceiver(answer: (request: ReceivedRequest, index: number) => Answer = () => ({ status: 200 }), port = 0): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const overlaps: string[] = [];
  const open = new Map<string, number>();
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      const id = String(req.headers['webhook-id'] ?? '');
      if ((open.get(id) ?? 0) > 0) overlaps.push(id);
      open.set(id, (open.get(id) ?? 0) + 1);
      let closed = false;
      const finish = () => {
        if (closed) return;
        closed = true;
        open.set(id, open.get(id)! - 1);
      };
      res.on('close', finish);
      const index = requests.push(received) - 1;
      for (const wake of waiters.splice(0)) wake();
      const reply = answer(received, index);
      if (reply === 'hang') return;
      setTimeout(() => {
        res.writeHead(reply.status, reply.headers ?? {});
        // The request counts as open until the answer is complete, so overlap detection covers the whole exchange.
        res.end('ok', finish);
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    overlaps,
    async waitFor(count, deadlineMs = 30_000) {
      const deadline = Date.now() + deadlineMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`receiver got ${requests.length} of ${count} requests`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
