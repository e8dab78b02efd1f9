import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotFolder } from '../../../test/browser.js';
import { writeTestFiles } from './files.js';
import { createCatalog, fillCompany, fillDocuments, fillOwnership, fillQuestionnaire, submit } from './scenario.js';
import { startE2eServer, type E2eServer } from './server.js';

describe('hosted form: a whole session on a 360 px wide phone', { timeout: 90_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  const screenshot = screenshotFolder('mobile-360');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('completes the same session without anything wider than the screen', async () => {
    const catalog = await createCatalog(server);
    const token = await server.token({ flow: catalog.flow, theme: catalog.theme, locale: 'en' });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const noOverflow = async (where: string) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `page wider than the screen on ${where}`).toBeLessThanOrEqual(360);
    };
    const shot = async (name: string) => {
      await noOverflow(name);
      await screenshot(page as Page, name);
    };
    await page.goto(`${server.url}/welcome?authToken=${token}`);
    await fillCompany(page, shot);
    await fillOwnership(page, shot);
    await fillDocuments(page, shot, writeTestFiles());
    await fillQuestionnaire(page, shot);
    await submit(page, shot);
    await context.close();
  }, 180_000);
});
