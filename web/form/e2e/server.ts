import { buildApp } from '../../../src/app.js';
import { buildCtx, systemClock } from '../../../src/core/context.js';
import { createPartner } from '../../../src/core/partners/create-partner.js';
import { createLogger } from '../../../src/logger.js';
import { openStorage } from '../../../src/storage/open-storage.js';
import { openTestDatabase, testConfig } from '../../../test/harness.js';
import { freePort } from '../../../test/process.js';

export interface E2eServer {
  url: string;
  /** A call to the API with the partner's key pair; throws unless the answer is 2xx. */
  partnerCall(method: string, path: string, body?: unknown): Promise<any>;
  /** A FORM token; `overrides` go into the POST /kyb/tokens/ body. */
  token(overrides?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real server in this process, listening on a random port, on its own SQLite database and
 * the real clock (the browser's clock decides what "expires soon" means, so both must agree).
 */
export async function startE2eServer(options: { publicHost?: string } = {}): Promise<E2eServer> {
  const opened = await openTestDatabase('sqlite');
  // The public URL is where signed document links point: this very server, by default under the
  // address the browser opens (`publicHost` names it otherwise, as an operator's setting might).
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = testConfig(opened.dataDir, { publicUrl: `http://${options.publicHost ?? '127.0.0.1'}:${port}` });
  const storage = openStorage(config, opened.handle.db);
  const ctx = buildCtx({ config, db: opened.handle.db, storage, clock: systemClock, logger: createLogger('silent') });
  const app = await buildApp({ config, database: opened.handle, storage, clock: systemClock, logger: createLogger(process.env.E2E_LOG_LEVEL ?? 'warn') });
  await app.listen({ port, host: '127.0.0.1' });
  const partner = await createPartner({ ctx, input: { name: 'E2E partner' } });
  const auth = `Basic ${Buffer.from(`${partner.apiKey}:${partner.apiSecret}`).toString('base64')}`;

  const partnerCall = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(url + path, {
      method,
      headers: { authorization: auth, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    url,
    partnerCall,
    token: async (overrides = {}) => (await partnerCall('POST', '/kyb/tokens/', { tokenType: 'FORM', clientId: 'e2e', ...overrides })).tokenString,
    close: async () => {
      await app.close();
      await opened.cleanup();
    },
  };
}
