import { expect, it } from 'vitest';
import { api } from '../../../test/api.js';
import { describeEachDialect } from '../../../test/harness.js';

describeEachDialect('system endpoints', (h) => {
  it('reports health with the database dialect, and liveness', async () => {
    expect((await api(h()).call('GET', '/healthz', null)).json).toEqual({ status: 'ok', database: h().dialect });
    expect((await api(h()).call('GET', '/livez', null)).json).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3.1 document of the token API and the management API', async () => {
    const doc = (await api(h()).call('GET', '/openapi.json', null)).json;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/kyb/tokens/',
        '/kyb/tokens/{tokenString}/',
        '/kyb/info/',
        '/v1/flows/',
        '/v1/flows/{id}/',
        '/v1/themes/',
        '/v1/questionnaires/',
        '/v1/settings/',
      ]),
    );
    expect(doc.paths['/kyb/tokens/'].post.requestBody.content['application/json'].schema.required).toEqual(['tokenType', 'clientId']);
    expect(doc.paths['/kyb/tokens/'].post.security).toEqual([{ apiKeyPair: [] }, { managerSession: [] }]);
    expect(doc.components.securitySchemes.kybTokenAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.managerSession).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'openkyb_session' });
    const docs = await h().app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
    // The page runs only its own scripts and cannot be framed or sniffed into another type.
    expect(docs.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer' });
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'\s*;/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it("derives each operation's security and 401 from the auth its route declares, with a unique operationId", async () => {
    const doc = (await api(h()).call('GET', '/openapi.json', null)).json;
    const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(40);
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const byId = Object.fromEntries(operations.map((o) => [o.op.operationId, o]));
    expect(byId.kybFormsRetrieve.op.security).toEqual([{ kybTokenAuth: [] }, { apiKeyPair: [] }, { managerSession: [] }]);
    expect(byId.v1WebhooksRetrieve).toMatchObject({
      path: '/v1/webhooks/{id}/',
      method: 'get',
      op: { security: [{ apiKeyPair: [] }, { managerSession: [] }], 'x-openkyb-role': 'admin' },
    });
    expect(byId.v1WebhooksRetrieve.op.responses['403']).toBeDefined();
    expect(byId.kybCompaniesRetrieve.op['x-openkyb-role']).toBe('viewer');
    expect(byId.kybCompaniesRetrieve.op.description).toContain('Back-office managers need the **viewer** role');
    expect(byId.v1AuthSessionList.op.security).toEqual([{ managerSession: [] }]);
    expect(byId.v1AuthSignInCreate.op.security).toBeUndefined();
    expect(byId.v1FlowsCreate.op.responses['401']).toBeDefined();
    expect(byId.livezList.op.security).toBeUndefined();
    const secured = operations.filter(({ op }) => op.security);
    expect(secured.length).toBeGreaterThan(40);
    for (const { op } of secured) expect(op.responses['401']).toBeDefined();
  });

  it('counts requests by route pattern and status in Prometheus metrics, never by raw URL', async () => {
    const partner = await h().partner();
    const token = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c' });
    await api(h()).call('PATCH', `/kyb/tokens/${token.json.tokenString}/`, partner.auth, { tags: [] });
    const metrics = (await api(h()).call('GET', '/metrics', null)).text;
    expect(metrics).toMatch(/openkyb_http_requests_total\{method="POST",route="\/kyb\/tokens\/",status_code="201"\} \d+/);
    expect(metrics).toContain('route="/kyb/tokens/:tokenString/"');
    expect(metrics).toContain('openkyb_http_request_duration_seconds_bucket');
    expect(metrics).not.toContain(token.json.tokenString);
  });

  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const kept = await h().app.inject({ method: 'GET', url: '/livez', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await h().app.inject({ method: 'GET', url: '/livez', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
