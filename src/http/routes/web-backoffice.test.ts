import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/harness.js';

// The back office is built by `npm run build` (and by the test run's global setup when stale).
describeEachDialect('back office routes', (h) => {
  it('serves the app for every client-side route, uncached, unframeable, scripts from this server only', async () => {
    for (const url of [
      '/backoffice/',
      '/backoffice/cases?status=NEED_TO_REVIEW',
      '/backoffice/cases/abc',
      '/backoffice/managers',
      '/backoffice/set-password',
    ]) {
      const res = await h().app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-frame-options']).toBe('DENY');
      const csp = String(res.headers['content-security-policy']);
      for (const rule of ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"])
        expect(csp).toContain(rule);
      expect(csp).not.toContain('unsafe');
      expect(res.body).toContain('<div id="root"></div>');
    }
    const bare = await h().app.inject({ method: 'GET', url: '/backoffice' });
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/backoffice/');
  });

  it('compresses the page and sends the hashed assets precompressed with a year of immutable caching', async () => {
    const page = await h().app.inject({ method: 'GET', url: '/backoffice/', headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers.vary).toContain('accept-encoding');
    const html = gunzipSync(page.rawPayload).toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="(\/backoffice\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const plain = await h().app.inject({ method: 'GET', url: asset });
      const gzipped = await h().app.inject({ method: 'GET', url: asset, headers: { 'accept-encoding': 'gzip' } });
      const brotli = await h().app.inject({ method: 'GET', url: asset, headers: { 'accept-encoding': 'br, gzip' } });
      expect(plain.statusCode, asset).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(gzipped.headers['content-encoding'], asset).toBe('gzip');
      expect(gunzipSync(gzipped.rawPayload).equals(plain.rawPayload), asset).toBe(true);
      expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
      expect(brotli.headers['content-encoding'], asset).toBe('br');
      expect(gzipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(gzipped.headers['x-content-type-options']).toBe('nosniff');
    }
    for (const url of ['/backoffice/assets/missing.js', '/backoffice/assets/..%2f..%2fpackage.json', '/backoffice/assets/%00']) {
      const res = await h().app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ identifier: 'NOT_FOUND' });
    }
  });
});
