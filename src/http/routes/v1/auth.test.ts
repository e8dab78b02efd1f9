import { beforeAll, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/crypto.js';
import { totpCode } from '../../../core/managers/totp.js';
import { api } from '../../../../test/api.js';
import { submittedCompany } from '../../../../test/companies.js';
import { describeEachDialect, type TestPartner } from '../../../../test/harness.js';
import { cookieOf, managerWithPassword, PASSWORD, sessionHeaders, signedInManager, signIn } from '../../../../test/managers.js';

const MINUTE = 60_000;

describeEachDialect('back-office sign-in, sessions, CSRF and two-factor sign-in', (h) => {
  let partner: TestPartner;
  beforeAll(async () => {
    partner = await h().partner('Back office');
  });

  it('signs in with HttpOnly SameSite=Strict cookie, answers the session, and stores neither password nor cookie in clear', async () => {
    const manager = await managerWithPassword(h(), partner, 'reviewer', 'Rita@Example.com'.toLowerCase());
    const res = await signIn(h(), 'RITA@example.com ');
    expect(res.status, res.text).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/^openkyb_session=\w{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(res.json).toEqual({
      manager: { id: manager.id, name: 'reviewer', surname: 'Tester', email: 'rita@example.com', role: 'reviewer' },
      csrfToken: expect.stringMatching(/^[0-9a-f]{64}$/),
      expiresAt: new Date(h().clock.now() + 12 * 60 * MINUTE).toISOString(),
      idleExpiresAt: new Date(h().clock.now() + 30 * MINUTE).toISOString(),
    });
    const cookie = cookieOf(res.headers['set-cookie']);
    const session = await api(h()).call('GET', '/v1/auth/session/', null, undefined, sessionHeaders(cookie, '').read);
    expect(session.status).toBe(200);
    expect(session.json.csrfToken).toBe(res.json.csrfToken);

    const db = h().database.db;
    const row = await db.selectFrom('managers').selectAll().where('id', '=', manager.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
    const sessions = await db.selectFrom('manager_sessions').selectAll().where('manager_id', '=', manager.id).execute();
    expect(sessions.map((s) => s.id)).toEqual([sha256Hex(cookie)]);
    expect(JSON.stringify(sessions)).not.toContain(cookie);
    expect(row.last_sign_in_at).toBe(h().clock.now());
  });

  it('gives the same 401 for an unknown e-mail, a wrong password, a disabled account and one without a password', async () => {
    const manager = await managerWithPassword(h(), partner, 'viewer');
    await h()
      .database.db.insertInto('managers')
      .values({ partner_id: partner.partnerId, email: 'nopass@example.com', name: 'N', surname: 'P', created_at: 0 })
      .execute();
    const answers = [
      await signIn(h(), 'nobody@example.com'),
      await signIn(h(), manager.email, 'wrong password!!'),
      await signIn(h(), 'nopass@example.com', PASSWORD),
    ];
    await h().database.db.updateTable('managers').set({ disabled_at: 1 }).where('id', '=', manager.id).execute();
    answers.push(await signIn(h(), manager.email));
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.json).toEqual(answers[0]!.json);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['www-authenticate']).toBeUndefined();
    }
    expect(answers[0]!.json).toMatchObject({ identifier: 'SIGN_IN_FAILED', message: 'E-mail, password or code is wrong.' });
  });

  it('locks the account after 5 failures in a row for 15 minutes, even for the right password, then lets it in', async () => {
    const manager = await managerWithPassword(h(), partner, 'reviewer');
    for (let i = 0; i < 4; i++) expect((await signIn(h(), manager.email, 'wrong password!!')).status).toBe(401);
    const fifth = await signIn(h(), manager.email, 'wrong password!!');
    expect(fifth.status).toBe(423);
    const until = new Date(h().clock.now() + 15 * MINUTE).toISOString();
    expect(fifth.json).toMatchObject({ identifier: 'ACCOUNT_LOCKED', message: `Too many failed sign-ins: the account is locked until ${until}.` });
    expect((await signIn(h(), manager.email)).status).toBe(423);
    h().clock.advance(15 * MINUTE - 1);
    expect((await signIn(h(), manager.email)).status).toBe(423);
    h().clock.advance(1);
    expect((await signIn(h(), manager.email)).status).toBe(200);
    // A success resets the count: four more failures do not lock.
    for (let i = 0; i < 4; i++) expect((await signIn(h(), manager.email, 'wrong password!!')).status).toBe(401);
    expect((await signIn(h(), manager.email)).status).toBe(200);
    const locked = await h()
      .database.db.selectFrom('audit_logs')
      .select('details')
      .where('partner_id', '=', partner.partnerId)
      .where('action', '=', 'MANAGER_LOCKED')
      .execute();
    expect(locked.map((r) => JSON.parse(r.details))).toEqual([{ managerId: manager.id, failures: 5 }]);
  });

  it('locks an e-mail without an account exactly as an account, so the lock-out tells no one which e-mails have one', async () => {
    const manager = await managerWithPassword(h(), partner, 'reviewer');
    const answers = async (email: string) => {
      const seen = [];
      for (let i = 0; i < 6; i++) seen.push(await signIn(h(), email, 'wrong password!!'));
      return seen.map((res) => ({ status: res.status, body: res.json }));
    };
    const known = await answers(manager.email);
    const unknown = await answers('no-account@example.com');
    expect(unknown).toEqual(known);
    expect(unknown.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    h().clock.advance(15 * MINUTE);
    expect((await signIn(h(), 'no-account@example.com', 'wrong password!!')).status).toBe(401);
    // Kept as a keyed hash only, and forgotten after a day without a failure.
    const rows = await h().database.db.selectFrom('sign_in_misses').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('no-account');
    h().clock.advance(24 * 60 * MINUTE + 1);
    await signIn(h(), 'other@example.com', 'wrong password!!');
    expect((await h().database.db.selectFrom('sign_in_misses').select('failures').execute()).map((r) => Number(r.failures))).toEqual([1]);
  });

  it('ends a session after 30 idle minutes, and after 12 hours however busy', async () => {
    const idle = await signedInManager(h(), partner, 'viewer');
    const get = (headers: Record<string, string>) => api(h()).call('GET', '/v1/auth/session/', null, undefined, headers);
    h().clock.advance(29 * MINUTE);
    expect((await get(idle.read)).status).toBe(200);
    h().clock.advance(29 * MINUTE);
    expect((await get(idle.read)).status).toBe(200);
    h().clock.advance(30 * MINUTE);
    const expired = await get(idle.read);
    expect(expired.status).toBe(401);
    expect(expired.json.identifier).toBe('UNAUTHORIZED');
    expect(expired.headers['www-authenticate']).toBeUndefined();

    const busy = await signedInManager(h(), partner, 'viewer');
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      h().clock.advance(20 * MINUTE);
      expect((await get(busy.read)).status).toBe(200);
    }
    h().clock.advance(20 * MINUTE);
    expect((await get(busy.read)).status).toBe(401);
    expect((await api(h()).call('GET', '/kyb/companies/', null, undefined, busy.read)).status).toBe(401);
  });

  it('signs out on the server: the old cookie is refused afterwards, and the cookie is cleared', async () => {
    const m = await signedInManager(h(), partner, 'reviewer');
    expect((await api(h()).call('GET', '/kyb/companies/', null, undefined, m.read)).status).toBe(200);
    expect((await api(h()).call('POST', '/v1/auth/sign-out/', null, undefined, m.read)).status).toBe(403);
    const out = await api(h()).call('POST', '/v1/auth/sign-out/', null, undefined, m.write);
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^openkyb_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);
    const row = await h().database.db.selectFrom('manager_sessions').select('ended_at').where('id', '=', sha256Hex(m.cookie)).executeTakeFirstOrThrow();
    expect(row.ended_at).toBe(h().clock.now());
    expect((await api(h()).call('GET', '/kyb/companies/', null, undefined, m.read)).status).toBe(401);
    expect((await api(h()).call('GET', '/v1/auth/session/', null, undefined, m.read)).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the right CSRF token (403), changing nothing', async () => {
    const m = await signedInManager(h(), partner, 'reviewer');
    const s = await submittedCompany(h(), { partner });
    const url = `/v1/companies/${s.companyId}/comments/`;
    for (const headers of [
      m.read,
      { ...m.read, 'x-csrf-token': '' },
      { ...m.read, 'x-csrf-token': '0'.repeat(64) },
      { ...m.read, 'x-csrf-token': m.csrfToken.toUpperCase() },
    ]) {
      const res = await api(h()).call('POST', url, null, { content: 'forged' }, headers);
      expect(res.status).toBe(403);
      expect(res.json.identifier).toBe('CSRF_FAILED');
    }
    // Another session's token does not fit this session.
    const other = await signedInManager(h(), partner, 'reviewer');
    expect((await api(h()).call('POST', url, null, { content: 'forged' }, { ...m.read, 'x-csrf-token': other.csrfToken })).status).toBe(403);
    expect((await api(h()).call('GET', url, partner.auth)).json).toEqual([]);
    const ok = await api(h()).call('POST', url, null, { content: 'by a manager' }, m.write);
    expect(ok.status).toBe(201);
    expect(ok.json.manager).toEqual({ id: m.id, name: 'reviewer', surname: 'Tester', email: m.email });
    // A key pair needs no CSRF token, and a Basic header wins over a cookie.
    expect((await api(h()).call('POST', url, partner.auth, { content: 'by the backend' }, m.read)).status).toBe(201);
    const comments = await api(h()).call('GET', url, partner.auth);
    expect(comments.json.map((c: { manager: { id: number } | null }) => c.manager?.id ?? 0).sort()).toEqual([0, m.id]);
  });

  it('enrols TOTP, then needs a code at sign-in, accepts each recovery code once, and turns off with a code', async () => {
    const m = await signedInManager(h(), partner, 'reviewer');
    const call = api(h()).call;
    expect((await call('POST', '/v1/auth/totp/', null, undefined, m.read)).status).toBe(403);
    const started = await call('POST', '/v1/auth/totp/', null, undefined, m.write);
    expect(started.status).toBe(200);
    const secret: string = started.json.secret;
    expect(started.json.otpauthUrl).toBe(
      `otpauth://totp/OpenKYB:${encodeURIComponent(m.email)}?secret=${secret}&issuer=OpenKYB&algorithm=SHA1&digits=6&period=30`,
    );
    const row = await h().database.db.selectFrom('managers').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(row.totp_secret).toMatch(/^v1:/);
    expect(row.totp_secret).not.toContain(secret);
    // Not yet on: a password alone still signs in.
    expect((await signIn(h(), m.email)).status).toBe(200);

    expect((await call('POST', '/v1/auth/totp/confirm/', null, { code: '000000' }, m.write)).status).toBe(400);
    const confirmed = await call('POST', '/v1/auth/totp/confirm/', null, { code: totpCode(secret, h().clock.now()) }, m.write);
    expect(confirmed.status).toBe(200);
    const codes: string[] = confirmed.json.recoveryCodes;
    expect(codes).toHaveLength(10);
    const stored = await h().database.db.selectFrom('manager_recovery_codes').select('code_hash').where('manager_id', '=', m.id).execute();
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace('-', ''));

    const required = await signIn(h(), m.email);
    expect(required.status).toBe(401);
    expect(required.json.identifier).toBe('TOTP_REQUIRED');
    expect(required.headers['set-cookie']).toBeUndefined();
    expect((await signIn(h(), m.email, PASSWORD, { totp: '123456' })).json.identifier).toBe('SIGN_IN_FAILED');
    // The code just used to confirm cannot be replayed; the next step's code works once.
    expect((await signIn(h(), m.email, PASSWORD, { totp: totpCode(secret, h().clock.now()) })).status).toBe(401);
    h().clock.advance(30_000);
    const code = totpCode(secret, h().clock.now());
    expect((await signIn(h(), m.email, PASSWORD, { totp: code })).status).toBe(200);
    expect((await signIn(h(), m.email, PASSWORD, { totp: code })).status).toBe(401);
    expect((await signIn(h(), m.email, 'wrong password!!', { totp: totpCode(secret, h().clock.now() + 30_000) })).status).toBe(401);

    const viaRecovery = await signIn(h(), m.email, PASSWORD, { recoveryCode: codes[3]!.toUpperCase() });
    expect(viaRecovery.status).toBe(200);
    expect((await signIn(h(), m.email, PASSWORD, { recoveryCode: codes[3]! })).json.identifier).toBe('SIGN_IN_FAILED');

    const fresh = sessionHeaders(cookieOf(viaRecovery.headers['set-cookie']), viaRecovery.json.csrfToken);
    h().clock.advance(30_000);
    expect((await call('DELETE', '/v1/auth/totp/', null, { code: '000000' }, fresh.write)).status).toBe(400);
    expect((await call('DELETE', '/v1/auth/totp/', null, { code: totpCode(secret, h().clock.now()) }, fresh.write)).status).toBe(204);
    expect((await signIn(h(), m.email)).status).toBe(200);
    expect(await h().database.db.selectFrom('manager_recovery_codes').select('code_hash').where('manager_id', '=', m.id).execute()).toEqual([]);
  });

  it('sets a password from a one-time link only once, only before it expires, and only 12 to 256 characters', async () => {
    const { createManager } = await import('../../../core/managers/create-manager.js');
    const { tokenOf } = await import('../../../../test/managers.js');
    const created = await createManager({ ctx: partner.ctx, input: { email: 'link@example.com', name: 'L', surname: 'K', role: 'viewer' } });
    const token = tokenOf(created.setPasswordUrl);
    expect(created.setPasswordUrl).toBe(`http://openkyb.test/backoffice/set-password#token=${token}`);
    const call = api(h()).call;
    expect((await call('POST', '/v1/auth/password/', null, { token, password: 'short' })).status).toBe(400);
    expect((await call('POST', '/v1/auth/password/', null, { token: 'x'.repeat(40), password: PASSWORD })).status).toBe(404);
    expect((await call('POST', '/v1/auth/password/', null, { token, password: PASSWORD })).status).toBe(204);
    expect((await call('POST', '/v1/auth/password/', null, { token, password: 'another password!' })).status).toBe(404);
    expect((await signIn(h(), 'link@example.com')).status).toBe(200);

    const { resetManager } = await import('../../../core/managers/reset-manager.js');
    const reset = await resetManager({ ctx: partner.ctx, id: created.id });
    h().clock.advance(24 * 60 * MINUTE);
    expect((await call('POST', '/v1/auth/password/', null, { token: tokenOf(reset.setPasswordUrl), password: 'another password!' })).status).toBe(404);
  });
});

describeEachDialect(
  'back-office cookie behind https',
  (h) => {
    it('marks the session cookie Secure', async () => {
      const m = await managerWithPassword(h(), await h().partner(), 'viewer');
      const res = await signIn(h(), m.email);
      expect(String(res.headers['set-cookie'])).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    });
  },
  { publicUrl: 'https://kyb.example.com' },
);
