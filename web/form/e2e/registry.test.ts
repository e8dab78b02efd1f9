import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/locales/en.js';
import { expectAccessible, screenshotFolder } from '../../../test/browser.js';
import { expectStep } from './scenario.js';
import { useE2eSuite } from './suite.js';

const say = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_m, name: string) => vars[name] ?? '');
const continueButton = (page: Page) => page.getByRole('button', { name: en['action.continue'], exact: true });

/** The register step: country, query, search, then the company picked from the results. */
async function searchAndPick(page: Page, query: string, name: string): Promise<void> {
  await expectStep(page, en['step.register']);
  await page.getByLabel(en['register.country']).selectOption('GB');
  await page.getByLabel(en['register.query']).fill(query);
  await page.getByRole('button', { name: en['register.search'], exact: true }).click();
  const pick = page.getByRole('button', { name: say(en['register.pickLabel'], { name }) });
  await pick.waitFor();
  await expectAccessible(page, 'register results');
  await pick.click();
  await expectStep(page, en['step.company']);
}

describe('hosted form: GOV1 and GOV2 sessions with the company register (sandbox)', { timeout: 90_000 }, () => {
  const e2e = useE2eSuite();
  const screenshot = screenshotFolder('registry');

  const open = async (token: string) => {
    const page = await (await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${e2e.server.url}/welcome?authToken=${token}`);
    return page;
  };

  it('GOV1: searches the register, picks the company, finds it pre-filled, accepts a proposed owner and submits', async () => {
    const page = await open(await e2e.server.token({ tokenType: 'GOV1' }));
    const shot = (name: string) => screenshot(page, name);
    await searchAndPick(page, 'Sandbox Trading', 'Sandbox Trading Ltd');

    // Pre-filled from the register, and still the client's to correct.
    const name = page.getByLabel(en['field.company.COMPANY_NAME']);
    expect(await name.inputValue()).toBe('Sandbox Trading Ltd');
    expect(await page.getByLabel(en['field.company.REGISTRATION_NUMBER']).inputValue()).toBe('09000001');
    expect(await page.getByLabel(en['field.company.CITY']).inputValue()).toBe('London');
    expect(await name.isEditable()).toBe(true);
    await page.getByText(en['register.prefilled']).waitFor();
    await expectAccessible(page, 'pre-filled company step');
    await shot('gov1-company');
    await continueButton(page).click();

    // The register's officers and owners are proposed; accepting one adds it to the structure.
    await expectStep(page, en['step.ownership']);
    await page.getByRole('heading', { name: en['register.proposed'] }).waitFor();
    expect(await page.locator('.proposal-list li strong').allTextContents()).toEqual(['Jane Sample', 'Tom Example', 'Victor Hidden', 'Sandbox Holdings Ltd']);
    await expectAccessible(page, 'proposed owners');
    await page.getByRole('button', { name: say(en['register.acceptLabel'], { name: 'Jane Sample' }) }).click();
    await expect.poll(() => page.locator('.tree-node strong', { hasText: 'Jane Sample' }).count()).toBe(1);
    await expect.poll(() => page.locator('.proposal-list li strong').allTextContents()).toEqual(['Tom Example', 'Victor Hidden', 'Sandbox Holdings Ltd']);
    await shot('gov1-ownership');
    await continueButton(page).click();

    await expectStep(page, en['step.documents']);
    await continueButton(page).click();
    await expectStep(page, en['step.review']);
    await page.getByRole('button', { name: en['action.submit'], exact: true }).click();
    await expectStep(page, en['page.done.title']);
    await page.context().close();
  });

  it('GOV2: shows the register fields read-only, keeps the register owners, and saves what the register cannot give', async () => {
    const { tokenString, companyId } = await e2e.server.partnerCall('POST', '/kyb/tokens/', { tokenType: 'GOV2', clientId: 'e2e' });
    const page = await open(tokenString);
    const shot = (name: string) => screenshot(page, name);
    await searchAndPick(page, '09000001', 'Sandbox Trading Ltd');

    const name = page.getByLabel(en['field.company.COMPANY_NAME']);
    expect(await name.inputValue()).toBe('Sandbox Trading Ltd');
    for (const field of ['COMPANY_NAME', 'REGISTRATION_NUMBER', 'CITY', 'POSTCODE'] as const) {
      expect([field, await page.getByLabel(en[`field.company.${field}`]).isEditable()]).toEqual([field, false]);
    }
    expect(await page.getByLabel(en['field.company.COUNTRY']).isDisabled()).toBe(true);
    expect(await page.getByText(en['register.fromRegister']).count()).toBeGreaterThan(0);
    // What the register cannot give stays editable and is saved.
    const email = page.getByLabel(en['field.company.EMAIL']);
    expect(await email.isEditable()).toBe(true);
    await email.fill('ops@sandbox.example');
    await email.blur();
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state')).toBe('saved');
    await expectAccessible(page, 'read-only company step');
    await shot('gov2-company');
    await continueButton(page).click();

    // The register's owners are beneficiaries already: marked, not deletable, their names read-only.
    await expectStep(page, en['step.ownership']);
    await expect
      .poll(() => page.locator('.tree-node strong').allTextContents())
      .toEqual(['Jane Sample', 'Tom Example', 'Victor Hidden', 'Sandbox Holdings Ltd']);
    expect(await page.locator('.tree-node .badge').count()).toBe(4);
    expect(await page.getByRole('button', { name: `${en['action.delete']}: Jane Sample` }).count()).toBe(0);
    await page.getByRole('button', { name: say(en['ownership.editTitle'], { name: 'Jane Sample' }) }).click();
    expect(await page.getByLabel(en['field.person.SURNAME']).isEditable()).toBe(false);
    await page.getByLabel(en['field.person.EMAIL']).fill('jane@sandbox.example');
    await page.getByRole('button', { name: en['action.save'], exact: true }).click();
    await expect.poll(() => page.locator('.editor').count()).toBe(0);
    await shot('gov2-ownership');

    // The server kept the register's values and the client's additions.
    const saved = await e2e.server.partnerCall('GET', `/kyb/forms/${companyId}/`);
    expect(saved.company).toMatchObject({ companyName: 'Sandbox Trading Ltd', registrationNumber: '09000001', email: 'ops@sandbox.example' });
    await page.context().close();
  });
});
