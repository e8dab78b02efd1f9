import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/shared/enums.js';
import en from '../src/i18n/locales/en.js';
import lt from '../src/i18n/locales/lt.js';
import { expectAccessible, launchChromium, screenshotFolder } from '../../../test/browser.js';
import { writeTestFiles } from './files.js';
import { addHolding, addOwnerOfHolding, createCatalog, expectStep, fillCompany } from './scenario.js';
import { startE2eServer, type E2eServer } from './server.js';

const continueButton = (page: Page, label = en['action.continue']) => page.getByRole('button', { name: label, exact: true });
const saveState = (page: Page) => page.locator('[data-save-state]').first().getAttribute('data-save-state');

describe("hosted form: keeps the user's place, speaks their language, says what is missing", { timeout: 120_000 }, () => {
  let server: E2eServer;
  let browser: Browser;
  let catalog: { flow: string; theme: string };
  const screenshot = screenshotFolder('guidance');

  beforeAll(async () => {
    // Links name `localhost` while the browser opens 127.0.0.1: an operator's default set-up.
    [server, browser] = await Promise.all([startE2eServer({ publicHost: 'localhost' }), launchChromium()]);
    catalog = await createCatalog(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (token: string, viewport = { width: 1280, height: 900 }) => {
    const page = await (await browser.newContext({ locale: 'en-GB', viewport })).newPage();
    await page.goto(`${server.url}/welcome?authToken=${token}`);
    return page;
  };

  it('counts five steps from the start, and a reload before Continue stays on the step the tab was on', async () => {
    const page = await open(await server.token({ flow: catalog.flow, locale: 'en' }));
    await expectStep(page, en['step.company']);
    const count = () => page.locator('.step-count').textContent();
    expect(await count()).toBe('Step 1 of 5');
    await page.getByLabel(en['field.company.COMPANY_NAME']).fill('Reload Ltd');
    await page.getByLabel(en['field.company.REGISTRATION_NUMBER']).fill('305123456');
    await page.getByLabel(en['field.company.COUNTRY']).selectOption('LT');
    await page.getByLabel('Industry').selectOption('it');
    await expect.poll(() => saveState(page)).toBe('saved');
    // The form now exists and the questionnaire with it: the count does not move.
    expect(await count()).toBe('Step 1 of 5');
    await page.reload();
    await expectStep(page, en['step.company']);
    expect(await page.getByLabel(en['field.company.REGISTRATION_NUMBER']).inputValue()).toBe('305123456');
    expect(await count()).toBe('Step 1 of 5');
    await screenshot(page, 'reload-mid-step');
    // A step reached through the stepper is kept as well.
    await page.getByRole('button', { name: en['step.documents'] }).click();
    await expectStep(page, en['step.documents']);
    await page.reload();
    await expectStep(page, en['step.documents']);
    expect(await count()).toBe('Step 3 of 5');
    await page.context().close();
  });

  it('says errors already on screen again in the language the user switches to', async () => {
    const page = await open(await server.token({ flow: catalog.flow, locale: 'en' }));
    await expectStep(page, en['step.company']);
    await continueButton(page).click();
    const errors = page.locator('.field-error');
    await expect.poll(() => errors.allTextContents()).toEqual([en['error.required'], en['error.required'], en['error.required'], en['error.required']]);
    await page.getByLabel(en['app.language']).selectOption('lt');
    await expectStep(page, lt['step.company']);
    await expect.poll(() => errors.allTextContents()).toEqual([lt['error.required'], lt['error.required'], lt['error.required'], lt['error.required']]);
    expect(await page.getByLabel(lt['field.company.COMPANY_NAME']).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'Lithuanian errors');
    await screenshot(page, 'lithuanian-errors');
    await page.context().close();
  });

  it('says a mistyped or cut-off link is not valid and how to get a new one, and an expired one that it expired', async () => {
    const real = await server.token({ flow: catalog.flow, theme: catalog.theme });
    for (const token of [real.slice(0, 25), `${real.slice(0, 39)}${real.endsWith('a') ? 'b' : 'a'}`]) {
      const page = await open(token);
      await expectStep(page, en['page.invalid.title']);
      expect(await page.locator('.status-page p').textContent()).toBe(en['page.invalid.body'].replace('{name}', en['page.partnerFallback']));
      await expectAccessible(page, 'invalid link page');
      if (token.length === 25) await screenshot(page, 'invalid-link');
      await page.context().close();
    }
    const expired = await open(await server.token({ lifetime: 0 }));
    await expectStep(expired, en['page.expired.title']);
    await expired.context().close();
  });

  it('says on the ownership step what is missing when the user leaves it, lets them go on only knowingly, and a new tab resumes there', async () => {
    const token = await server.token({ flow: catalog.flow, locale: 'en' });
    const page = await open(token);
    await fillCompany(page, async () => undefined);
    await expectStep(page, en['step.ownership']);
    const requiredNote = en['ownership.requiredRole'].replace('{role}', en['role.SHAREHOLDER']);
    expect(await page.getByText(requiredNote).count()).toBe(1);
    await continueButton(page).click();
    const missing = page.locator('#ownership-missing');
    const items = () => missing.locator('li').allTextContents();
    await expect.poll(items).toEqual([en['ownership.gapRole'].replace('{role}', en['role.SHAREHOLDER']), en['ownership.gapEmpty']]);
    await expectStep(page, en['step.ownership']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ownership-missing');
    await expectAccessible(page, 'ownership with what is missing');
    await screenshot(page, 'ownership-missing');

    await addHolding(page);
    // The role is there now: only the structure is left, and the role note is gone with it.
    await expect.poll(items).toEqual([en['ownership.gapOwnersOf'].replace('{name}', 'Holding SIA')]);
    expect(await page.getByText(requiredNote).count()).toBe(0);
    await screenshot(page, 'ownership-missing-owner');
    await page.getByRole('button', { name: en['ownership.continueAnyway'] }).click();
    await expectStep(page, en['step.documents']);

    // The same link in a new tab starts where something is still missing, not past it.
    const other = await open(token);
    await expectStep(other, en['step.ownership']);
    await addOwnerOfHolding(other);
    // Nothing missing: Continue goes straight on.
    await continueButton(other).click();
    await expectStep(other, en['step.documents']);
    expect(await other.locator('#ownership-missing').count()).toBe(0);
    await other.context().close();
    await page.context().close();
  });

  it('shows document previews although the public URL names another host than the page', async () => {
    const page = await open(await server.token({ flow: catalog.flow, locale: 'en' }));
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') blocked.push(message.text());
    });
    await fillCompany(page, async () => undefined);
    // Leaving the unfinished ownership step through the stepper asks first, like Continue.
    await page.getByRole('button', { name: en['step.documents'] }).click();
    await expect.poll(() => page.locator('#ownership-missing').count()).toBe(1);
    await page.getByRole('button', { name: en['ownership.continueAnyway'] }).click();
    await expectStep(page, en['step.documents']);
    const company = page.getByRole('region', { name: en['documents.company'] });
    await company.getByLabel(en['documents.upload'].replace('{type}', en['doc.INCORPORATION_CERT'])).setInputFiles(writeTestFiles().png);
    const preview = page.getByRole('img', { name: en['documents.preview'].replace('{name}', 'passport.png') });
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    expect(await preview.getAttribute('src')).toMatch(/^\/v1\/files\//);
    expect(await company.getByRole('link', { name: 'passport.png' }).getAttribute('href')).toMatch(/^\/v1\/files\//);
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it('loads without a console error (the favicon is there), keeps Continue on the right and the stepper on one line at 1,280 px', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.url}/welcome?authToken=${await server.token({ flow: catalog.flow, locale: 'en' })}`);
    await expectStep(page, en['step.company']);
    const favicon = await page.request.get(`${server.url}/favicon.ico`);
    expect([favicon.status(), favicon.headers()['content-type']]).toEqual([200, 'image/x-icon']);

    const stepperLines = () => page.locator('.step-link').evaluateAll((links) => new Set(links.map((l) => Math.round(l.getBoundingClientRect().top))).size);
    const continueGap = () =>
      continueButton(page).evaluate((button) => {
        const row = button.closest('.step-actions')!.getBoundingClientRect();
        return Math.round(row.right - button.getBoundingClientRect().right);
      });
    expect(await stepperLines()).toBe(1);
    expect(await continueGap()).toBe(0);
    // A long save message takes a row of its own; Continue stays on the right below it.
    await page.getByLabel(en['field.company.COMPANY_NAME']).fill('Side Ltd');
    await page.getByLabel(en['field.company.COMPANY_NAME']).press('Tab');
    await expect.poll(() => saveState(page)).toBe('needsBasics');
    expect(await continueGap()).toBe(0);
    await fillCompany(page, async () => undefined);
    for (const step of ['ownership', 'documents', 'questionnaire'] as const) {
      if (step !== 'ownership') {
        await page.getByRole('button', { name: en[`step.${step}`] }).click();
        if (await page.locator('#ownership-missing').count()) await page.getByRole('button', { name: en['ownership.continueAnyway'] }).click();
      }
      await expectStep(page, en[`step.${step}`]);
      expect(await stepperLines(), step).toBe(1);
      expect(await continueGap(), step).toBe(0);
    }
    // In every language the titles fit: one row, no title broken inside, nothing wider than the window.
    for (const locale of LOCALES) {
      await page.locator('#language').selectOption(locale);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(await stepperLines(), locale).toBe(1);
      expect(await page.locator('.step-link').evaluateAll((links) => links.map((l) => Math.round(l.getBoundingClientRect().height))), locale).toEqual([
        44, 44, 44, 44, 44,
      ]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), locale).toBeLessThanOrEqual(1280);
    }
    await screenshot(page, 'stepper-1280');
    expect(failures).toEqual([]);
    await context.close();
  });

  it('keeps the "Language" label whole at 360 px beside a long partner name, in every language', async () => {
    const theme = await server.partnerCall('POST', '/v1/themes/', { name: 'Long name', companyName: 'Acme Payments International Ltd' });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${server.url}/welcome?authToken=${await server.token({ flow: catalog.flow, theme: theme.id, locale: 'en' })}`);
    await expectStep(page, en['step.company']);
    const labelLines = () =>
      page.locator('.language label').evaluate((label) => {
        const range = document.createRange();
        range.selectNodeContents(label);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    // The partner's name may take several lines, but each of its words stays on one.
    const brokenWords = () =>
      page.locator('.brand-name').evaluate((element) => {
        const node = element.firstChild!;
        const text = node.textContent ?? '';
        const broken: string[] = [];
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) broken.push(match[0]);
        }
        return broken;
      });
    expect(await labelLines()).toBe(1);
    expect(await brokenWords()).toEqual([]);
    await screenshot(page, 'header-360');
    for (const locale of LOCALES) {
      await page.locator('#language').selectOption(locale);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(await labelLines(), locale).toBe(1);
      expect(await brokenWords(), locale).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), locale).toBeLessThanOrEqual(360);
    }
    await page.context().close();
  });
});
