import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test/browser.js';
import { startE2eServer, type E2eServer } from './server.js';

const BUDGET_BYTES = 150 * 1024;
const TEXT = /^(text\/|application\/(json|javascript))/;

interface Transfer {
  url: string;
  type: string;
  encoding: string | null;
  /** Body bytes as they crossed the network (compressed when encoded). */
  bytes: number;
}

/**
 * What a first visit moves over the network, read from the browser (not from files on disk):
 * the page, its script and style, one locale and the first API answers, as Chromium received
 * them after asking for br/gzip as it always does.
 */
describe('hosted form: the initial load as transferred', { timeout: 60_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('compresses every text response above 1 KB and stays under 150 KB', async () => {
    const token = await server.token({ locale: 'lt' });
    const page = await browser.newPage();
    const responses: Response[] = [];
    page.on('response', (response) => void responses.push(response));
    await page.goto(`${server.url}/welcome?authToken=${token}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).waitFor();

    const transfers: Transfer[] = await Promise.all(
      responses.map(async (response) => {
        const headers = await response.allHeaders();
        const sizes = await response.request().sizes();
        return {
          url: new URL(response.url()).pathname,
          type: headers['content-type'] ?? '',
          encoding: headers['content-encoding'] ?? null,
          bytes: sizes.responseBodySize,
        };
      }),
    );
    const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
    console.log(`initial load as transferred: ${(total / 1024).toFixed(1)} KB in ${transfers.length} responses`, transfers);

    expect(transfers.some((t) => t.url.endsWith('.js'))).toBe(true);
    // Every text answer big enough to be worth it arrived compressed, whatever served it.
    const uncompressed = transfers.filter((t) => TEXT.test(t.type) && t.bytes >= 1024 && t.encoding === null);
    expect(uncompressed).toEqual([]);
    const assets = transfers.filter((t) => t.url.startsWith('/form/assets/') && t.bytes >= 1024);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(['br', 'gzip'], asset.url).toContain(asset.encoding);
    expect(total).toBeLessThan(BUDGET_BYTES);
  });
});
