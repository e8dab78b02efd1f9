import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { sha256Hex } from '../src/core/crypto.js';
import type { RouteEntry } from '../src/http/route-table.js';
import { api } from './api.js';
import { pdfDocument } from './files.js';
import { describeEachDialect, type Harness, type TestPartner } from './harness.js';
import { startSession, type Session } from './kyb.js';
import { validArbitrary, type JsonSchema } from './schema-arbitrary.js';
import { importUn } from './screening-cases.js';
import { objectFor, seedTenant, type Tenant } from './tenant.js';
import { signedInManager, type SignedIn } from './managers.js';
import { hasRole, MANAGER_ROLES, type ManagerRole } from '../src/core/managers/roles.js';
import { requiredRole } from '../src/http/route-schemas.js';

/**
 * Every route of the app's route table (recorded as routes are added, not listed here) is
 * called with the victim's ids and the wrong credentials. A new route is covered on its own;
 * one the test cannot build a request for fails it, as does a public route not listed below.
 */
const CANARY = 'CANARY-7f3a9c';

/** Routes without credentials, and why that is right. Anything else public fails the test. */
const PUBLIC: Record<string, string> = {
  'GET /livez': 'liveness probe, no data',
  'GET /healthz': 'readiness probe, no data',
  'GET /metrics': 'Prometheus metrics: route patterns and counts, no tenant data',
  'GET /openapi.json': 'the published API contract',
  'GET /docs': 'API documentation',
  'GET /docs/': 'API documentation',
  'GET /docs/static/index.html': 'API documentation',
  'GET /docs/static/swagger-initializer.js': 'API documentation',
  'GET /docs/*': 'API documentation assets',
  'GET /docs/static/*': 'API documentation assets',
  'GET /form/assets/*': "the hosted form's hashed static assets",
  'GET /favicon.ico': 'the site icon, the same bytes for everyone',
  'GET /docs/json': 'the published API contract',
  'GET /docs/yaml': 'the published API contract',
  'GET /docs/errors': 'error identifiers',
  'GET /welcome': 'the hosted form page; it reads the token from its URL in the browser',
  'GET /*': "a web app's hashed static assets",
  'GET /backoffice': 'redirects to /backoffice/',
  'GET /backoffice/': 'the back-office page; its API calls carry the session cookie',
  'GET /backoffice/*': 'the back-office page for each of its client-side routes; no data',
  'GET /backoffice/assets/*': "the back office's hashed static assets",
  'GET /v1/files/:hash': 'signed, expiring download links: the signature is the credential (checked below)',
  'GET /v1/theme-logos/:file': "a theme's logo: a public brand image the hosted form shows before any sign-in",
  'POST /v1/auth/sign-in/': "a manager's sign-in: the e-mail and password are the credential",
  'POST /v1/auth/password/': 'setting a password from a one-time link: the token is the credential',
};

interface Attack {
  name: string;
  auth: string | null;
  headers?: Record<string, string>;
  expect: number | 'own-data';
}

function attacksFor(route: RouteEntry, hasIds: boolean, w: World): Attack[] {
  const basic = (user: string) => `Basic ${Buffer.from(`${user}:x`).toString('base64')}`;
  const crossTenant = hasIds ? 404 : 'own-data';
  const attacks: Attack[] = [
    { name: 'no credentials', auth: null, expect: 401 },
    { name: "the victim's key pair sent as Bearer", auth: `Bearer ${w.victim.partner.auth.slice('Basic '.length)}`, expect: 401 },
    { name: "the victim's token sent as Basic", auth: basic(w.victim.open.token), expect: 401 },
    { name: 'an unknown scheme', auth: `Token ${w.victim.open.token}`, expect: 401 },
  ];
  const partnerAllowed = route.auth === 'partner' || route.auth === 'either';
  const tokenAllowed = route.auth === 'token' || route.auth === 'either';
  attacks.push({ name: "another partner's key pair", auth: w.attacker.auth, expect: partnerAllowed ? crossTenant : 401 });
  attacks.push({ name: "another partner's token", auth: w.attackerSession.bearer, expect: tokenAllowed ? crossTenant : 401 });
  attacks.push({ name: "another company's token (same partner)", auth: w.sibling.bearer, expect: tokenAllowed ? crossTenant : 401 });
  if (route.auth === 'partner') attacks.push({ name: "the victim's own token (Bearer where Basic is needed)", auth: w.victim.open.bearer, expect: 401 });
  if (route.auth === 'token') attacks.push({ name: "the victim's own key pair (Basic where Bearer is needed)", auth: w.victim.partner.auth, expect: 401 });
  if (route.auth === 'manager')
    attacks.push({ name: "the victim's own key pair (Basic where the session cookie is needed)", auth: w.victim.partner.auth, expect: 401 });
  // Another partner's admin, signed in to the back office (with its CSRF token).
  if (route.auth !== 'manager') {
    attacks.push({ name: "another partner's admin session", auth: null, headers: w.attackerAdmin.write, expect: partnerAllowed ? crossTenant : 401 });
  }
  return attacks;
}

