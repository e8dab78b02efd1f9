import { describe, expect, it } from 'vitest';
import en from '../src/i18n/locales/en.js';
import { expectAccessible, screenshotFolder } from '../../../test/browser.js';
import { expectStep } from './scenario.js';
import { useE2eSuite } from './suite.js';

describe('hosted form: a reviewer asked for more information', { timeout: 90_000 }, () => {
  const screenshot = screenshotFolder('info-request');

  const e2e = useE2eSuite();

  it('shows the message, lets the client change only the open items, and saves them', async () => {
    const token = await e2e.server.token({ flow: null });
    const asClient = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(e2e.server.url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
      const text = await response.text();
      return text ? JSON.parse(text) : undefined;
    };
    const form = await asClient('POST', '/kyb/forms/', {
      company: { companyName: 'Acme Trading UAB', country: 'LT', registrationNumber: '305123456', phone: '+37060000000' },
    });
    await asClient('POST', `/kyb/forms/${form.id}/submit/`);
    const requested = await e2e.server.partnerCall('POST', `/v1/companies/${form.id}/request-info/`, {
      items: ['company.phone'],
      message: 'Please correct the phone number.',
    });

    const page = await (await e2e.browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(requested.url);
    await page.getByRole('heading', { name: en['app.infoRequested'] }).waitFor();
    expect(await page.locator('.info-request-message').textContent()).toBe('Please correct the phone number.');
    await page.locator('.stepper').getByRole('button', { name: en['step.company'] }).click();
    await expectStep(page, en['step.company']);
    expect(await page.getByLabel(en['field.company.REGISTRATION_NUMBER']).getAttribute('readonly')).not.toBeNull();
    const phone = page.getByLabel(en['field.company.PHONE']);
    expect(await phone.getAttribute('readonly')).toBeNull();
    await expectAccessible(page, 'information requested');
    await screenshot(page, 'company');
    await phone.fill('+37060000009');
    await phone.press('Tab');
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state')).toBe('saved');
    expect((await e2e.server.partnerCall('GET', `/kyb/forms/${form.id}/`)).company).toMatchObject({ phone: '+37060000009', registrationNumber: '305123456' });
    await page.context().close();
  });
});
