import { expect, it } from 'vitest';
import { ESCAPING_ASSET_PATHS, loudLogsSince } from '../../../test/asset-escapes.js';
import { describeEachDialect } from '../../../test/harness.js';

// The form is built by `npm run build` (and by the test run's global setup when stale).
describeEachDialect('hosted form routes', (h) => {
  const token = 'T0kenT0kenT0kenT0kenT0kenT0kenT0kenT0ken';

  it('serves /welcome as an uncached page that keeps the token to itself', async () => {
    const res = await h().app.inject({ method: 'GET', url: `/welcome?authToken=${token}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const csp = String(res.headers['content-security-policy']);
    for (const rule of ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'"]) expect(csp).toContain(rule);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.body).toContain('<div id="root"></div>');
    expect(h().logs.join('\n')).not.toContain(token);
  });

  it('answers /favicon.ico with a 16×16 icon, so no page load logs a 404', async () => {
    const res = await h().app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    const icon = res.rawPayload;
    // ICONDIR: reserved 0, type 1 (icon), one image of 16×16 at 32 bits whose bytes end the file.
    expect([icon.readUInt16LE(0), icon.readUInt16LE(2), icon.readUInt16LE(4), icon[6], icon[7], icon.readUInt16LE(12)]).toEqual([0, 1, 1, 16, 16, 32]);
    expect(icon.readUInt32LE(18) + icon.readUInt32LE(14)).toBe(icon.length);
    expect(icon.length).toBeLessThan(2048);
  });

  it('serves the hashed assets with a year of immutable caching, without authentication', async () => {
    const page = await h().app.inject({ method: 'GET', url: '/welcome' });
    const assets = [...page.body.matchAll(/(?:src|href)="(\/form\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const res = await h().app.inject({ method: 'GET', url: asset });
      expect(res.statusCode, asset).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await h().app.inject({ method: 'GET', url: '/form/assets/missing.js' })).statusCode).toBe(404);
  });

  it('answers a path that climbs out of the assets folder with a quiet 404 in the envelope', async () => {
    const before = h().logs.length;
    for (const url of ESCAPING_ASSET_PATHS) {
      const res = await h().app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ identifier: 'NOT_FOUND', severity: 'NOT_SEVERE' });
    }
    expect(loudLogsSince(h(), before)).toEqual([]);
  });
});
