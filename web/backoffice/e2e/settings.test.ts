import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagerRole } from '../../../src/core/managers/roles.js';
import { totpCode } from '../../../src/core/managers/totp.js';
import { closeAll, expectAccessible, launchChromium, screenshotFolder } from '../../../test/browser.js';
import { DIALECTS } from '../../../test/harness.js';
import { startReceiver, type Receiver } from '../../../test/webhook-receiver.js';
import { signedInPage, startBackofficeServer, type BackofficeServer } from './server.js';

const PASSWORD = 'a settings test password';

/** Waits for what the page shows after a server round trip; a liveness bound, not a measurement. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

/** A call from inside the signed-in page: its cookie, and the CSRF token of its session. */
function statusFromPage(page: Page, method: string, path: string, body?: unknown): Promise<number> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { csrfToken } = await fetch('/v1/auth/session/').then((r) => r.json());
      const init: RequestInit = { method, headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
      if (body !== undefined) init.body = JSON.stringify(body);
      return (await fetch(path, init)).status;
    },
    { method, path, body },
  );
}

for (const dialect of DIALECTS) {
  describe(`the back office's settings in a browser [${dialect}]`, () => {
    let server: BackofficeServer;
    let receiver: Receiver;
    let browser: Browser;
    let admin: Page;
    const contexts: BrowserContext[] = [];
    const shot = screenshotFolder(dialect === 'sqlite' ? 'backoffice/settings' : `backoffice/settings/${dialect}`);

    /** A manager of the partner with a password (set through its one-time link, over the API), signed in through the page. */
    const signedIn = async (role: ManagerRole, width = 1280): Promise<Page> =>
      (
        await signedInPage(server, browser, contexts, {
          email: `${role}-${contexts.length}@example.com`,
          name: role,
          surname: 'Settings',
          role,
          password: PASSWORD,
          width,
        })
      ).page;
    /** Saves the catalog entry being edited, waits for the page to say so, and reads back what the API now lists first. */
    const savedEntry = async (listPath: string) => {
      await admin.getByRole('button', { name: 'Save' }).click();
      await poll(() => admin.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
      const [entry] = await server.partnerCall('GET', listPath);
      return entry;
    };
    const openSection = async (page: Page, name: string) => {
      await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
    };

    beforeAll(async () => {
      server = await startBackofficeServer(dialect);
      receiver = await startReceiver();
      browser = await launchChromium();
      admin = await signedIn('admin');
    });

    afterAll(() => closeAll(...contexts, browser, receiver, server));

    it('edits a flow, its preview following the edits, and saves it', async () => {
      await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Flows' }).waitFor();
      expect(new URL(admin.url()).pathname).toBe('/backoffice/settings/flows');
      await admin.getByRole('button', { name: 'New flow' }).click();
      await admin.getByRole('textbox', { name: /^Name/ }).fill('Standard onboarding');
      await admin.getByLabel('Add to Company documents').selectOption('UBO_CERT');
      await admin.getByRole('group', { name: 'Company documents' }).getByRole('button', { name: 'Add' }).click();
      await admin.getByRole('group', { name: 'Company documents' }).getByLabel('Required').check();
      await admin.getByLabel('E-mail verification before submitting').check();
      const preview = admin.getByRole('region', { name: 'Preview' });
      await poll(() => preview.textContent()).toContain('UBO_CERT *');
      expect(await preview.textContent()).toContain('REGISTRATION_NUMBER *');
      await expectAccessible(admin, 'flows');
      await shot(admin, 'flows');
      const flow = await savedEntry('/v1/flows/');
      expect(flow).toMatchObject({ name: 'Standard onboarding', documents: [{ docType: 'UBO_CERT', required: true }], emailVerification: true });
      // JSON that is not the expected object blocks saving, with the reason.
      await admin.getByLabel('Beneficiaries and custom fields (JSON)').fill('{"beneficiaries": ');
      await poll(() => admin.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
      expect(await admin.getByText('Fix these before saving').count()).toBe(1);
    });

    it('edits a theme with colour fields and a live preview; a malformed colour blocks saving', async () => {
      await openSection(admin, 'Themes');
      await admin.getByRole('button', { name: 'New theme' }).click();
      await admin.getByRole('textbox', { name: /^Name/ }).fill('Acme');
      await admin.getByLabel('Company name on the form').fill('Acme Ltd');
      await admin.getByLabel('Primary', { exact: true }).fill('#12');
      await poll(() => admin.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
      expect(await admin.getByText('"#12" is not a colour').count()).toBe(1);
      await admin.getByLabel('Primary', { exact: true }).fill('#0b5394');
      const box = admin.locator('.theme-preview');
      await poll(() => box.evaluate((el) => getComputedStyle(el).getPropertyValue('--color-primary').trim())).toBe('#0b5394');
      expect(await box.textContent()).toContain('Acme Ltd');
      await expectAccessible(admin, 'themes');
      await shot(admin, 'themes');
      const theme = await savedEntry('/v1/themes/');
      expect(theme).toMatchObject({ name: 'Acme', companyName: 'Acme Ltd', colors: { primary: '#0b5394' } });
    });

    it('builds a questionnaire whose conditions are checked as they are typed', async () => {
      await openSection(admin, 'Questionnaires');
      await admin.getByRole('button', { name: 'New questionnaire' }).click();
      await admin.getByRole('textbox', { name: /^Key/ }).fill('aml');
      await admin.getByRole('textbox', { name: /^Name/ }).fill('AML');
      await admin.getByRole('textbox', { name: /^Title/ }).fill('Anti-money-laundering');
      await admin.getByLabel('Section title').fill('Activity');
      await admin.getByRole('button', { name: 'Add a question' }).click();
      await admin.getByRole('button', { name: 'Add a question' }).click();
      await admin.locator('#s0-q0-key').fill('cash');
      await admin.locator('#s0-q0-title').fill('Does the company handle cash?');
      await admin.locator('#s0-q0-type').selectOption('CHECKBOX');
      await admin.locator('#s0-q1-title').fill('Share of cash turnover');
      const condition = admin.locator('#s0-q1-condition');
      await condition.fill('cash ==');
      await poll(() => admin.locator('#s0-q1-condition-error').textContent()).toContain('invalid condition');
      await condition.fill('later == true');
      await poll(() => admin.locator('#s0-q1-condition-error').textContent()).toContain('"section1.later" is not a question asked before this one');
      expect(await admin.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
      await condition.fill('cash == true');
      await poll(() => admin.locator('#s0-q1-condition-error').count()).toBe(0);
      await expectAccessible(admin, 'questionnaires');
      await shot(admin, 'questionnaires');
      const questionnaire = await savedEntry('/v1/questionnaires/');
      expect(questionnaire.sections[0].questions).toMatchObject([
        { key: 'cash', type: 'CHECKBOX' },
        { key: 'q2', condition: 'cash == true' },
      ]);
    });

    it('adds a webhook (key shown once), sends a test, shows its attempts and resends it', async () => {
      await openSection(admin, 'Webhooks');
      await admin.getByLabel('Address').fill(`${receiver.url}/settings-hook`);
      await admin.getByRole('textbox', { name: /^Name/ }).fill('Local receiver');
      await admin.getByRole('button', { name: 'Create webhook' }).click();
      await poll(() => admin.getByLabel(/^Signing key of/).inputValue()).toMatch(/^whsec_/);
      await admin.getByRole('button', { name: `Send test to ${receiver.url}/settings-hook` }).click();
      await receiver.waitFor(1, 20_000);
      const deliveries = admin.getByRole('region', { name: 'Recent deliveries' });
      await poll(async () => {
        await deliveries.getByRole('button', { name: 'Refresh' }).click();
        return deliveries.getByRole('row', { name: /WEBHOOK_TEST/ }).textContent();
      }).toContain('Delivered');
      await deliveries
        .getByRole('row', { name: /WEBHOOK_TEST/ })
        .getByRole('button', { name: 'Attempts' })
        .click();
      await poll(() => deliveries.locator('.attempts li').first().textContent()).toContain('HTTP 200');
      await expectAccessible(admin, 'webhooks');
      await shot(admin, 'webhooks');
      await deliveries
        .getByRole('row', { name: /WEBHOOK_TEST/ })
        .getByRole('button', { name: 'Resend' })
        .click();
      await receiver.waitFor(2, 20_000);
      expect(receiver.requests.every((r) => r.path === '/settings-hook')).toBe(true);
    });

    it('creates an API key pair with the keyboard alone, shows its secret once, and revokes it', async () => {
      await openSection(admin, 'API keys');
      await admin.getByLabel('Label').focus();
      await admin.keyboard.type('CI');
      await admin.keyboard.press('Enter');
      const pair = await (async () => {
        await poll(() => admin.getByLabel(/^Key and secret of/).count()).toBe(1);
        return admin.getByLabel(/^Key and secret of/).inputValue();
      })();
      const basic = `Basic ${Buffer.from(pair).toString('base64')}`;
      expect((await fetch(`${server.url}/v1/settings/`, { headers: { authorization: basic } })).status).toBe(200);
      await expectAccessible(admin, 'api keys');
      await shot(admin, 'api-keys');
      // Revoke from the keyboard: the button is focused and pressed; the confirmation is accepted.
      await admin.getByRole('button', { name: 'Revoke CI' }).focus();
      await admin.keyboard.press('Enter');
      const [apiKey, apiSecret] = pair.split(':') as [string, string];
      await poll(() => admin.getByRole('row').filter({ hasText: apiKey }).textContent()).toContain('Revoked');
      expect((await fetch(`${server.url}/v1/settings/`, { headers: { authorization: basic } })).status).toBe(401);
      // Once means once: the page opened again lists the key, never its secret.
      await admin.reload();
      await poll(() => admin.getByRole('row').filter({ hasText: apiKey }).count()).toBe(1);
      expect(await admin.locator('body').textContent()).not.toContain(apiSecret);
    });

    it('changes a risk weight and saves the model; shows the screening lists read-only', async () => {
      await openSection(admin, 'Risk model');
      await admin.getByLabel('Weight of Screening').fill('40');
      await expectAccessible(admin, 'risk model');
      await shot(admin, 'risk-model');
      await admin.getByRole('button', { name: 'Save the model' }).click();
      await poll(() => admin.getByRole('status').filter({ hasText: 'Saved as version' }).count()).toBe(1);
      const model = await server.partnerCall('GET', '/v1/risk-model/');
      expect(model).toMatchObject({ isDefault: false, version: 1, factors: { screening: { weight: 40 } } });

      await openSection(admin, 'Screening lists');
      await poll(() => admin.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
      expect(await admin.getByRole('rowheader').first().textContent()).toBe('un');
      expect(await admin.getByRole('textbox').count()).toBe(0);
      await expectAccessible(admin, 'screening lists');
      await shot(admin, 'screening-lists');
    });

    it('enrols the signed-in manager in two-factor sign-in from the account menu: URI as text, code, recovery codes once', async () => {
      await admin.getByRole('link', { name: 'Account' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await admin.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
      const uri = await (async () => {
        await poll(() => admin.getByLabel('Authenticator address (otpauth)').count()).toBe(1);
        return admin.getByLabel('Authenticator address (otpauth)').inputValue();
      })();
      expect(uri).toMatch(/^otpauth:\/\/totp\//);
      const secret = new URL(uri).searchParams.get('secret')!;
      await expectAccessible(admin, 'account, enrolling');
      await shot(admin, 'account-totp');
      await admin.getByLabel('Code from the app').fill('12');
      await admin.getByRole('button', { name: 'Turn on' }).click();
      await poll(() => admin.locator('#totp-code-error').textContent()).toContain('six digits');
      await admin.getByLabel('Code from the app').fill(totpCode(secret, Date.now()));
      await admin.getByRole('button', { name: 'Turn on' }).click();
      await poll(() => admin.getByLabel('Recovery codes').count()).toBe(1);
      const codes = (await admin.getByLabel('Recovery codes').inputValue()).split('\n');
      expect(codes).toHaveLength(10);
      await expectAccessible(admin, 'account, enrolled');
      await shot(admin, 'account-recovery-codes');
      const managers = await server.partnerCall('GET', '/v1/managers/');
      expect(managers.results.find((m: { role: string }) => m.role === 'admin').totpEnabled).toBe(true);
    });

    it('stays readable at 768 px: the settings columns stack and nothing scrolls sideways', async () => {
      const page = await admin.context().newPage();
      await page.setViewportSize({ width: 768, height: 900 });
      for (const [section, heading] of [
        ['flows', 'Flows'],
        ['webhooks', 'Webhooks'],
        ['risk-model', 'Risk model'],
      ] as const) {
        await page.goto(`${server.url}/backoffice/settings/${section}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
      }
      await page.getByRole('button', { name: 'Save the model' }).waitFor();
      await expectAccessible(page, 'risk model at 768 px');
      await shot(page, 'risk-model-768');
      await page.close();
    });

    it('keeps viewers and reviewers out: no settings link, the page says so, and the API answers 403', async () => {
      for (const role of ['viewer', 'reviewer'] as const) {
        const page = await signedIn(role);
        expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).count()).toBe(0);
        await page.goto(`${server.url}/backoffice/settings/webhooks`);
        await page.getByText('Only admins manage settings.').waitFor();
        expect(await page.getByRole('navigation', { name: 'Settings' }).count()).toBe(0);
        if (role === 'viewer') {
          await expectAccessible(page, 'settings refused');
          await shot(page, 'settings-refused');
        }
        expect(await statusFromPage(page, 'GET', '/v1/webhooks/')).toBe(403);
        expect(await statusFromPage(page, 'GET', '/v1/api-keys/')).toBe(403);
        expect(await statusFromPage(page, 'POST', '/v1/api-keys/', { label: 'x' })).toBe(403);
        expect(await statusFromPage(page, 'POST', '/v1/flows/', { name: 'x' })).toBe(403);
        expect(await statusFromPage(page, 'PUT', '/v1/risk-model/', {})).toBe(403);
      }
      const keys = await server.partnerCall('GET', '/v1/api-keys/');
      expect(keys.results.map((k: { label: string | null }) => k.label)).not.toContain('x');
    });
  });
}
