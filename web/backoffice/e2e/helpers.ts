import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from '../../../test/browser.js';

/** The password every manager of the browser tests sets. */
export const PASSWORD = 'correct horse battery staple';
/** A UN-listed person (Germain KATANGA, born 1978-04-28): screening flags him. */
export const LISTED = { name: 'Germain', surname: 'Katanga', dateOfBirth: '1978-04-28', nationality: 'CD' };

/** Sets the password through the one-time link, as a new manager does; ends on the sign-in page. */
export async function setPassword(page: Page, link: string, shot?: (page: Page, name: string) => Promise<void>): Promise<void> {
  await page.goto(link);
  await page.getByRole('heading', { name: 'Set your password' }).waitFor();
  // The token leaves the address bar at once.
  expect(page.url()).not.toContain('token=');
  if (shot) {
    await expectAccessible(page, 'set-password page');
    await shot(page, 'set-password');
  }
  await page.getByLabel('New password').fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Set password' }).click();
  await page.getByText('Your password is set').waitFor();
  await page.getByRole('link', { name: 'Go to sign-in' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Cases' }).waitFor();
}

/** A call made from the page itself, with the session cookie (and the CSRF token when `withCsrf`). */
export function callFromPage(page: Page, method: string, path: string, body: unknown, withCsrf = true): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ({ method, path, body, withCsrf }) => {
      const session = await fetch('/v1/auth/session/').then((r) => r.json());
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', ...(withCsrf ? { 'x-csrf-token': session.csrfToken } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    },
    { method, path, body, withCsrf },
  );
}

/** Waits for a condition (sign-in hashes a password on purpose slowly: seconds on a loaded machine); a liveness bound, not a measurement. */
export const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

export const sessionStatus = (page: Page) => page.evaluate(() => fetch('/v1/auth/session/').then((r) => r.status));

/** Five wrong passwords in a row lock the account; then even the right one is refused, and the page says so. */
export async function lockOut(page: Page, signInUrl: string, email: string): Promise<void> {
  await page.goto(signInUrl);
  const submit = page.getByRole('button', { name: 'Sign in' });
  for (let i = 0; i < 5; i += 1) {
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(`wrong password ${i}`);
    await submit.click();
    await poll(() => submit.isEnabled()).toBe(true);
    expect(await page.getByRole('alert').textContent()).toMatch(/wrong|locked/);
  }
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await poll(() => page.getByRole('alert').textContent()).toContain('This account is locked');
}

/** Claims the open case for the signed-in reviewer, then reads the ownership graph: the listed UBO highlighted with 60 % on the edge. */
export async function claimAndReadGraph(page: Page, reviewerName: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Claim (assign to me)' }).click();
  await page.getByText(`Assigned to ${reviewerName}`).waitFor();
  const graph = page.locator('svg.ownership-graph');
  await graph.scrollIntoViewIfNeeded();
  expect(await graph.locator('.node.ubo').textContent()).toContain('Germain Katanga');
  expect(await graph.locator('.edge:not(.remainder) .edge-label').allTextContents()).toEqual(['60%']);
  return graph;
}

/** Each page in its own browser context (its own cookies: one signed-in manager each), kept in `contexts` for closing. */
export function pageOpener(browser: () => Browser, contexts: BrowserContext[]): (width?: number) => Promise<Page> {
  return async (width = 1280) => {
    const context = await browser().newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    return page;
  };
}
