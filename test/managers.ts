import { beforeAll } from 'vitest';
import { createManager } from '../src/core/managers/create-manager.js';
import type { ManagerRole } from '../src/core/managers/roles.js';
import { api } from './api.js';
import type { Harness, TestPartner } from './harness.js';

export const PASSWORD = 'correct horse battery staple';

export interface SignedIn {
  id: number;
  email: string;
  role: ManagerRole;
  cookie: string;
  csrfToken: string;
  /** Headers of a GET with the session. */
  read: Record<string, string>;
  /** Headers of a write with the session (cookie and CSRF token). */
  write: Record<string, string>;
}

export function tokenOf(setPasswordUrl: string): string {
  const token = /#token=(\w+)$/.exec(setPasswordUrl)?.[1];
  if (!token) throw new Error(`no token in ${setPasswordUrl}`);
  return token;
}

export function cookieOf(setCookie: unknown): string {
  const value = /openkyb_session=(\w+)/.exec(String(setCookie))?.[1];
  if (!value) throw new Error(`no session cookie in ${String(setCookie)}`);
  return value;
}

/** A manager of the partner with a password set through its one-time link (not signed in). */
export async function managerWithPassword(
  h: Harness,
  partner: TestPartner,
  role: ManagerRole,
  email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`,
) {
  const created = await createManager({ ctx: partner.ctx, input: { email, name: role, surname: 'Tester', role } });
  const set = await api(h).call('POST', '/v1/auth/password/', null, { token: tokenOf(created.setPasswordUrl), password: PASSWORD });
  if (set.status !== 204) throw new Error(`set password: ${set.status} ${set.text}`);
  return { id: created.id, email, role };
}

export async function signIn(h: Harness, email: string, password = PASSWORD, extra: Record<string, string> = {}) {
  return api(h).call('POST', '/v1/auth/sign-in/', null, { email, password, ...extra });
}

export function sessionHeaders(cookie: string, csrfToken: string) {
  return { read: { cookie: `openkyb_session=${cookie}` }, write: { cookie: `openkyb_session=${cookie}`, 'x-csrf-token': csrfToken } };
}

/** A manager of the partner, signed in. */
export async function signedInManager(h: Harness, partner: TestPartner, role: ManagerRole): Promise<SignedIn> {
  const manager = await managerWithPassword(h, partner, role);
  const res = await signIn(h, manager.email);
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${res.text}`);
  const cookie = cookieOf(res.headers['set-cookie']);
  return { ...manager, cookie, csrfToken: res.json.csrfToken, ...sessionHeaders(cookie, res.json.csrfToken) };
}

/**
 * For a describe of admin-only routes: a new partner and its signed-in admin, made before its
 * tests (read them in the tests, as `the.partner` and `the.admin`).
 */
export function withPartnerAdmin(h: () => Harness, name: string): { partner: TestPartner; admin: SignedIn } {
  const the = {} as { partner: TestPartner; admin: SignedIn };
  beforeAll(async () => {
    the.partner = await h().partner(name);
    the.admin = await signedInManager(h(), the.partner, 'admin');
  });
  return the;
}
