import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManager } from '../../../src/core/managers/create-manager.js';
import { verifyEvidence } from '../../../src/core/evidence/verify-evidence.js';
import { idenfySignature, standardSignature } from '../../../src/core/webhooks/signatures.js';
import { closeAll, expectAccessible, launchChromium, screenshotFolder } from '../../../test/browser.js';
import { DIALECTS } from '../../../test/harness.js';
import { pdfDocument } from '../../../test/files.js';
import { startReceiver, type Receiver } from '../../../test/webhook-receiver.js';
import { callFromPage, claimAndReadGraph, pageOpener, LISTED, lockOut, poll, sessionStatus, setPassword, signIn } from './helpers.js';
import { startBackofficeServer, type BackofficeServer } from './server.js';
import formEn from '../../form/src/i18n/locales/en.js';
import { expectStep } from '../../form/e2e/scenario.js';

const HIGH_RISK = ['HIGH', 'VERY_HIGH'];

/**
 * The whole story in one browser, in order: an admin creates the team, a reviewer works a
 * high-risk case from search to a four-eyes approval (with a rejected document and a request for
 * information that the client answers), a second reviewer confirms it, the partner's receiver
 * gets the signed COMPANY_REVIEW, the evidence pack verifies offline, and the viewer, the CSRF
 * check, sign-out and the lock-out hold. The client answers the rejected document through the form
 * API with the token it received, and the request for information in the hosted form's pages.
 */
