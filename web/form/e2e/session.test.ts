import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/locales/en.js';
import lt from '../src/i18n/locales/lt.js';
import { screenshotFolder } from '../../../test/browser.js';
import { writeTestFiles } from './files.js';
import { createCatalog, expectStep, fillCompany, fillDocuments, fillOwnership, fillQuestionnaire, PRIMARY, submit } from './scenario.js';
import { useE2eSuite } from './suite.js';

describe('hosted form: a whole session in a desktop browser', { timeout: 90_000 }, () => {
  let catalog: { flow: string; theme: string };
  const files = writeTestFiles();
  const screenshot = screenshotFolder('desktop');

  const e2e = useE2eSuite(async ({ server }) => {
    catalog = await createCatalog(server);
    await server.partnerCall('PATCH', '/v1/settings/', { submitRedirectUrl: `${server.url}/livez` });
  });

  const open = async (token: string, page?: Page) => {
    const target = page ?? (await (await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })).newPage());
    await target.goto(`${e2e.server.url}/welcome?authToken=${token}`);
    return target;
  };

  it('goes from the token link to the done page: two-level ownership, a PNG and a PDF, a conditional questionnaire', async () => {
    const token = await e2e.server.token({ flow: catalog.flow, theme: catalog.theme, locale: 'en' });
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    // Layout shifts not caused by the user's own input, summed over the whole session (CLS).
    await context.addInitScript(() => {
      const w = window as unknown as { layoutShift: number };
      w.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>)
          if (!entry.hadRecentInput) w.layoutShift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await open(token, await context.newPage());
    const shot = (name: string) => screenshot(page, name);
    expect(new URL(page.url()).search).toBe('');
    await fillCompany(page, shot);
    await fillOwnership(page, shot);
    await fillDocuments(page, shot, files);

    // Everything so far is on the server: the same link on another device resumes at the first step with something missing.
    const other = await open(token);
    await expectStep(other, en['step.questionnaire']);
    await other.context().close();

    await fillQuestionnaire(page, shot);
    await submit(page, shot);
    expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBeLessThan(0.1);

    // Then the partner's page: a link at once, and the page itself shortly after.
    expect(await page.getByRole('link', { name: en['action.goNow'] }).getAttribute('href')).toBe(`${e2e.server.url}/livez`);
    await page.waitForURL(`${e2e.server.url}/livez`);

    // The link keeps working only to say that the form is in.
    await page.goto(`${e2e.server.url}/welcome?authToken=${token}`);
    await expectStep(page, en['page.submitted.title']);
    await page.context().close();
  }, 180_000);

  it("paints buttons in the theme's primary colour", async () => {
    const page = await open(await e2e.server.token({ flow: catalog.flow, theme: catalog.theme }));
    await expectStep(page, en['step.company']);
    const background = await page.getByRole('button', { name: en['action.continue'], exact: true }).evaluate((b) => getComputedStyle(b).backgroundColor);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(PRIMARY.slice(i, i + 2), 16));
    expect(background).toBe(`rgb(${r}, ${g}, ${b})`);
    // The other colours of the theme reach the page too, and the partner's name replaces the logo.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(244, 246, 248)');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(17, 17, 17)');
    expect(await page.locator('.brand-name').textContent()).toBe('Acme Pay');
    expect(await page.getByRole('link', { name: 'kyb@example.com' }).getAttribute('href')).toBe('mailto:kyb@example.com');
    await page.context().close();
  });

  it('switches every visible string to Lithuanian from the language switcher', async () => {
    const page = await open(await e2e.server.token({ flow: catalog.flow }));
    await expectStep(page, en['step.company']);
    await page.getByLabel(en['app.language']).selectOption('lt');
    await expectStep(page, lt['step.company']);
    expect(await page.getByRole('button', { name: lt['action.continue'], exact: true }).count()).toBe(1);
    expect(await page.getByLabel(lt['field.company.REGISTRATION_NUMBER']).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('lt');
    await screenshot(page, 'lithuanian');
    // Country names follow the language too.
    expect(await page.locator('#company-country option[value="DE"]').textContent()).toBe('Vokietija');
    await page.context().close();
  });

  it("opens in the token's locale", async () => {
    const page = await open(await e2e.server.token({ flow: catalog.flow, locale: 'lt' }));
    await expectStep(page, lt['step.company']);
    await page.context().close();
  });
});
