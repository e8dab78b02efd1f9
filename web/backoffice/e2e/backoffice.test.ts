import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManager } from '../../../src/core/managers/create-manager.js';
import { totpCode } from '../../../src/core/managers/totp.js';
import { closeAll, expectAccessible, launchChromium, screenshotFolder } from '../../../test/browser.js';
import { DIALECTS } from '../../../test/harness.js';
import { startReceiver, type Receiver } from '../../../test/webhook-receiver.js';
import { callFromPage, claimAndReadGraph, pageOpener, LISTED, lockOut, PASSWORD, poll, sessionStatus, setPassword, signIn } from './helpers.js';
import { startBackofficeServer, type BackofficeServer } from './server.js';

const INITIAL_LOAD_BUDGET_BYTES = 250 * 1024;

for (const dialect of DIALECTS) {
  describe(`the back office in a browser [${dialect}]`, () => {
    let server: BackofficeServer;
    let receiver: Receiver;
    let browser: Browser;
    let flagged: string;
    const contexts: BrowserContext[] = [];
    const shot = screenshotFolder(dialect === 'sqlite' ? 'backoffice' : `backoffice/${dialect}`);
    const newPage = pageOpener(() => browser, contexts);

    beforeAll(async () => {
      server = await startBackofficeServer(dialect);
      receiver = await startReceiver();
      await server.partnerCall('POST', '/v1/webhooks/', { url: `${receiver.url}/hook`, eventTypes: ['COMPANY_REVIEW'] });
      flagged = await server.submitCompany({ companyName: 'Katanga Trading SARL', registrationNumber: 'CD-1978' }, LISTED);
      await server.submitCompany(
        { companyName: 'Katanga Logistics UAB', registrationNumber: 'LT-4410' },
        { name: 'Ona', surname: 'Petraitė', dateOfBirth: '1985-06-01', nationality: 'LT' },
      );
      await server.submitCompany(
        { companyName: 'Plain Goods UAB', registrationNumber: 'LT-555' },
        { name: 'Jonas', surname: 'Jonaitis', dateOfBirth: '1990-01-01', nationality: 'LT' },
      );
      await server.screenPending();
      browser = await launchChromium();
    });

    afterAll(() => closeAll(...contexts, browser, receiver, server));

    it('loads the sign-in page within the byte budget, as transferred (compressed) by the browser', async () => {
      const page = await newPage();
      const sizes: Array<{ url: string; bytes: number }> = [];
      page.on('requestfinished', (request) => {
        void request.sizes().then((s) => sizes.push({ url: new URL(request.url()).pathname, bytes: s.responseBodySize + s.responseHeadersSize }));
      });
      await page.goto(`${server.url}/backoffice/`, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
      console.log(`back office initial load as transferred: ${(total / 1024).toFixed(1)} KB over ${sizes.length} requests`, sizes);
      expect(sizes.some((s) => s.url.endsWith('.js'))).toBe(true);
      expect(total).toBeLessThan(INITIAL_LOAD_BUDGET_BYTES);
    });

    it(
      'a reviewer sets a password, signs in, finds the case, claims it, resolves the hit, approves, and the partner is told',
      { timeout: 120_000 },
      async () => {
        const reviewer = await createManager({ ctx: server.ctx, input: { email: 'rita@example.com', name: 'Rita', surname: 'Reviewer', role: 'reviewer' } });
        const page = await newPage();
        await setPassword(page, reviewer.setPasswordUrl, shot);
        await expectAccessible(page, 'sign-in page');
        await shot(page, 'sign-in');
        await page.getByLabel('E-mail').fill('rita@example.com');
        await page.getByLabel('Password').fill('not the password at all');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await poll(() => page.getByRole('alert').textContent()).toContain('The e-mail or password is wrong.');
        await shot(page, 'sign-in-failed');
        await signIn(page, 'rita@example.com');

        // The queue: counts per status, then a search whose state lives in the URL.
        const toReview = page.getByRole('navigation', { name: 'Cases by status' }).getByRole('link', { name: /To review/ });
        await poll(() => toReview.textContent()).toMatch(/To review\s*3/);
        await expectAccessible(page, 'queue');
        await shot(page, 'queue');
        await page.getByLabel('Search').fill('katanga');
        await page.getByLabel('Search').press('Enter');
        await poll(() => page.url()).toContain('q=katanga');
        const rows = page.locator('.queue-table tbody tr');
        await poll(() => rows.count()).toBe(2);
        await page.reload();
        await poll(() => rows.count()).toBe(2);
        expect(await page.getByLabel('Search').inputValue()).toBe('katanga');
        await shot(page, 'queue-search');

        // Keyboard alone: j moves down the rows (newest first), Enter opens the case.
        await page.locator('body').click({ position: { x: 5, y: 400 } });
        await page.keyboard.press('j');
        await page.keyboard.press('j');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Katanga Trading SARL');
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: 'Katanga Trading SARL', level: 1 }).waitFor();

        // Approval is refused before anyone clicks, with the reason.
        const approve = page.getByRole('button', { name: 'Approve', exact: true });
        expect(await approve.isDisabled()).toBe(true);
        expect(await page.locator('#approve-reasons').textContent()).toContain('Germain Katanga: Open hits');
        await expectAccessible(page, 'case page');
        await shot(page, 'case');

        // The ownership graph: the UBO highlighted with 60 % on the edge, the unexplained 40 % dashed.
        const graph = await claimAndReadGraph(page, 'Rita Reviewer');
        expect(await graph.locator('.edge.remainder .edge-label').textContent()).toBe('40%');
        expect(await graph.locator('.node.remainder').textContent()).toContain('Unexplained');

        // Shortcuts never fire while typing.
        await page.getByLabel('Add a comment').fill('');
        await page.getByLabel('Add a comment').press('a');
        expect(await page.locator('dialog[open]').count()).toBe(0);
        expect(await page.getByLabel('Add a comment').inputValue()).toBe('a');
        await page.getByLabel('Add a comment').fill('Owner matches the UN list by name only; passport copy checked.');
        await page.getByRole('button', { name: 'Add comment' }).click();
        await page.locator('.comments').getByText('passport copy checked').waitFor();

        // Resolve the hit beside the subject's own data.
        const hit = page.locator('.hit').filter({ hasText: 'GERMAIN KATANGA' });
        expect(await hit.textContent()).toContain('1978-04-28');
        await hit.getByLabel('False positive').check();
        await hit.getByLabel('Comment').fill('Different person: other father name.');
        await hit.getByRole('button', { name: 'Resolve hit' }).click();
        await hit.getByText('Resolved: False positive').waitFor();
        await poll(() => approve.isEnabled()).toBe(true);
        expect(await page.locator('#approve-reasons').count()).toBe(0);

        // The help overlay, then approval from the keyboard.
        await page.locator('h1').click();
        await page.keyboard.press('?');
        const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await help.waitFor();
        await expectAccessible(page, 'shortcut help');
        await shot(page, 'shortcuts');
        await page.keyboard.press('Escape');
        await poll(() => help.isVisible()).toBe(false);
        await page.keyboard.press('a');
        const confirm = page.getByRole('dialog', { name: 'Approve Katanga Trading SARL?' });
        await confirm.waitFor();
        await expectAccessible(page, 'approve dialog');
        await shot(page, 'approve-dialog');
        await confirm.getByRole('button', { name: 'Approve' }).click();
        await page.getByText('The case is approved.').waitFor();
        await shot(page, 'approved');
        // The audit trail, newest first, names who acted.
        await poll(() => page.locator('.timeline li').filter({ hasText: 'Status changed' }).count()).toBe(1);
        const trail = await page.locator('.timeline li').allTextContents();
        const decision = trail.findIndex((entry) => entry.includes('Status changed'));
        expect(trail[decision]).toContain('Rita Reviewer');
        expect(decision).toBeLessThan(trail.findIndex((entry) => entry.includes('AML hit reviewed')));
        expect(trail.findIndex((entry) => entry.includes('AML hit reviewed'))).toBeLessThan(trail.findIndex((entry) => entry.includes('Form submitted')));

        await receiver.waitFor(1);
        const review = receiver.requests.find((r) => r.headers['idenfy-event-type'] === 'COMPANY_REVIEW');
        expect(review).toBeDefined();
        expect(JSON.parse(review!.body.toString('utf8'))).toMatchObject({ id: flagged, approvalStatus: 'APPROVED' });

        // A request without the CSRF token is refused, even with the session cookie.
        expect(await callFromPage(page, 'POST', `/v1/companies/${flagged}/comments/`, { content: 'no token' }, false)).toMatchObject({
          status: 403,
          json: { identifier: 'CSRF_FAILED' },
        });

        // Next case: the oldest unassigned case of the same view (the search for "katanga").
        await page.getByRole('button', { name: 'Next case' }).click();
        await page.getByRole('heading', { name: 'Katanga Logistics UAB', level: 1 }).waitFor();

        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByText('You are signed out.').waitFor();
        expect(await sessionStatus(page)).toBe(401);
        await page.goto(`${server.url}/backoffice/cases/${flagged}`);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        await shot(page, 'signed-out');
      },
    );

    it('asks for the authenticator code when two-factor sign-in is on, and says when an account is locked', { timeout: 120_000 }, async () => {
      const manager = await createManager({ ctx: server.ctx, input: { email: 'tom@example.com', name: 'Tom', surname: 'Totp', role: 'reviewer' } });
      const page = await newPage();
      await setPassword(page, manager.setPasswordUrl);
      // Two-factor enrolment over the API, as the manager's own session does it.
      const signedIn = await fetch(`${server.url}/v1/auth/sign-in/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'tom@example.com', password: PASSWORD }),
      });
      const cookie = /openkyb_session=[^;]+/.exec(signedIn.headers.get('set-cookie') ?? '')![0];
      const headers = { cookie, 'x-csrf-token': (await signedIn.json()).csrfToken, 'content-type': 'application/json' };
      const { secret } = await (await fetch(`${server.url}/v1/auth/totp/`, { method: 'POST', headers })).json();
      const confirmed = await fetch(`${server.url}/v1/auth/totp/confirm/`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ code: totpCode(secret, Date.now()) }),
      });
      expect(confirmed.status).toBe(200);

      await page.getByLabel('E-mail').fill('tom@example.com');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const code = page.getByLabel('Authentication code');
      await code.waitFor();
      await expectAccessible(page, 'sign-in, second factor');
      await shot(page, 'sign-in-totp');
      await code.fill('000000');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await poll(() => page.getByRole('alert').textContent()).toContain('That code is wrong');
      // The next step's code: the one used to confirm enrolment cannot be used again.
      await code.fill(totpCode(secret, Date.now() + 30_000));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Cases' }).waitFor();

      // Five wrong passwords in a row lock the account; the page says until when.
      const other = await newPage();
      await lockOut(other, `${server.url}/backoffice/sign-in`, 'tom@example.com');
      await expectAccessible(other, 'sign-in, locked');
      await shot(other, 'sign-in-locked');
    });

    it('an admin creates a viewer, who reads the case but can do nothing with it, not even with a direct call', { timeout: 120_000 }, async () => {
      const admin = await createManager({ ctx: server.ctx, input: { email: 'ada@example.com', name: 'Ada', surname: 'Admin', role: 'admin' } });
      const page = await newPage();
      await setPassword(page, admin.setPasswordUrl);
      await signIn(page, 'ada@example.com');
      await page.getByRole('link', { name: 'Managers' }).click();
      await page.getByRole('heading', { name: 'Managers', level: 1 }).waitFor();
      await page.getByRole('rowheader', { name: 'Ada Admin' }).waitFor();
      await expectAccessible(page, 'managers page');
      await page.getByLabel('E-mail').fill('vic@example.com');
      await page.getByLabel('First name').fill('Vic');
      await page.getByLabel('Surname').fill('Viewer');
      await page.getByLabel('Role').selectOption('viewer');
      await page.getByRole('button', { name: 'Create manager' }).click();
      const link = await page.getByLabel('Set-password link for Vic Viewer').inputValue();
      expect(link).toMatch(new RegExp(`^${server.url}/backoffice/set-password#token=.+`));
      await page.getByRole('rowheader', { name: 'Vic Viewer' }).waitFor();
      await shot(page, 'managers');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You are signed out.').waitFor();

      // The viewer, on a narrower screen: reads everything, every action disabled.
      const viewerPage = await newPage(768);
      await setPassword(viewerPage, link);
      await signIn(viewerPage, 'vic@example.com');
      await viewerPage.goto(`${server.url}/backoffice/cases/${flagged}`);
      await viewerPage.getByRole('heading', { name: 'Katanga Trading SARL', level: 1 }).waitFor();
      await viewerPage.getByText('Your role (Viewer) can read cases but not act on them.').waitFor();
      const actions = viewerPage.locator('section.actions');
      expect(await actions.locator('button').count()).toBeGreaterThan(4);
      expect(await actions.locator('button:enabled, select:enabled').count()).toBe(0);
      expect(await viewerPage.locator('main textarea, main input[type=radio]').count()).toBe(0);
      expect(await viewerPage.getByRole('button', { name: 'Delete' }).count()).toBe(0);
      await expectAccessible(viewerPage, 'case page of a viewer at 768 px');
      await shot(viewerPage, 'case-viewer-768');
      const scrollWidth = await viewerPage.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(768);

      const assign = await callFromPage(viewerPage, 'POST', `/v1/companies/${flagged}/assign/`, { managerId: null });
      expect(assign).toMatchObject({ status: 403, json: { identifier: 'FORBIDDEN' } });
      const deny = await callFromPage(viewerPage, 'POST', `/kyb/companies/${flagged}/change-status/`, {
        status: 'COMPLETED',
        reviewInfo: { approvalStatus: 'DENIED', denyReason: 'viewer' },
      });
      expect(deny).toMatchObject({ status: 403, json: { identifier: 'FORBIDDEN' } });

      await viewerPage.getByRole('button', { name: 'Sign out' }).click();
      await viewerPage.getByText('You are signed out.').waitFor();
      expect(await sessionStatus(viewerPage)).toBe(401);
    });
  });
}
