import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, expectAccessible, launchChromium, screenshotFolder } from '../../../test/browser.js';
import { pngImage } from '../../../test/files.js';
import { DIALECTS } from '../../../test/harness.js';
import { signedInPage, startBackofficeServer, type BackofficeServer } from './server.js';

/** Waits for what the page shows after a server round trip; a liveness bound, not a measurement. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

/** The natural width of the first image in `scope` once the browser decoded it (0 while it has not). */
const decodedWidth = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));

for (const dialect of DIALECTS) {
  describe(`files in the back office: audited previews, theme logos [${dialect}]`, () => {
    let server: BackofficeServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    let admin: Page;
    const files = mkdtempSync(path.join(tmpdir(), 'openkyb-logo-'));
    const shot = screenshotFolder(dialect === 'sqlite' ? 'backoffice/files' : `backoffice/files/${dialect}`);

    beforeAll(async () => {
      server = await startBackofficeServer(dialect);
      browser = await launchChromium();
      ({ page: admin } = await signedInPage(server, browser, contexts, {
        email: 'logo-admin@example.com',
        name: 'Logo',
        surname: 'Admin',
        role: 'admin',
        password: 'a logo test password',
      }));
    });

    afterAll(async () => {
      await closeAll(...contexts, browser, server);
      rmSync(files, { recursive: true, force: true });
    });

    it("shows a manager's preview of a case's documents in the case's audit timeline, with who and in words", async () => {
      const companyId = await server.submitCompany({ companyName: 'Preview Ltd', registrationNumber: 'P-1' }, { name: 'Ona', surname: 'Preview' });
      await admin.goto(`${server.url}/backoffice/cases/${companyId}`);
      await poll(() => decodedWidth(admin, '.case-section img')).toBeGreaterThan(0);
      const timeline = admin.locator('.timeline li');
      // The trail is read with the case; the previews that followed are in it on the next load.
      await admin.reload();
      await poll(() => timeline.filter({ hasText: 'Viewed or downloaded a document' }).count()).toBeGreaterThan(0);
      const entry = await timeline.filter({ hasText: 'Viewed or downloaded a document' }).first().textContent();
      expect(entry).toContain('Logo Admin');
      expect(entry).not.toContain('.png');
      await shot(admin, 'case-timeline-downloads');
    });

    it('refuses an SVG, then uploads a PNG that the preview and, once saved, the hosted form header show', async () => {
      await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await admin.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Themes' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Themes' }).waitFor();
      await admin.getByRole('button', { name: 'New theme' }).click();
      await admin.getByRole('textbox', { name: /^Name/ }).fill('Logo brand');
      await admin.getByLabel('Company name on the form').fill('Logo Ltd');

      // An SVG renamed .png: refused by its content, with the server's reason, and the draft keeps no logo.
      const svg = path.join(files, 'logo.png');
      writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      await admin.getByLabel('Upload a logo').setInputFiles(svg);
      await poll(() => admin.getByRole('alert').filter({ hasText: 'SVG is refused' }).count()).toBe(1);
      expect(await admin.getByLabel('Logo address').inputValue()).toBe('');

      const png = path.join(files, 'brand.png');
      writeFileSync(png, pngImage(48, 16, [11, 83, 148]));
      await admin.getByLabel('Upload a logo').setInputFiles(png);
      await poll(() => admin.getByRole('status').filter({ hasText: 'Logo uploaded' }).count()).toBe(1);
      const url = await admin.getByLabel('Logo address').inputValue();
      expect(url).toMatch(new RegExp(`^${server.url}/v1/theme-logos/[0-9a-f]{64}\\.png$`));
      await poll(() => decodedWidth(admin, '.theme-preview img')).toBe(48);
      await expectAccessible(admin, 'themes with an uploaded logo');
      await shot(admin, 'theme-logo-preview');

      await admin.getByRole('button', { name: 'Save' }).click();
      await poll(() => admin.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
      const [theme] = await server.partnerCall('GET', '/v1/themes/');
      expect(theme).toMatchObject({ name: 'Logo brand', logo: url });

      const token = (await server.partnerCall('POST', '/kyb/tokens/', { tokenType: 'FORM', clientId: 'logo-e2e', theme: theme.id, locale: 'en' })).tokenString;
      const form = await contexts[0]!.newPage();
      await form.goto(`${server.url}/welcome?authToken=${token}`);
      await poll(() => decodedWidth(form, 'header img.logo')).toBe(48);
      expect(await form.locator('header img.logo').getAttribute('src')).toBe(url);
      await shot(form, 'hosted-form-logo');
    });
  });
}