interface World {
  victim: Tenant;
  attacker: TestPartner;
  attackerSession: Session;
  attackerAdmin: SignedIn;
  sibling: Session;
}

function sample(schema: unknown): unknown {
  return fc.sample(validArbitrary(schema as JsonSchema), { seed: 11, numRuns: 1 })[0];
}

/** The URL with the victim's ids, and a schema-valid body and query, or the reason it cannot be built. */
function buildRequest(route: RouteEntry, w: World): { url: string; body: unknown; hasIds: boolean } | { error: string } {
  let hasIds = false;
  let url = route.url;
  for (const [, param] of route.url.matchAll(/:(\w+)/g)) {
    const value = objectFor(w.victim, route.url, param!);
    if (value === undefined) return { error: `no victim object for :${param}: add it to objectFor() in test/tenant.ts` };
    url = url.replace(`:${param}`, encodeURIComponent(value));
    hasIds = true;
  }
  const query = route.schema?.querystring as JsonSchema | undefined;
  if (query?.required?.length) {
    const values = sample(query) as Record<string, unknown>;
    url += `?${new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)]))}`;
  }
  const body = route.schema?.body ? sample(route.schema.body) : undefined;
  return { url, body, hasIds };
}

const leaks = (res: { text: string; headers: Record<string, unknown> }) => res.text.includes(CANARY) || JSON.stringify(res.headers).includes(CANARY);

/** What the victim sees of its own data, to prove the attacks changed nothing. */
async function victimView(h: Harness, v: Tenant): Promise<unknown[]> {
  const call = api(h).call;
  const form = `/kyb/forms/${v.open.companyId}/`;
  const urls = [
    form,
    `${form}beneficiaries/`,
    `${form}documents/`,
    `${form}beneficiaries/${v.ids.beneficiaryId}/documents/`,
    `${form}questionnaires/${v.ids.formQuestionnaireId}/answers/`,
    '/v1/flows/',
    '/v1/themes/',
    '/v1/questionnaires/',
    '/v1/settings/',
    '/v1/webhooks/',
    `/v1/webhooks/deliveries/${v.ids.deliveryId}/`,
    `/v1/companies/${v.submitted.companyId}/screening/`,
    '/api/v2/gov-ordered-documents/',
    `/api/v2/gov-ordered-documents/${v.ids.govOrderId}/`,
    '/api/v2/sos-filing-documents/',
    `/api/v2/sos-filing-documents/${v.ids.sosReportId}/`,
    '/api/v2/registry-center-checks/',
  ];
  const views: unknown[] = [];
  for (const url of urls) {
    const res = await call('GET', url, v.partner.auth);
    views.push({ url, status: res.status, json: res.json });
  }
  views.push({ info: (await api(h).info(v.open.token)).status });
  return views;
}

