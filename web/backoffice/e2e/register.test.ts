import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, expectAccessible, launchChromium, screenshotFolder } from '../../../test/browser.js';
import { DIALECTS } from '../../../test/harness.js';
import { signedInPage, startBackofficeServer, type BackofficeServer } from './server.js';

const PASSWORD = 'a register panel test password';

for (const dialect of DIALECTS) {
  describe(`the official register on the case page [${dialect}]`, () => {
    let server: BackofficeServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const shot = screenshotFolder(dialect === 'sqlite' ? 'backoffice/register' : `backoffice/register/${dialect}`);
    let reviewer: { page: Page; id: number };

    beforeAll(async () => {
      server = await startBackofficeServer(dialect);
      browser = await launchChromium();
      reviewer = await signedInPage(server, browser, contexts, {
        email: 'rita@example.com',
        name: 'Rita',
        surname: 'Reviewer',
        role: 'reviewer',
        password: PASSWORD,
      });
    }, 120_000);

    afterAll(() => closeAll(...contexts, browser, server));

    it("shows the register's other name beside the form's, and the officers and owners the client did not declare, screened", async () => {
      // The sandbox register knows 09000002 as "Meridian Consulting Group Ltd"; the client typed the former name.
      const id = await server.submitCompany(
        { companyName: 'Meridian Advisory Ltd', registrationNumber: '09000002', country: 'GB' },
        { name: 'Jane', surname: 'Sample', dateOfBirth: '1980-04-02', nationality: 'GB' },
      );
      await server.screenPending();
      const page = reviewer.page;
      await page.goto(`${server.url}/backoffice/cases/${id}`);
      const section = page.getByRole('region', { name: 'Official register' });
      await section.waitFor();
      const nameRow = section.getByRole('row', { name: /^Company name/ });
      expect(await nameRow.getByRole('cell').allTextContents()).toEqual(['Meridian Advisory Ltd', 'Meridian Consulting Group Ltd', 'No match']);
      const numberRow = section.getByRole('row', { name: /^Registration number/ });
      expect(await numberRow.getByRole('cell').allTextContents()).toEqual(['09000002', '09000002', 'Match']);
      // Jane Sample is declared; the secretary, the owner who appoints the board and the holding company are not.
      const undeclared = section.getByRole('listitem');
      expect(await undeclared.locator('strong').allTextContents()).toEqual(['Tom Example', 'Victor Hidden', 'Sandbox Holdings Ltd']);
      expect(await undeclared.nth(1).textContent()).toContain('right-to-appoint-and-remove-directors');
      expect(await undeclared.nth(1).locator('.badge').textContent()).toBe('No hits');
      // The screening section names them as subjects.
      const screening = page.getByRole('region', { name: 'Screening' });
      await screening.getByRole('heading', { name: /^Victor Hidden/ }).waitFor();
      // The company and its beneficiaries first, then the register's persons.
      const subjects = await screening.getByRole('heading', { level: 3 }).allTextContents();
      expect(subjects).toHaveLength(5);
      expect(subjects.slice(0, 2).map((text) => text.replace(/No hits$/, '').trim())).toEqual(['Meridian Advisory Ltd', 'Jane Sample']);
      await expectAccessible(page, 'the case page with the register section');
      await section.scrollIntoViewIfNeeded();
      await shot(page, 'register-section');
    });

    it('shows the company a GOV1 client picked from the register, and the field it changed afterwards', async () => {
      const created = await server.partnerCall('POST', '/kyb/tokens/', { tokenType: 'GOV1', clientId: 'backoffice-e2e-gov1' });
      const [token, id] = [created.tokenString as string, created.companyId as string];
      await server.formCall(token, 'POST', `/v1/forms/${id}/registry/pick/`, { provider: 'sandbox', country: 'GB', number: '09000001' });
      await server.formCall(token, 'PATCH', `/kyb/forms/${id}/`, { company: { city: 'Manchester' } });
      await server.formCall(token, 'POST', `/kyb/forms/${id}/submit/`);
      await server.screenPending();
      const page = reviewer.page;
      await page.goto(`${server.url}/backoffice/cases/${id}`);
      const pick = page.getByRole('region', { name: 'Picked by the client from the register' });
      await pick.waitFor();
      expect(await pick.locator('p').first().textContent()).toMatch(/^GOV1 session: Sandbox Trading Ltd \(GB 09000001\) from sandbox, picked /);
      // Only what no longer matches the company picked: the city the client changed.
      const rows = pick.getByRole('row').filter({ has: page.getByRole('rowheader') });
      expect(await rows.count()).toBe(1);
      expect(await rows.first().getByRole('cell').allTextContents()).toEqual(['Manchester', 'London', 'No match']);
      await expectAccessible(page, 'the case page with a GOV1 pick');
      await pick.scrollIntoViewIfNeeded();
      await shot(page, 'register-pick');
    });

    it('says so when the register did not answer', async () => {
      const id = await server.submitCompany(
        { companyName: 'Silent Register Ltd', registrationNumber: '09000500', country: 'GB' },
        { name: 'Ann', surname: 'Other' },
      );
      await server.screenPending();
      const page = reviewer.page;
      await page.goto(`${server.url}/backoffice/cases/${id}`);
      const section = page.getByRole('region', { name: 'Official register' });
      await section.waitFor();
      expect(await section.locator('.note').textContent()).toContain('The register failed or answered nonsense');
      expect(await section.getByRole('table').count()).toBe(0);
    });
  });
}
