import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { runCli, startServer } from '../../test/process.js';

/**
 * SIGTERM while a request is in flight: the server stops taking new connections, answers the
 * request it is reading (durably stored, as any 2xx), then exits 0.
 */
it('`openkyb serve` finishes an in-flight request on SIGTERM, stores it, then exits cleanly', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openkyb-shutdown-'));
  const env = { OPENKYB_DATA_DIR: dataDir, OPENKYB_SECRET: 'shutdown-test-secret-shutdown-test-secret', DATABASE_URL: '' };
  try {
    const created = await runCli(['partners', 'create', '--name', 'Shutdown', '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    const { apiKey, apiSecret } = JSON.parse(created.stdout) as { apiKey: string; apiSecret: string };
    const server = await startServer({ ...env, LOG_LEVEL: 'info' });
    const body = JSON.stringify({ tokenType: 'FORM', clientId: 'in-flight-at-shutdown' });
    const url = new URL('/kyb/tokens/', server.url);
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      // Half the body now: the server has the request and waits for the rest.
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 1_000);
      }, 1_000);
    });
    const { status, text } = await answer;
    expect(status, text).toBe(201);
    const { companyId } = JSON.parse(text) as { companyId: string };
    expect(await server.exited).toBe(0);
    // The request was answered after the shutdown began, not before it.
    const lines = server.output().split('\n');
    const shutdownAt = lines.findIndex((l) => l.includes('"shutting down"'));
    const answeredAt = lines.findIndex((l) => l.includes('"route":"/kyb/tokens/"') && l.includes('"statusCode":201'));
    expect(shutdownAt, server.output()).toBeGreaterThan(-1);
    expect(answeredAt, server.output()).toBeGreaterThan(shutdownAt);

    const handle = openDatabase({ url: null, dataDir });
    try {
      const company = await handle.db.selectFrom('companies').select(['id', 'client_id']).where('id', '=', companyId).executeTakeFirst();
      expect(company).toEqual({ id: companyId, client_id: 'in-flight-at-shutdown' });
    } finally {
      await handle.destroy();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
