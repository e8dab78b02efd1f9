import { expect, it } from 'vitest';
import { DIALECTS, openTestDatabase } from './harness.js';
import { postgresUrlWithSchema, runCli, startServer } from './process.js';
import { startReceiver } from './webhook-receiver.js';

const SECRET = 'submit-crash-test-secret-submit-crash-test';

for (const dialect of DIALECTS) {
  it(`delivers COMPANY_SUBMIT after the server is killed with SIGKILL right after the submit [${dialect}]`, async () => {
    const db = await openTestDatabase(dialect);
    const receiver = await startReceiver();
    const env = {
      OPENKYB_DATA_DIR: db.dataDir,
      OPENKYB_SECRET: SECRET,
      DATABASE_URL: db.url && db.schema ? postgresUrlWithSchema(db.url, db.schema) : '',
      OPENKYB_WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    };
    try {
      const created = await runCli(['partners', 'create', '--name', 'Crash', '--json'], env);
      const { apiKey, apiSecret } = JSON.parse(created.stdout) as { apiKey: string; apiSecret: string };
      const basic = `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`;
      const json = { 'content-type': 'application/json' };

      // The first server runs without its worker, so nothing is sent before the kill.
      const server = await startServer({ ...env, OPENKYB_SERVE_WORKER: 'false' });
      const post = (path: string, auth: string, body?: unknown) =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { authorization: auth, ...(body ? json : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
      expect((await post('/v1/webhooks/', basic, { url: `${receiver.url}/kyb`, eventTypes: ['COMPANY_SUBMIT'] })).status).toBe(201);
      const token = (await (await post('/kyb/tokens/', basic, { tokenType: 'FORM', clientId: 'crash-client' })).json()) as {
        tokenString: string;
        companyId: string;
      };
      const bearer = `Bearer ${token.tokenString}`;
      expect((await post('/kyb/forms/', bearer, { company: { companyName: 'Crash Ltd', country: 'GB' } })).status).toBe(201);
      expect((await post(`/kyb/forms/${token.companyId}/submit/`, bearer)).status).toBe(200);
      server.child.kill('SIGKILL');
      await server.exited;
      expect(receiver.requests).toHaveLength(0);

      const restarted = await startServer(env);
      try {
        await receiver.waitFor(1, 60_000);
        const [request] = receiver.requests;
        expect(request!.headers['idenfy-event-type']).toBe('COMPANY_SUBMIT');
        expect(JSON.parse(request!.body.toString('utf8'))).toMatchObject({ id: token.companyId, clientId: 'crash-client' });
      } finally {
        restarted.child.kill('SIGTERM');
        await restarted.exited;
      }
    } finally {
      await receiver.close();
      await db.cleanup();
    }
  }, 120_000);
}
