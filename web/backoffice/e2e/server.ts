import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildApp } from '../../../src/app.js';
import { createManager } from '../../../src/core/managers/create-manager.js';
import type { ManagerRole } from '../../../src/core/managers/roles.js';
import { buildCtx, systemClock } from '../../../src/core/context.js';
import { createPartner } from '../../../src/core/partners/create-partner.js';
import { createScreeningWorker } from '../../../src/jobs/screening-worker.js';
import { createWebhookWorker } from '../../../src/jobs/webhook-worker.js';
import { createLogger } from '../../../src/logger.js';
import { ScreeningIndexHost } from '../../../src/screening-runtime/index-host.js';
import { openStorage } from '../../../src/storage/open-storage.js';
import { pdfDocument, pngImage } from '../../../test/files.js';
import type { DialectName } from '../../../src/db/database.js';
import { importList } from '../../../src/core/screening/import-list.js';
import { openTestDatabase, testConfig } from '../../../test/harness.js';
import { freePort } from '../../../test/process.js';
import { UN_XML } from '../../../test/screening-cases.js';
import type { PartnerCtx } from '../../../src/core/context.js';

export interface BackofficeServer {
  url: string;
  /** The partner's context, for core verbs (creating managers, as `openkyb managers create` does). */
  ctx: PartnerCtx;
  /** The partner's key pair as an Authorization header. */
  authHeader: string;
  partnerCall(method: string, path: string, body?: unknown): Promise<any>;
  /** A call as the client's hosted form makes it, with a KYB token (the one a request for information sends). */
  formCall(token: string, method: string, path: string, body?: unknown): Promise<any>;
  /** A company submitted through the form API by its client: one individual UBO, a PNG and a PDF. */
  submitCompany(company: { companyName: string; registrationNumber: string; country?: string }, owner: Record<string, unknown>): Promise<string>;
  /** Runs the screening worker until every submitted company is screened (as `openkyb serve` does in the background). */
  screenPending(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server on 127.0.0.1 with what `openkyb serve` runs beside it: the screening index
 * (with the bundled UN list imported), the screening worker and the webhook worker.
 */
export async function startBackofficeServer(dialect: DialectName): Promise<BackofficeServer> {
  const opened = await openTestDatabase(dialect);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = testConfig(opened.dataDir, { publicUrl: url });
  const logger = createLogger(process.env.E2E_LOG_LEVEL ?? 'warn');
  const storage = openStorage(config, opened.handle.db);
  const database = opened.handle;
  const systemCtx = buildCtx({ config, db: database.db, storage, clock: systemClock, logger });
  const host = new ScreeningIndexHost({ url: opened.url, dataDir: opened.dataDir, ...(opened.schema ? { schema: opened.schema } : {}) }, logger);
  await importList({ ctx: systemCtx, input: { source: 'un', path: UN_XML() } });
  await host.reload();
  const screening = createScreeningWorker({
    ctx: systemCtx,
    database,
    host,
    logger,
    policy: { requiredLists: [], maxListAgeMs: config.screeningMaxListAgeMs },
  });
  const webhooks = createWebhookWorker({ config, database, clock: systemClock, logger });
  const app = await buildApp({ config, database, storage, clock: systemClock, logger, wakeWorker: webhooks.notify, screening: host });
  await app.listen({ port, host: '127.0.0.1' });
  webhooks.start();
  const partner = await createPartner({ ctx: systemCtx, input: { name: 'Back-office partner' } });
  const auth = `Basic ${Buffer.from(`${partner.apiKey}:${partner.apiSecret}`).toString('base64')}`;

  const request = async (method: string, path: string, authorization: string, body?: unknown) => {
    const response = await fetch(url + path, {
      method,
      headers: { authorization, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const partnerCall = (method: string, path: string, body?: unknown) => request(method, path, auth, body);

  return {
    url,
    ctx: { ...systemCtx, partnerId: partner.partnerId },
    authHeader: auth,
    partnerCall,
    formCall: (token, method, path, body) => request(method, path, `Bearer ${token}`, body),
    async submitCompany(company, owner) {
      const token = (await partnerCall('POST', '/kyb/tokens/', { tokenType: 'FORM', clientId: 'backoffice-e2e' })).tokenString;
      const bearer = `Bearer ${token}`;
      const form = await request('POST', '/kyb/forms/', bearer, { company: { country: 'LT', additionalInfo: {}, ...company } });
      await request('POST', `/kyb/forms/${form.id}/beneficiaries/`, bearer, {
        beneficiaryTypes: ['UBO'],
        ownershipPercentage: 60,
        info: { infoType: 'INDIVIDUAL', ...owner },
      });
      const png = pngImage(48, 48, (x, y) => [x * 5, y * 5, 140]).toString('base64');
      await request('POST', `/kyb/forms/${form.id}/documents/`, bearer, {
        type: 'INCORPORATION_CERT',
        filename: 'certificate.pdf',
        file: pdfDocument().toString('base64'),
      });
      await request('POST', `/kyb/forms/${form.id}/documents/`, bearer, { type: 'INCORPORATION_ARTICLES', filename: 'articles.png', file: png });
      await request('POST', `/kyb/forms/${form.id}/submit/`, bearer);
      return form.id as string;
    },
    async screenPending() {
      while ((await screening.runOnce()) > 0);
    },
    close: async () => {
      await app.close();
      await webhooks.stop();
      await host.close();
      await opened.cleanup();
    },
  };
}

/**
 * A manager of the partner with a password (set through its one-time link, over the API),
 * signed in through the page in a browser context of its own (pushed to `contexts`, for closing).
 */
export async function signedInPage(
  server: BackofficeServer,
  browser: Browser,
  contexts: BrowserContext[],
  manager: { email: string; name: string; surname: string; role: ManagerRole; password: string; width?: number },
): Promise<{ page: Page; id: number }> {
  const { password, width, ...input } = manager;
  const created = await createManager({ ctx: server.ctx, input });
  const token = /#token=(\w+)$/.exec(created.setPasswordUrl)![1];
  const set = await fetch(`${server.url}/v1/auth/password/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password }),
  });
  if (set.status !== 204) throw new Error(`set password: ${set.status}`);
  const context = await browser.newContext({ viewport: { width: width ?? 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${server.url}/backoffice/sign-in`);
  await page.getByLabel('E-mail').fill(manager.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Cases' }).waitFor();
  return { page, id: created.id };
}
