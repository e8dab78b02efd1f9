import { createHarness } from './test/harness.js';
import { createToken } from './src/core/tokens/create-token.js';
import { authenticatePartner } from './src/core/partners/authenticate-partner.js';
import { authenticateToken } from './src/core/tokens/authenticate-token.js';
const { harness, cleanup } = await createHarness('sqlite');
const p = await harness.partner();
const N = 3000;
async function measure(name: string, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 300; i++) await fn(i);
  const c = process.cpuUsage(); const t = performance.now();
  for (let i = 0; i < N; i++) await fn(i);
  const cpu = process.cpuUsage(c);
  console.log(name.padEnd(16), 'cpu', ((cpu.user + cpu.system) / N).toFixed(0).padStart(5), 'us   wall', ((performance.now() - t) * 1000 / N).toFixed(0).padStart(5), 'us');
}
const tok = (await createToken({ ctx: p.ctx, input: { tokenType: 'FORM', clientId: 'x' } as any })).body.tokenString;
await measure('createToken', () => createToken({ ctx: p.ctx, input: { tokenType: 'FORM', clientId: 'x' } as any }));
await measure('flush', () => harness.database.flush());
await measure('authPartner', () => authenticatePartner({ ctx: harness.ctx, input: { apiKey: p.apiKey, apiSecret: p.apiSecret } }));
await measure('authToken', () => authenticateToken({ ctx: harness.ctx, input: { tokenString: tok } }));
await measure('inject create', () => harness.app.inject({ method: 'POST', url: '/kyb/tokens/', headers: { authorization: p.auth, 'content-type': 'application/json' }, payload: '{"tokenType":"FORM","clientId":"x"}' }));
await measure('inject info', () => harness.app.inject({ method: 'GET', url: '/kyb/info/', headers: { authorization: 'Bearer ' + tok } }));
await measure('inject livez', () => harness.app.inject({ method: 'GET', url: '/livez' }));
await cleanup();
