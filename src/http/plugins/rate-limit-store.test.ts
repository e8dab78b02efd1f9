import { expect, it } from 'vitest';
import { api } from '../../../test/api.js';
import { describeEachDialect } from '../../../test/harness.js';
import { buildApp } from '../../app.js';
import { countRequest } from '../../core/rate-limits/count-request.js';

const LIMIT = 4;

describeEachDialect(
  'rate limits shared by servers on one database',
  (h) => {
    it('counts one key across two servers on PostgreSQL and per process on SQLite, storing no key in the clear', async () => {
      const second = await buildApp({ ...h().app.deps, wakeWorker: undefined });
      try {
        const partner = await h().partner();
        const statuses: number[] = [];
        for (let i = 0; i < LIMIT + 1; i += 1) {
          // Alternate between the servers, as a load balancer would.
          const server = i % 2 === 0 ? h().app : second;
          statuses.push((await server.inject({ method: 'GET', url: '/v1/settings/', headers: { authorization: partner.auth } })).statusCode);
        }
        const rows = await h().database.db.selectFrom('rate_limit_hits').selectAll().execute();
        if (h().dialect === 'postgres') {
          expect(statuses).toEqual([200, 200, 200, 200, 429]);
          expect(rows.map((r) => r.count)).toEqual([LIMIT + 1]);
          expect(JSON.stringify(rows)).not.toContain(partner.apiKey);
          expect(rows[0]!.key).toMatch(/^[0-9a-f]{64}$/);
        } else {
          // Each process counts its own: three on one, two on the other, none refused.
          expect(statuses).toEqual([200, 200, 200, 200, 200]);
          expect(rows).toEqual([]);
        }
        expect((await api(h()).call('GET', '/v1/settings/', (await h().partner('Other')).auth)).status).toBe(200);
      } finally {
        await second.close();
      }
    });

    it('counts per fixed window, with the time left in it, and clears windows that ended long ago', async () => {
      const db = h().database.db;
      const hourMs = 3_600_000;
      const start = 1000 * hourMs;
      const count = (now: number) => countRequest(db, { key: 'window test', windowMs: hourMs, now });
      expect(await count(start + 10)).toEqual({ count: 1, ttlMs: hourMs - 10 });
      expect(await count(start + hourMs - 1)).toEqual({ count: 2, ttlMs: 1 });
      expect(await count(start + hourMs)).toEqual({ count: 1, ttlMs: hourMs });
      expect(await count(start + 48 * hourMs)).toEqual({ count: 1, ttlMs: hourMs });
      const windows = await db
        .selectFrom('rate_limit_hits')
        .select('window_start')
        .where('window_start', '<', start + 48 * hourMs)
        .execute();
      expect(windows).toEqual([]);
    });
  },
  { rateLimitPerHour: LIMIT },
);
