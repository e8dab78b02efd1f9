import { expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { dataUrl, pngImage, pdfDocument } from '../../../../test/files.js';
import { describeEachDialect, type Harness } from '../../../../test/harness.js';
import { signedInManager, withPartnerAdmin } from '../../../../test/managers.js';
import { countRows } from '../../../../test/rows.js';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

const changes = (h: Harness) => Promise.all([countRows(h, 'stored_files'), countRows(h, 'theme_logos'), countRows(h, 'audit_logs')]);

describeEachDialect('theme logo upload', (h) => {
  const the = withPartnerAdmin(h, 'Logos');
  const call = (...args: Parameters<ReturnType<typeof api>['call']>) => api(h()).call(...args);
  const upload = (file: string, headers = the.admin.write) => call('POST', '/v1/theme-logos/', null, { file }, headers);

  it("stores an admin's PNG, serves it publicly with a long cache and a sandbox CSP, and the hosted form's theme shows it", async () => {
    const png = pngImage(16, 8, [10, 200, 30]);
    const uploaded = await upload(dataUrl(png, 'image/png'));
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.json).toMatchObject({ mime: 'image/png', size: png.length });
    expect(uploaded.json.url).toMatch(/^http:\/\/openkyb\.test\/v1\/theme-logos\/[0-9a-f]{64}\.png$/);

    const path = new URL(uploaded.json.url as string).pathname;
    const served = await h().app.inject({ method: 'GET', url: path });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload).toEqual(png);
    expect(served.headers).toMatchObject({
      'content-type': 'image/png',
      'cache-control': 'public, max-age=31536000, immutable',
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
    });

    const audit = await h()
      .database.db.selectFrom('audit_logs')
      .selectAll()
      .where('partner_id', '=', the.partner.partnerId)
      .where('action', '=', 'THEME_LOGO_UPLOADED')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_type: 'manager', actor_id: String(the.admin.id), company_id: null });
    expect(JSON.parse(audit[0]!.details)).toEqual({ logoId: path.slice(-68, -4), mime: 'image/png', size: png.length });

    const theme = await call('POST', '/v1/themes/', null, { name: 'Brand', logo: uploaded.json.url }, the.admin.write);
    expect(theme.status, theme.text).toBe(201);
    const token = await api(h()).createToken(the.partner, { tokenType: 'FORM', clientId: 'logo', theme: theme.json.id });
    expect((await api(h()).info(token.json.tokenString)).json.theme.logo).toBe(uploaded.json.url);
  });

  it('accepts JPEG and WebP by their content, whatever the data: URL claims', async () => {
    const jpeg = await upload(dataUrl(JPEG, 'image/png'));
    expect(jpeg.status, jpeg.text).toBe(201);
    expect(jpeg.json.url).toMatch(/\.jpg$/);
    const webp = await upload(WEBP.toString('base64'));
    expect(webp.json).toMatchObject({ mime: 'image/webp', size: WEBP.length });
  });

  it('refuses SVG (even named a PNG), GIF, PDF, non-base64 and an empty file with the error envelope, and changes nothing', async () => {
    const before = await changes(h());
    const bad = [
      dataUrl(SVG, 'image/png'),
      dataUrl(SVG, 'image/svg+xml'),
      dataUrl(GIF, 'image/gif'),
      dataUrl(pdfDocument(), 'application/pdf'),
      'not base64!',
      '',
    ];
    expect(bad).toHaveLength(6);
    for (const file of bad) {
      const res = await upload(file);
      expect(res.status, file.slice(0, 30)).toBe(400);
      expect(res.json).toMatchObject({ identifier: 'VALIDATION_ERROR', severity: expect.any(String), documentation: expect.any(String) });
    }
    const svg = await upload(dataUrl(SVG, 'image/png'));
    expect(JSON.stringify(svg.json)).toContain('SVG is refused');
    expect(await changes(h())).toEqual(before);
  });

  it('refuses a logo over 512 KB with 413, and changes nothing', async () => {
    const before = await changes(h());
    const big = Buffer.concat([pngImage(), Buffer.alloc(512 * 1024)]);
    const res = await upload(big.toString('base64'));
    expect(res.status).toBe(413);
    expect(res.json.identifier).toBe('PAYLOAD_TOO_LARGE');
    expect(await changes(h())).toEqual(before);
  });

  it("is an admin's act: a reviewer gets 403, and nothing is stored", async () => {
    const reviewer = await signedInManager(h(), the.partner, 'reviewer');
    const before = await changes(h());
    const res = await upload(pngImage().toString('base64'), reviewer.write);
    expect(res.status).toBe(403);
    expect(res.json.identifier).toBe('FORBIDDEN');
    expect(await changes(h())).toEqual(before);
  });

  it("serves only logos: a case document's file id and an unknown id are 404", async () => {
    const hash = 'a'.repeat(64);
    expect((await call('GET', `/v1/theme-logos/${hash}.png`, null)).status).toBe(404);
    await h().database.db.insertInto('stored_files').values({ hash, mime: 'image/png', size: 1, company_id: null, created_at: 0 }).execute();
    await h().ctx.files.storage.put(hash, pngImage());
    const res = await call('GET', `/v1/theme-logos/${hash}.png`, null);
    expect(res.status).toBe(404);
    expect(res.json.identifier).toBe('NOT_FOUND');
    expect((await call('GET', `/v1/theme-logos/${hash}.svg`, null)).status).toBe(404);
  });
});
