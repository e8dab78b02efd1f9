import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/locales/en.js';
import { expectAccessible, screenshotFolder } from '../../../test/browser.js';
import { createCatalog, expectStep, fillCompany } from './scenario.js';
import { useE2eSuite } from './suite.js';

describe('hosted form: the states a real user meets', { timeout: 90_000 }, () => {
  let catalog: { flow: string; theme: string };
  const screenshot = screenshotFolder('states');

  const e2e = useE2eSuite(async ({ server }) => {
    catalog = await createCatalog(server);
  });

  const newPage = async () => (await e2e.browser.newContext({ locale: 'en-US' })).newPage();

  it('shows the expired page for an expired token', async () => {
    const page = await newPage();
    await page.goto(`${e2e.server.url}/welcome?authToken=${await e2e.server.token({ lifetime: 0 })}`);
    await expectStep(page, en['page.expired.title']);
    expect(new URL(page.url()).search).toBe('');
    await expectAccessible(page, 'expired page');
    await screenshot(page, 'expired');
    await page.context().close();
  });

  it('shows the incomplete-link page when the link has no token', async () => {
    const page = await newPage();
    await page.goto(`${e2e.server.url}/welcome`);
    await expectStep(page, en['page.noToken.title']);
    await page.context().close();
  });

  it('shows a connection problem with a retry that recovers', async () => {
    const page = await newPage();
    await page.route('**/kyb/info/', (route) => route.abort('internetdisconnected'));
    await page.goto(`${e2e.server.url}/welcome?authToken=${await e2e.server.token({ flow: catalog.flow })}`);
    await expectStep(page, en['page.network.title']);
    await expectAccessible(page, 'network page');
    await screenshot(page, 'network');
    await page.unroute('**/kyb/info/');
    await page.getByRole('button', { name: en['action.retry'] }).click();
    await expectStep(page, en['step.company']);
    await page.context().close();
  });

  it('says when a save did not reach the server, and saves on retry', async () => {
    const page = await newPage();
    await page.goto(`${e2e.server.url}/welcome?authToken=${await e2e.server.token({ flow: catalog.flow })}`);
    await page.getByLabel(en['field.company.COMPANY_NAME']).fill('Offline Ltd');
    await page.getByLabel(en['field.company.COUNTRY']).selectOption('PL');
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state')).toBe('saved');
    await page.route('**/kyb/forms/*/', (route) => (route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue()));
    await page.getByLabel(en['field.company.REGISTRATION_NUMBER']).fill('999');
    await page.getByLabel(en['field.company.REGISTRATION_NUMBER']).press('Tab');
    await expect.poll(() => page.locator('[data-save-state]').textContent()).toContain(en['app.saveFailed']);
    await page.unroute('**/kyb/forms/*/');
    await page.getByRole('button', { name: en['action.retry'] }).click();
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state')).toBe('saved');
    // Saved for real: a fresh page shows it.
    await page.reload();
    await expect.poll(() => page.getByLabel(en['field.company.REGISTRATION_NUMBER']).inputValue()).toBe('999');
    await page.context().close();
  });

  it('warns when the session is about to expire', async () => {
    const page = await newPage();
    await page.goto(`${e2e.server.url}/welcome?authToken=${await e2e.server.token({ flow: catalog.flow, lifetime: 120 })}`);
    await expectStep(page, en['step.company']);
    await expect.poll(() => page.locator('[data-banner="expiry"]').getAttribute('role')).toBe('alert');
    await expectAccessible(page, 'expiry warning');
    await screenshot(page, 'expires-soon');
    await page.context().close();
  });

  it('marks a required field left empty, and refuses to submit until it is filled', async () => {
    const page = await newPage();
    const shot = (name: string) => screenshot(page, name);
    await page.goto(`${e2e.server.url}/welcome?authToken=${await e2e.server.token({ flow: catalog.flow })}`);
    await fillCompany(page, shot, { skipRegistration: true });
    const registration = page.getByLabel(en['field.company.REGISTRATION_NUMBER']);
    await expect.poll(() => registration.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#company-registrationNumber-error').textContent()).toBe(en['error.required']);
    await expectStep(page, en['step.company']);
    // The server's own verdict lands next to its field too.
    const website = page.getByLabel(en['field.company.WEBSITE']);
    await website.fill('not a web address');
    await website.press('Tab');
    await expect.poll(() => page.locator('#company-website-error').textContent()).toBe(en['error.invalid']);
    expect(await website.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'company step with errors');
    await shot('required-error');
    await website.fill('https://acme.example');
    await website.press('Tab');
    await expect.poll(() => page.locator('#company-website-error').count()).toBe(0);

    await page.getByRole('button', { name: en['step.review'] }).click();
    await expectStep(page, en['step.review']);
    await page.getByRole('button', { name: en['action.submit'], exact: true }).click();
    const problems = page.locator('#submit-problems');
    await expect
      .poll(() => problems.locator('a').allTextContents())
      .toContain(en['review.missingItem'].replace('{item}', en['field.company.REGISTRATION_NUMBER']).replace('{problem}', en['error.required']));
    await expectAccessible(page, 'review with problems');
    await shot('submit-refused');
    await problems.getByRole('link', { name: new RegExp(en['field.company.REGISTRATION_NUMBER']) }).click();
    await expectStep(page, en['step.company']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('company-registrationNumber');
    await page.context().close();
  });

  it('completes a step with the keyboard alone, with a visible focus ring on every stop', async () => {
    const page = await newPage();
    await page.goto(`${e2e.server.url}/welcome?authToken=${await e2e.server.token({ flow: catalog.flow })}`);
    await expectStep(page, en['step.company']);
    const focused = () =>
      page.evaluate(() => ({
        id: document.activeElement?.id ?? '',
        text: document.activeElement?.outerHTML.slice(0, 120) ?? '',
        ring: getComputedStyle(document.activeElement!).boxShadow,
      }));
    // Tab from the top until the element with this id has focus; every stop must show focus.
    const tabTo = async (id: string) => {
      for (let stops = 0; stops < 25; stops++) {
        await page.keyboard.press('Tab');
        const now = await focused();
        expect(now.ring, `focus ring on #${now.id || now.text}`).not.toBe('none');
        if (now.id === id) return;
      }
      throw new Error(`#${id} is not reachable with Tab`);
    };
    await page.keyboard.press('Tab');
    expect((await focused()).text).toContain(en['app.skipToContent']);
    await tabTo('company-companyName');
    await page.keyboard.type('Keyboard Ltd');
    await tabTo('company-registrationNumber');
    await page.keyboard.type('123');
    await tabTo('company-country');
    await page.keyboard.type('Lithuania');
    expect(await page.locator('#company-country').inputValue()).toBe('LT');
    await tabTo('company-website');
    await page.keyboard.type('https://keyboard.example');
    await tabTo('company-custom-industry');
    await page.keyboard.type('IT');
    await expect.poll(() => page.locator('#company-custom-industry').inputValue()).toBe('it');
    await page.keyboard.press('Tab');
    expect((await focused()).text).toContain(en['action.continue']);
    await page.keyboard.press('Enter');
    await expectStep(page, en['step.ownership']);
    await page.context().close();
  });

  it('shows the already-submitted page for a submitted form', async () => {
    const token = await e2e.server.token();
    const call = (method: string, path: string, body?: unknown) =>
      fetch(e2e.server.url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : null,
      });
    const created = (await (await call('POST', '/kyb/forms/', { company: { companyName: 'Done Ltd', country: 'GB' } })).json()) as { id: string };
    const submitted = await call('POST', `/kyb/forms/${created.id}/submit/`);
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    const page: Page = await newPage();
    await page.goto(`${e2e.server.url}/welcome?authToken=${token}`);
    await expectStep(page, en['page.submitted.title']);
    await expectAccessible(page, 'already submitted page');
    await screenshot(page, 'already-submitted');
    await page.context().close();
  });
});