describeEachDialect('route matrix: cross-tenant, credential-less and wrong-kind requests', (h) => {
  let w: World;
  let before: unknown[];
  beforeAll(async () => {
    await importUn(h());
    await h().screening.reload();
    const victim = await seedTenant(h(), CANARY);
    const attacker = await h().partner('Attacker');
    w = {
      victim,
      attacker,
      attackerSession: await startSession(h(), { partner: attacker, flow: null }),
      attackerAdmin: await signedInManager(h(), attacker, 'admin'),
      sibling: await startSession(h(), { partner: victim.partner, flow: null }),
    };
    before = await victimView(h(), victim);
  }, 120_000);

  it("walks the app's own route table, which holds every operation", () => {
    const table = h().app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(table.length).toBeGreaterThan(70);
    expect(table).toEqual(expect.arrayContaining(['DELETE /v1/tokens/:id/', 'POST /kyb/forms/:id/submit/', 'GET /kyb/info/']));
  });

  it("answers 401 or 404 with none of the victim's data, on every route and for every wrong credential", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of h().app.routeTable) {
      const name = `${route.method} ${route.url}`;
      if (route.auth === 'none') {
        if (!PUBLIC[name]) failures.push(`${name}: public route not in PUBLIC (justify it there, or declare its auth)`);
        continue;
      }
      const built = buildRequest(route, w);
      if ('error' in built) {
        failures.push(`${name}: ${built.error}`);
        continue;
      }
      for (const attack of attacksFor(route, built.hasIds, w)) {
        const res = await api(h()).call(route.method, built.url, attack.auth, built.body, attack.headers);
        checked++;
        // Without the victim's ids the caller acts on its own data: any answer but a 5xx, without canaries.
        const statusOk = attack.expect === 'own-data' ? res.status < 500 : res.status === attack.expect;
        if (!statusOk) failures.push(`${name} with ${attack.name}: ${res.status} (want ${attack.expect}) ${res.text.slice(0, 200)}`);
        if (leaks(res)) failures.push(`${name} with ${attack.name}: the body holds the victim's canary`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it("serves public routes without the victim's data, and files only through a valid signature", async () => {
    const failures: string[] = [];
    const hash = sha256Hex(pdfDocument(`${CANARY} certificate`));
    for (const route of h().app.routeTable.filter((r) => r.auth === 'none')) {
      const url = route.url.replace(':hash', hash).replace('*', 'index.js');
      for (const auth of [null, w.attacker.auth, w.attackerSession.bearer]) {
        const res = await api(h()).call(route.method, url, auth);
        if (res.status >= 500 || leaks(res)) failures.push(`${route.method} ${url}: ${res.status}${leaks(res) ? ' with the canary' : ''}`);
      }
    }
    const forged = await api(h()).call(
      'GET',
      `/v1/files/${hash}?type=application/pdf&expires=${h().clock.now() + 60_000}&signature=${'0'.repeat(64)}`,
      w.attacker.auth,
    );
    expect(forged.status).toBe(404);
    expect(leaks(forged)).toBe(false);
    expect(failures).toEqual([]);
  });

  it("answers 405 to a method a path does not have, before looking at anything of the victim's", async () => {
    const failures: string[] = [];
    const byUrl = new Map<string, Set<string>>();
    for (const r of h().app.routeTable) byUrl.set(r.url, (byUrl.get(r.url) ?? new Set()).add(r.method));
    for (const [pattern, methods] of byUrl) {
      if (!pattern.includes(':')) continue;
      const built = buildRequest({ method: 'GET', url: pattern, auth: 'partner', schema: undefined }, w);
      if ('error' in built) continue; // public patterns (:hash); reported by the test above
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !methods.has(m))) {
        const res = await api(h()).call(method, built.url, w.attacker.auth);
        if (res.status !== 405 || leaks(res)) failures.push(`${method} ${pattern}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('left every object of the victim as it was', async () => {
    expect(await victimView(h(), w.victim)).toEqual(before);
  });

  it("walks every partner route with a viewer's, an auditor's, a reviewer's and an admin's session: 403 below the declared role, served at or above it", async () => {
    // Four sessions times every partner route: about 40 s on a loaded two-core machine, so a
    // liveness bound of its own rather than the default 30 s (not a measurement).
    // A tenant of its own: admins delete things here. Deletions run last, so every other
    // route still finds its objects.
    const tenant = await seedTenant(h(), 'ROLES');
    const sessions = new Map<ManagerRole, SignedIn>();
    for (const role of MANAGER_ROLES) sessions.set(role, await signedInManager(h(), tenant.partner, role));
    const world = { ...w, victim: tenant };
    const routes = h()
      .app.routeTable.filter((r) => r.auth === 'partner' || r.auth === 'either')
      .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    expect(routes.length).toBeGreaterThan(60);
    const failures: string[] = [];
    const refusedBy = new Map<ManagerRole, number>();
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      const needed = requiredRole(route.method, { auth: route.auth, ...(route.role ? { role: route.role } : {}) });
      const built = buildRequest(route, world);
      if ('error' in built || !needed) {
        failures.push(`${name}: ${'error' in built ? built.error : 'no role'}`);
        continue;
      }
      for (const role of MANAGER_ROLES) {
        const session = sessions.get(role)!;
        const res = await api(h()).call(route.method, built.url, null, built.body, session.write);
        const allowed = hasRole(role, needed);
        // Any manager may set its own `away`; changing another manager needs an admin, which the verb checks.
        const selfService = name === 'PATCH /v1/managers/:id/' && role !== 'admin';
        if (!allowed || selfService) refusedBy.set(role, (refusedBy.get(role) ?? 0) + 1);
        if (selfService ? ![200, 403].includes(res.status) : allowed ? res.status === 403 || res.status === 401 || res.status >= 500 : res.status !== 403) {
          failures.push(`${name} as ${role} (needs ${needed}): ${res.status} ${res.text.slice(0, 160)}`);
        }
        if (!allowed && res.json?.identifier !== 'FORBIDDEN') failures.push(`${name} as ${role}: not FORBIDDEN`);
        if (!allowed && !String(res.json?.message).includes(`needs the ${needed} role`))
          failures.push(`${name} as ${role}: the message does not name the role`);
      }
    }
    expect(failures).toEqual([]);
    expect(refusedBy.get('admin')).toBeUndefined();
    expect(refusedBy.get('viewer')).toBeGreaterThan(refusedBy.get('reviewer') ?? 0);
    // Four sessions times every partner route: about 22 s alone, past 30 s on a loaded machine.
  }, 180_000);
});
