import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManager } from '../../../src/core/managers/create-manager.js';
import { closeAll, expectAccessible, launchChromium, screenshotFolder } from '../../../test/browser.js';
import { DIALECTS } from '../../../test/harness.js';
import { signedInPage, startBackofficeServer, type BackofficeServer } from './server.js';

const PASSWORD = 'a queue views test password';
const OWNER = { name: 'Ona', surname: 'Owner', dateOfBirth: '1970-01-01', nationality: 'LT' };

/** Waits for what the page shows after a server round trip; a liveness bound, not a measurement. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

for (const dialect of DIALECTS) {
  describe(`the queue's saved views and automatic assignment in a browser [${dialect}]`, () => {
    let server: BackofficeServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const shot = screenshotFolder(dialect === 'sqlite' ? 'backoffice/queue-views' : `backoffice/queue-views/${dialect}`);
    let admin: { page: Page; id: number };
    const account = async (name: string, surname: string) =>
      (await createManager({ ctx: server.ctx, input: { email: `${name.toLowerCase()}@example.com`, name, surname, role: 'reviewer' } })).id;

    beforeAll(async () => {
      server = await startBackofficeServer(dialect);
      browser = await launchChromium();
      admin = await signedInPage(server, browser, contexts, { email: 'ada@example.com', name: 'Ada', surname: 'Admin', role: 'admin', password: PASSWORD });
    }, 120_000);

    afterAll(() => closeAll(...contexts, browser, server));

    it('saves the filtered queue under a name; after a reload the view is listed and opening it restores the filters; rename and delete', async () => {
      const page = admin.page;
      await page.getByLabel('Assignee', { exact: true }).selectOption('unassigned');
      await poll(() => new URL(page.url()).searchParams.get('assignee')).toBe('unassigned');
      await page.getByLabel('Risk', { exact: true }).selectOption('LOW');
      await poll(() => new URL(page.url()).searchParams.get('risk')).toBe('LOW');
      await page.getByLabel('Save this view as').fill('Unassigned low risk');
      await page.getByRole('button', { name: 'Save view' }).click();
      await poll(() => page.getByRole('status').filter({ hasText: 'Saved the view "Unassigned low risk".' }).count()).toBe(1);
      await expectAccessible(page, 'the queue with a saved view');
      await shot(page, 'view-saved');

      // A fresh page with no filter: the view is the manager's, kept on the server.
      await page.goto(`${server.url}/backoffice/cases`);
      await page.reload();
      const link = page.getByRole('region', { name: 'Saved views' }).getByRole('link', { name: 'Unassigned low risk' });
      await link.waitFor();
      expect(await page.getByLabel('Assignee', { exact: true }).inputValue()).toBe('');
      await link.click();
      await poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ assignee: 'unassigned', risk: 'LOW' });
      expect(await page.getByLabel('Assignee', { exact: true }).inputValue()).toBe('unassigned');
      expect(await page.getByLabel('Risk', { exact: true }).inputValue()).toBe('LOW');
      expect(await link.getAttribute('aria-current')).toBe('page');

      await page.getByRole('button', { name: 'Rename the view Unassigned low risk' }).click();
      await page.getByLabel('New name for Unassigned low risk').fill('Easy ones');
      await page.getByRole('button', { name: 'Save name' }).click();
      await page.getByRole('link', { name: 'Easy ones' }).waitFor();
      // A second view with the same name is refused, with the server's reason shown.
      await page.getByLabel('Save this view as').fill('Easy ones');
      await page.getByRole('button', { name: 'Save view' }).click();
      await poll(() => page.getByRole('alert').filter({ hasText: 'already exists' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Delete the view Easy ones' }).click();
      await poll(() => page.getByRole('link', { name: 'Easy ones' }).count()).toBe(0);
      await shot(page, 'view-deleted');
    });

    it('sorts overdue cases first from the time-left column, and back to newest first from the created column', async () => {
      const page = admin.page;
      const hours = { VERY_LOW: 1, LOW: 1, MEDIUM: 1, HIGH: 1, VERY_HIGH: 1, NOT_CHECKED: 1 };
      await server.partnerCall('PATCH', '/v1/review-policy/', { deadlineHours: hours });
      // The same deadline for both: the first submitted is due first, and listed last by creation.
      await server.submitCompany({ companyName: 'Deadline First UAB', registrationNumber: '305500001' }, OWNER);
      await server.submitCompany({ companyName: 'Deadline Second UAB', registrationNumber: '305500002' }, OWNER);
      await page.goto(`${server.url}/backoffice/cases?q=Deadline`);
      const names = () => page.locator('tbody tr td:first-child').allTextContents();
      await poll(names).toEqual(['Deadline Second UAB', 'Deadline First UAB']);
      const timeLeft = page.getByRole('columnheader', { name: /Time left/ });
      expect(await timeLeft.getAttribute('aria-sort')).toBeNull();
      await timeLeft.getByRole('button').click();
      await poll(() => new URL(page.url()).searchParams.get('sort')).toBe('deadline');
      await poll(names).toEqual(['Deadline First UAB', 'Deadline Second UAB']);
      expect(await timeLeft.getAttribute('aria-sort')).toBe('ascending');
      expect(await page.getByRole('columnheader', { name: /Created/ }).getAttribute('aria-sort')).toBeNull();
      await expectAccessible(page, 'the queue overdue first');
      await shot(page, 'overdue-first');
      await page
        .getByRole('columnheader', { name: /Created/ })
        .getByRole('button')
        .click();
      await poll(() => new URL(page.url()).searchParams.get('sort')).toBeNull();
      await poll(names).toEqual(['Deadline Second UAB', 'Deadline First UAB']);
    });

    it('assigns a submitted case to the less loaded reviewer, skipping the one an admin marked away', async () => {
      const page = admin.page;
      // Created before the others: with the same load, the lower id would win the tie were away not skipped.
      const away = await account('Alma', 'Away');
      const busy = await account('Bob', 'Busy');
      const free = await account('Fred', 'Free');
      for (const [managerId, name] of [
        [busy, 'Busy One UAB'],
        [admin.id, 'Admin One UAB'],
      ] as const) {
        const id = await server.submitCompany({ companyName: name, registrationNumber: `30${managerId}0001` }, OWNER);
        await server.partnerCall('POST', `/v1/companies/${id}/assign/`, { managerId });
      }

      await page.goto(`${server.url}/backoffice/managers`);
      await page.getByRole('heading', { name: 'Managers' }).waitFor();
      const toggle = page.getByLabel('Assign cases automatically by workload');
      await poll(() => toggle.isEnabled()).toBe(true);
      expect(await toggle.isChecked()).toBe(false);
      // The box follows the stored policy: it turns checked once the server answered.
      await toggle.click();
      await poll(() => toggle.isChecked()).toBe(true);
      await poll(async () => (await server.partnerCall('GET', '/v1/review-policy/')).autoAssign).toBe(true);
      await page.getByRole('button', { name: 'Mark away: Alma Away' }).click();
      await page.getByRole('button', { name: 'Mark back: Alma Away' }).waitFor();
      await expectAccessible(page, 'the managers page');
      await shot(page, 'auto-assign-on');

      const id = await server.submitCompany({ companyName: 'Fresh Arrival UAB', registrationNumber: '304400001' }, OWNER);
      const assigned = (await server.partnerCall('GET', `/kyb/companies/?assignedTo=${free}`)).results.map((r: { id: string }) => r.id);
      expect(assigned).toEqual([id]);
      expect((await server.partnerCall('GET', `/kyb/companies/?assignedTo=${away}`)).count).toBe(0);

      // The queue shows who holds it.
      await page.goto(`${server.url}/backoffice/cases?q=Fresh%20Arrival`);
      const row = page.getByRole('row').filter({ hasText: 'Fresh Arrival UAB' });
      await poll(() => row.getByRole('cell').nth(4).textContent()).toBe('Fred Free');
      await shot(page, 'auto-assigned');
    });
  });
}
