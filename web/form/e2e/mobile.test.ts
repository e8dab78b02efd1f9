import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotFolder } from '../../../test/browser.js';
import { writeTestFiles } from './files.js';
import { createCatalog, fillCompany, fillDocuments, fillOwnership, fillQuestionnaire, submit } from './scenario.js';
import { useE2eSuite } from './suite.js';

describe('hosted form: a whole session on a 360 px wide phone', { timeout: 90_000 }, () => {
  const screenshot = screenshotFolder('mobile-360');

  const e2e = useE2eSuite();

  it('completes the same session without anything wider than the screen', async () => {
    const catalog = await createCatalog(e2e.server);
    const token = await e2e.server.token({ flow: catalog.flow, theme: catalog.theme, locale: 'en' });
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    // The scenario calls `shot` on each step; the list proves every step was measured.
    const measured: string[] = [];
    const noOverflow = async (where: string) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `page wider than the screen on ${where}`).toBeLessThanOrEqual(360);
      measured.push(where);
    };
    const shot = async (name: string) => {
      await noOverflow(name);
      await screenshot(page as Page, name);
    };
    await page.goto(`${e2e.server.url}/welcome?authToken=${token}`);
    await fillCompany(page, shot);
    await fillOwnership(page, shot);
    await fillDocuments(page, shot, writeTestFiles());
    await fillQuestionnaire(page, shot);
    await submit(page, shot);
    expect(measured).toEqual(['company', 'ownership', 'documents', 'questionnaire', 'review', 'done']);
    await context.close();
  }, 180_000);
});
