import { expect, it } from 'vitest';
import { DIALECTS, openTestDatabase } from './harness.js';
import { postgresUrlWithSchema, runCli, startServer } from './process.js';

const SECRET = 'durability-test-secret-durability-test-secret';

for (const dialect of DIALECTS) {
  it(`keeps every token that got a 201 when the server is killed with SIGKILL mid-load [${dialect}]`, async () => {
    const db = await openTestDatabase(dialect);
    const env = {
      OPENKYB_DATA_DIR: db.dataDir,
      OPENKYB_SECRET: SECRET,
      DATABASE_URL: db.url && db.schema ? postgresUrlWithSchema(db.url, db.schema) : '',
    };
    try {
      const created = await runCli(['partners', 'create', '--name', 'Durable', '--json'], env);
      expect(created.code).toBe(0);
      const { apiKey, apiSecret } = JSON.parse(created.stdout) as { apiKey: string; apiSecret: string };
      const auth = `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`;

      const server = await startServer(env);
      const acknowledged: string[] = [];
      let cutOff = 0;
      const worker = async (n: number) => {
        for (let i = 0; ; i += 1) {
          try {
            const res = await fetch(`${server.url}/kyb/tokens/`, {
              method: 'POST',
              headers: { authorization: auth, 'content-type': 'application/json' },
              body: JSON.stringify({ tokenType: 'FORM', clientId: `w${n}-${i}` }),
            });
            if (res.status === 201) acknowledged.push(((await res.json()) as { tokenString: string }).tokenString);
          } catch {
            cutOff += 1; // this worker was still sending when the server died
            return;
          }
        }
      };
      const workers = Array.from({ length: 8 }, (_, n) => worker(n));
      while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 5));
      server.child.kill('SIGKILL');
      await Promise.all(workers);
      await server.exited;

      const restarted = await startServer(env);
      try {
        const statuses = await Promise.all(
          acknowledged.map(async (token) => (await fetch(`${restarted.url}/kyb/info/`, { headers: { authorization: `Bearer ${token}` } })).status),
        );
        expect(acknowledged.length).toBeGreaterThanOrEqual(150);
        // The kill landed under load: every worker was still sending, so a lost commit would show.
        expect(cutOff).toBe(8);
        expect(statuses.filter((s) => s !== 200)).toEqual([]);
      } finally {
        restarted.child.kill('SIGTERM');
        await restarted.exited;
      }
    } finally {
      await db.cleanup();
    }
  }, 120_000);
}