for (const dialect of DIALECTS) {
  describe(`the back-office scenario in a browser [${dialect}]`, () => {
    let server: BackofficeServer;
    let receiver: Receiver;
    let signingKey: string;
    let browser: Browser;
    let caseId: string;
    const links = new Map<string, string>();
    const contexts: BrowserContext[] = [];
    const shot = screenshotFolder(dialect === 'sqlite' ? 'backoffice/scenario' : `backoffice/${dialect}/scenario`);
    const newPage = pageOpener(() => browser, contexts);
    const openCase = async (page: Page) => {
      await page.goto(`${server.url}/backoffice/cases/${caseId}`);
      await page.getByRole('heading', { name: 'Katanga Trading SARL', level: 1 }).waitFor();
    };
    const reviews = () => receiver.requests.filter((r) => r.headers['idenfy-event-type'] === 'COMPANY_REVIEW');
    /** The case as the queue lists it (its deadline included), read with the page's session. */
    const listed = async (page: Page) => (await callFromPage(page, 'GET', `/kyb/companies/?q=CD-1978`, undefined)).json.results[0];

    beforeAll(async () => {
      server = await startBackofficeServer(dialect);
      receiver = await startReceiver();
      signingKey = (await server.partnerCall('POST', '/v1/webhooks/', { url: `${receiver.url}/hook`, eventTypes: ['COMPANY_REVIEW'] })).signingKey;
      await server.partnerCall('PATCH', '/v1/review-policy/', {
        fourEyesRiskLevels: HIGH_RISK,
        deadlineHours: { VERY_LOW: 240, LOW: 240, MEDIUM: 120, HIGH: 48, VERY_HIGH: 24 },
      });
      // Registered in a FATF black-listed country: the default risk model raises the case to at least HIGH.
      caseId = await server.submitCompany({ companyName: 'Katanga Trading SARL', registrationNumber: 'CD-1978', country: 'IR' }, LISTED);
      await server.submitCompany(
        { companyName: 'Plain Goods UAB', registrationNumber: 'LT-555' },
        { name: 'Jonas', surname: 'Jonaitis', dateOfBirth: '1990-01-01', nationality: 'LT' },
      );
      await server.screenPending();
      // The first admin comes from the command line (`openkyb managers create`), as on a new install.
      const admin = await createManager({ ctx: server.ctx, input: { email: 'ada@example.com', name: 'Ada', surname: 'Admin', role: 'admin' } });
      links.set('ada', admin.setPasswordUrl);
      browser = await launchChromium();
    });

    afterAll(() => closeAll(...contexts, browser, receiver, server));

    it('an admin creates two reviewers and a viewer on the managers page', { timeout: 120_000 }, async () => {
      const page = await newPage();
      await setPassword(page, links.get('ada')!);
      await signIn(page, 'ada@example.com');
      await page.getByRole('link', { name: 'Managers' }).click();
      await page.getByRole('heading', { name: 'Managers', level: 1 }).waitFor();
      for (const [key, name, surname, role] of [
        ['rita', 'Rita', 'Reviewer', 'reviewer'],
        ['rex', 'Rex', 'Second', 'reviewer'],
        ['vic', 'Vic', 'Viewer', 'viewer'],
      ] as const) {
        await page.getByLabel('E-mail').fill(`${key}@example.com`);
        await page.getByLabel('First name').fill(name);
        await page.getByLabel('Surname').fill(surname);
        await page.getByLabel('Role').selectOption(role);
        await page.getByRole('button', { name: 'Create manager' }).click();
        const link = page.getByLabel(`Set-password link for ${name} ${surname}`);
        await link.waitFor();
        links.set(key, await link.inputValue());
        await page.getByRole('rowheader', { name: `${name} ${surname}` }).waitFor();
      }
      await expectAccessible(page, 'managers page with new accounts');
      await shot(page, 'managers');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You are signed out.').waitFor();
    });

    it('a reviewer finds the case, claims it, reads the graph, resolves the hit, and is told why approval must wait', { timeout: 120_000 }, async () => {
      const page = await newPage();
      await setPassword(page, links.get('rita')!);
      await signIn(page, 'rita@example.com');
      await page.getByLabel('Search').fill('CD-1978');
      await page.getByLabel('Search').press('Enter');
      const rows = page.locator('.queue-table tbody tr');
      await poll(() => rows.count()).toBe(1);
      await shot(page, 'queue-search');
      await page.getByRole('link', { name: 'Katanga Trading SARL' }).click();
      await page.getByRole('heading', { name: 'Katanga Trading SARL', level: 1 }).waitFor();
      const riskBadge = await page.locator('.case-head .badge').filter({ hasText: 'Risk:' }).textContent();
      expect(riskBadge).toMatch(/Risk: (High|Very high)/);
      await page.getByText('A decision on this case needs a second reviewer to confirm it.').waitFor();

      await claimAndReadGraph(page, 'Rita Reviewer');

      // Too early: the button is disabled and says why; the shortcut does nothing either.
      const approve = page.getByRole('button', { name: 'Approve', exact: true });
      expect(await approve.isDisabled()).toBe(true);
      expect(await page.locator('#approve-reasons').textContent()).toContain('Germain Katanga: Open hits');
      await page.locator('h1').click();
      await page.keyboard.press('a');
      expect(await page.locator('dialog[open]').count()).toBe(0);
      await expectAccessible(page, 'case page, hit open');
      await shot(page, 'case-hit-open');

      const hit = page.locator('.hit').filter({ hasText: 'GERMAIN KATANGA' });
      await hit.getByLabel('False positive').check();
      await hit.getByLabel('Comment').fill('Different person: other father name.');
      await hit.getByRole('button', { name: 'Resolve hit' }).click();
      await hit.getByText('Resolved: False positive').waitFor();
      await poll(() => approve.isEnabled()).toBe(true);
    });

    it('rejecting a document asks the client for a new one and stops the clock; the new upload reopens approval', { timeout: 120_000 }, async () => {
      const page = await newPage();
      await signInAs(page, 'rita@example.com');
      await openCase(page);
      expect((await listed(page)).review.deadline).toMatchObject({ isPaused: false });
      // The case page shows the time left to its deadline beside the status.
      await poll(() => page.locator('.case-head .deadline').textContent()).toMatch(/^Review deadline: .+ left$/);
      const certificate = page.locator('.document').filter({ hasText: 'Document: INCORPORATION_CERT' });
      await certificate.getByRole('button', { name: 'Reject…' }).click();
      await certificate.getByLabel('Reason, shown to the client').fill('The certificate is cut off: upload all pages.');
      await expectAccessible(page, 'document rejection form');
      await shot(page, 'document-reject');
      const decided = page.waitForResponse((r) => r.url().includes('/decision/') && r.request().method() === 'PUT');
      await certificate.getByRole('button', { name: 'Reject and ask for a new upload' }).click();
      const rejection = await (await decided).json();
      expect(rejection.infoRequest).toMatchObject({ status: 'REQUESTED', items: ['documents.INCORPORATION_CERT'] });
      await certificate.locator('.badge.document-REJECTED').waitFor();
      await certificate.getByText('Rejected: The certificate is cut off: upload all pages.').waitFor();
      // The case went back to the client: the deadline clock stops.
      await page.locator('.case-head .badge.status-PENDING').waitFor();
      expect((await listed(page)).review.deadline).toMatchObject({ isPaused: true });
      await poll(() => page.locator('.case-head .deadline').textContent()).toContain('paused while with the client');
      expect(await page.locator('#approve-reasons').textContent()).toContain('the INCORPORATION_CERT document was rejected and not replaced');
      await shot(page, 'document-rejected');
      // The queue shows the stopped clock too.
      await page.goto(`${server.url}/backoffice/cases?q=CD-1978`);
      const row = page.locator('.queue-table tbody tr').filter({ hasText: 'Katanga Trading SARL' });
      await poll(() => row.textContent()).toContain('paused while with the client');
      await expectAccessible(page, 'queue with a paused deadline');
      await shot(page, 'queue-paused');
      await openCase(page);

      // The client uploads all pages and submits again.
      const token = rejection.infoRequest.tokenString as string;
      await server.formCall(token, 'POST', `/kyb/forms/${caseId}/documents/`, {
        type: 'INCORPORATION_CERT',
        filename: 'certificate-all-pages.pdf',
        file: pdfDocument('All pages').toString('base64'),
      });
      await server.formCall(token, 'POST', `/kyb/forms/${caseId}/submit/`);
      await server.screenPending();
      await page.reload();
      await page.locator('.case-head .badge.status-NEED_TO_REVIEW').waitFor();
      expect((await listed(page)).review.deadline).toMatchObject({ isPaused: false });
      await page.locator('table.changes').getByText('certificate-all-pages.pdf').waitFor();
      expect(await page.locator('.document .badge.document-UNDECIDED').count()).toBeGreaterThanOrEqual(1);
      const freshId = await page
        .locator('.document')
        .filter({ hasText: 'INCORPORATION_CERT' })
        .filter({ has: page.locator('.badge.document-UNDECIDED') })
        .getAttribute('data-document-id');
      const fresh = page.locator(`.document[data-document-id="${freshId}"]`);
      await fresh.getByRole('button', { name: 'Accept' }).click();
      await fresh.locator('.badge.document-ACCEPTED').waitFor();
    });

    it('a request for information is answered through the form; the reviewer sees the change and proposes approval', { timeout: 120_000 }, async () => {
      const page = await newPage();
      await signInAs(page, 'rita@example.com');
      await openCase(page);
      await page.getByRole('button', { name: 'Request information' }).click();
      const dialog = page.getByRole('dialog', { name: 'Request more information' });
      await dialog.getByLabel('Website').check();
      await dialog.getByLabel('Message to the client').fill('Please add the company website.');
      await expectAccessible(page, 'request-information dialog');
      await shot(page, 'request-info');
      const requested = page.waitForResponse((r) => r.url().endsWith('/request-info/') && r.request().method() === 'POST');
      await dialog.getByRole('button', { name: 'Send request' }).click();
      const link = (await (await requested).json()).url as string;
      await page.locator('.case-head .badge.status-PENDING').waitFor();
      expect((await listed(page)).review.deadline).toMatchObject({ isPaused: true });

      // The client opens the link in the hosted form, which shows the message and only the
      // website open, corrects it and submits again.
      const client = await newPage();
      await client.goto(link);
      await client.getByRole('heading', { name: formEn['app.infoRequested'] }).waitFor();
      expect(await client.locator('.info-request-message').textContent()).toBe('Please add the company website.');
      await client.locator('.stepper').getByRole('button', { name: formEn['step.company'] }).click();
      await expectStep(client, formEn['step.company']);
      expect(await client.getByLabel(formEn['field.company.COMPANY_NAME']).getAttribute('readonly')).not.toBeNull();
      const website = client.getByLabel(formEn['field.company.WEBSITE']);
      await website.fill('https://katanga-trading.example');
      await website.press('Tab');
      await poll(() => client.locator('[data-save-state]').getAttribute('data-save-state')).toBe('saved');
      await client.locator('.stepper').getByRole('button', { name: formEn['step.review'] }).click();
      await expectStep(client, formEn['step.review']);
      await expectAccessible(client, 'hosted form, information requested');
      await shot(client, 'client-correction');
      await client.getByRole('button', { name: formEn['action.submit'], exact: true }).click();
      await expectStep(client, formEn['page.done.title']);
      await server.screenPending();
      await page.reload();
      await page.locator('.case-head .badge.status-NEED_TO_REVIEW').waitFor();
      const change = page.locator('table.changes tr').filter({ hasText: 'Company: website' });
      expect(await change.locator('td').allTextContents()).toEqual(['—', 'https://katanga-trading.example']);
      await expectAccessible(page, 'case page with changes');
      await shot(page, 'case-changes');

      // Re-submission may raise new hits on the same person; settle any before deciding.
      for (const open of await page
        .locator('.hit')
        .filter({ has: page.getByRole('button', { name: 'Resolve hit' }) })
        .all()) {
        await open.getByLabel('False positive').check();
        await open.getByRole('button', { name: 'Resolve hit' }).click();
      }
      const approve = page.getByRole('button', { name: 'Approve', exact: true });
      await poll(() => approve.isEnabled()).toBe(true);
      await approve.click();
      await page.getByRole('dialog', { name: 'Approve Katanga Trading SARL?' }).getByRole('button', { name: 'Approve' }).click();
      await page.getByText('Your decision is recorded and waits for a second reviewer; nothing is sent until then.').waitFor();
      await page.getByTestId('pending-decision').getByText('Nobody confirms their own decision').waitFor();
      await shot(page, 'approval-pending');

      // The proposer cannot confirm: a second approval of their own is refused, and nothing is sent.
      await approve.click();
      await page.getByRole('dialog', { name: 'Approve Katanga Trading SARL?' }).getByRole('button', { name: 'Approve' }).click();
      await poll(() => page.getByRole('dialog', { name: 'Approve Katanga Trading SARL?' }).getByRole('alert').textContent()).toContain(
        'nobody confirms their own',
      );
      expect(reviews()).toHaveLength(0);
    });

    it(
      'the second reviewer confirms; only then the receiver gets a signed COMPANY_REVIEW; the evidence pack verifies offline',
      { timeout: 120_000 },
      async () => {
        const page = await newPage();
        await setPassword(page, links.get('rex')!);
        await signIn(page, 'rex@example.com');
        await openCase(page);
        await page.getByTestId('pending-decision').getByText('Make the same decision to confirm it.').waitFor();
        expect(reviews()).toHaveLength(0);
        await page.getByRole('button', { name: 'Approve', exact: true }).click();
        await page.getByRole('dialog', { name: 'Approve Katanga Trading SARL?' }).getByRole('button', { name: 'Approve' }).click();
        await page.getByText('The case is approved.').waitFor();
        await shot(page, 'approved');

        await receiver.waitFor(1);
        const [review] = reviews();
        expect(review).toBeDefined();
        const body = review!.body.toString('utf8');
        expect(JSON.parse(body)).toMatchObject({ id: caseId, approvalStatus: 'APPROVED' });
        expect(review!.headers['idenfy-signature']).toBe(idenfySignature(signingKey, body));
        const id = String(review!.headers['webhook-id']);
        expect(review!.headers['webhook-signature']).toBe(standardSignature(signingKey, id, Number(review!.headers['webhook-timestamp']), body));

        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Export evidence pack' }).click();
        const pack = readFileSync((await (await download).path())!);
        const report = verifyEvidence(pack);
        expect(report).toMatchObject({ isValid: true, companyId: caseId, problems: [] });
        expect(report.files).toBeGreaterThanOrEqual(3);
        // One edited byte and the same check fails.
        const tampered = Buffer.from(pack);
        const at = tampered.indexOf('Katanga Trading SARL');
        expect(at).toBeGreaterThan(0);
        tampered[at] = 'X'.charCodeAt(0);
        expect(verifyEvidence(tampered).isValid).toBe(false);
      },
    );

    it('the viewer reads the case and can act neither in the page nor by direct calls; CSRF, sign-out and lock-out hold', { timeout: 180_000 }, async () => {
      const page = await newPage();
      await setPassword(page, links.get('vic')!);
      await signIn(page, 'vic@example.com');
      await openCase(page);
      await page.getByText('Your role (Viewer) can read cases but not act on them.').waitFor();
      await page.getByText('Your role (Viewer) cannot decide on documents.').waitFor();
      expect(await page.locator('section.actions button:enabled, .document-decision button:enabled').count()).toBe(0);
      expect(await page.locator('.document-decision button').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'case page of a viewer');
      await shot(page, 'case-viewer');
      const documentId = (await callFromPage(page, 'GET', `/v1/companies/${caseId}/documents/`, undefined)).json[0].id;
      for (const [method, path, body] of [
        ['POST', `/v1/companies/${caseId}/assign/`, { managerId: null }],
        ['PUT', `/v1/companies/${caseId}/documents/${documentId}/decision/`, { decision: 'ACCEPTED' }],
        ['POST', `/v1/companies/${caseId}/request-info/`, { items: ['company.website'], message: 'viewer' }],
        ['POST', `/kyb/companies/${caseId}/change-status/`, { status: 'NEED_TO_REVIEW' }],
        ['POST', `/v1/companies/${caseId}/evidence-pack/`, undefined],
      ] as const) {
        expect(await callFromPage(page, method, path, body), `${method} ${path}`).toMatchObject({ status: 403, json: { identifier: 'FORBIDDEN' } });
      }

      // The reviewer's session without the CSRF token: refused.
      const reviewer = await newPage();
      await signInAs(reviewer, 'rita@example.com');
      expect(await callFromPage(reviewer, 'POST', `/v1/companies/${caseId}/comments/`, { content: 'no token' }, false)).toMatchObject({
        status: 403,
        json: { identifier: 'CSRF_FAILED' },
      });
      await reviewer.getByRole('button', { name: 'Sign out' }).click();
      await reviewer.getByText('You are signed out.').waitFor();
      expect(await sessionStatus(reviewer)).toBe(401);
      await reviewer.goto(`${server.url}/backoffice/cases/${caseId}`);
      await reviewer.getByRole('heading', { name: 'Sign in' }).waitFor();

      await lockOut(reviewer, `${server.url}/backoffice/sign-in`, 'rex@example.com');
      await expectAccessible(reviewer, 'sign-in, locked');
      await shot(reviewer, 'sign-in-locked');
    });

    async function signInAs(page: Page, email: string): Promise<void> {
      await page.goto(`${server.url}/backoffice/sign-in`);
      await signIn(page, email);
    }
  });
}
