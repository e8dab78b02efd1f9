import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { base64, pdfDocument, pngImage } from '../../../../../test/files.js';
import { describeEachDialect, type Harness } from '../../../../../test/harness.js';
import { startSession } from '../../../../../test/kyb.js';
import { countRows } from '../../../../../test/rows.js';

/** Where the file behind a signed link is stored (files are named by their per-company id). */
const filePath = (h: Harness, link: string) => {
  const id = new URL(link).pathname.split('/').at(-1)!;
  return path.join(h.config.dataDir, 'files', id.slice(0, 2), id.slice(2, 4), id);
};
const storedFileCount = (h: Harness) => {
  const root = path.join(h.config.dataDir, 'files');
  return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0;
};

describeEachDialect('company and beneficiary documents', (h) => {
  it('uploads a PDF and a PNG, lists, filters, reads, renames and deletes them', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const base = `/kyb/forms/${s.companyId}/documents/`;
    const pdf = pdfDocument('Articles of association');
    const cert = await call('POST', base, s.bearer, { type: 'INCORPORATION_CERT', filename: 'cert.pdf', file: base64(pdf) });
    expect(cert.status).toBe(201);
    expect(contractErrors('KybFormDocumentCreate', cert.json)).toEqual([]);
    h().clock.advance(1000);
    const statement = await call('POST', base, s.partner.auth, { type: 'BANK_STATEMENT', file: `data:image/png;base64,${base64(pngImage())}` });
    expect(statement.json).toMatchObject({ type: 'BANK_STATEMENT', filename: null });
    expect(existsSync(filePath(h(), cert.json.file))).toBe(true);

    expect((await call('GET', base, s.bearer)).json.map((d: { id: string }) => d.id)).toEqual([cert.json.id, statement.json.id]);
    expect((await call('GET', `${base}?type=BANK_STATEMENT,OTHER`, s.bearer)).json.map((d: { id: string }) => d.id)).toEqual([statement.json.id]);
    expect((await call('GET', `${base}?type_Exclude=BANK_STATEMENT`, s.bearer)).json.map((d: { id: string }) => d.id)).toEqual([cert.json.id]);
    expect((await call('GET', `${base}?type=&page=2`, s.bearer)).json).toHaveLength(2);
    const unknown = await call('GET', `${base}?type=BANK_STATEMENT,NOPE`, s.bearer);
    expect(unknown.status).toBe(400);
    expect(unknown.json.message).toEqual({ 'query.type': ['"NOPE" is not a document type'] });
    const listed = (await call('GET', base, s.bearer)).json;
    expect(listed).toHaveLength(2);
    for (const document of listed) expect(contractErrors('KybFormDocument', document)).toEqual([]);

    const renamed = await call('PATCH', `${base}${cert.json.id}/`, s.bearer, { filename: 'certificate.pdf' });
    expect(renamed.json).toMatchObject({ type: 'INCORPORATION_CERT', filename: 'certificate.pdf' });
    const retyped = await call('PUT', `${base}${cert.json.id}/`, s.bearer, { type: 'ANNUAL_REPORT' });
    expect(retyped.json).toMatchObject({ type: 'ANNUAL_REPORT', filename: null });
    expect((await call('PUT', `${base}${cert.json.id}/`, s.bearer, { type: 'ANNUAL_REPORT', file: base64(pdf) })).json.message.file).toEqual(['unknown field']);

    expect((await call('DELETE', `${base}${cert.json.id}/`, s.bearer)).status).toBe(204);
    expect((await call('GET', `${base}${cert.json.id}/`, s.bearer)).status).toBe(404);
    expect(existsSync(filePath(h(), cert.json.file))).toBe(false);
  });

  it('serves each file through its signed link, with the type decided at upload, until the link expires', async () => {
    const s = await startSession(h(), { flow: null });
    const png = pngImage(4, 4, [1, 2, 3]);
    const doc = await api(h()).call('POST', `/kyb/forms/${s.companyId}/documents/`, s.bearer, { type: 'OTHER', filename: 'scan.pdf', file: base64(png) });
    const url = new URL(doc.json.file);
    expect(url.origin).toBe('http://openkyb.test');
    const download = await h().app.inject({ method: 'GET', url: url.pathname + url.search });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(png)).toBe(true);
    const tampered = url.search.replace('type=image%2Fpng', 'type=text%2Fhtml');
    expect((await h().app.inject({ method: 'GET', url: url.pathname + tampered })).statusCode).toBe(404);
    h().clock.advance(3601_000);
    expect((await h().app.inject({ method: 'GET', url: url.pathname + url.search })).statusCode).toBe(404);
  });

  it('signs the link so a file name cannot be re-split into another served type', async () => {
    const s = await startSession(h(), { flow: null });
    const doc = await api(h()).call('POST', `/kyb/forms/${s.companyId}/documents/`, s.bearer, {
      type: 'OTHER',
      filename: 'x-sniff:y.png',
      file: base64(pngImage()),
    });
    const url = new URL(doc.json.file);
    url.searchParams.set('type', 'image/png:x-sniff');
    url.searchParams.set('name', 'y.png');
    expect((await h().app.inject({ method: 'GET', url: url.pathname + url.search })).statusCode).toBe(404);
  });

  it('serves a document uploaded with an empty file name through its link, to the client and the partner', async () => {
    const s = await startSession(h(), { flow: null });
    const png = pngImage(4, 4, [9, 8, 7]);
    const doc = await api(h()).call('POST', `/kyb/forms/${s.companyId}/documents/`, s.bearer, { type: 'OTHER', filename: '', file: base64(png) });
    expect(doc.status, doc.text).toBe(201);
    const listed = await api(h()).call('GET', `/kyb/forms/${s.companyId}/documents/`, s.partner.auth);
    expect(listed.json).toHaveLength(1);
    for (const link of [doc.json.file as string, listed.json[0].file as string]) {
      const url = new URL(link);
      const download = await h().app.inject({ method: 'GET', url: url.pathname + url.search });
      expect(download.statusCode, download.body).toBe(200);
      expect(download.rawPayload.equals(png)).toBe(true);
    }
  });

  it('stores a PNG named .pdf as a PNG, and rejects HTML, SVG and text whatever their names', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const base = `/kyb/forms/${s.companyId}/documents/`;
    const renamed = await call('POST', base, s.bearer, { type: 'OTHER', filename: 'statement.pdf', file: base64(pngImage()) });
    expect(new URL(renamed.json.file).searchParams.get('type')).toBe('image/png');
    const before = await countRows(h(), 'stored_files');
    for (const [filename, content] of [
      ['page.html', '<!doctype html><script>alert(1)</script>'],
      ['logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      ['cert.pdf', 'just text, not a PDF'],
    ]) {
      const res = await call('POST', base, s.bearer, { type: 'OTHER', filename, file: Buffer.from(content!).toString('base64') });
      expect(res.status).toBe(400);
      expect(res.json.message.file).toEqual(['must be a jpeg, png, gif, webp, heic, heif or pdf file (decided by its content)']);
    }
    expect((await call('POST', base, s.bearer, { type: 'OTHER', file: 'not base64!' })).json.message.file).toEqual(['must be base64-encoded']);
    expect(await countRows(h(), 'stored_files')).toBe(before);
  });

  it('keeps a file two documents share until the last of them is deleted', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const base = `/kyb/forms/${s.companyId}/documents/`;
    const pdf = pdfDocument('shared');
    const first = await call('POST', base, s.bearer, { type: 'OTHER', file: base64(pdf) });
    const second = await call('POST', base, s.bearer, { type: 'INVOICE', file: base64(pdf) });
    expect(new URL(second.json.file).pathname).toBe(new URL(first.json.file).pathname);
    await call('DELETE', `${base}${first.json.id}/`, s.bearer);
    expect(existsSync(filePath(h(), first.json.file))).toBe(true);
    await call('DELETE', `${base}${second.json.id}/`, s.bearer);
    expect(existsSync(filePath(h(), first.json.file))).toBe(false);
  });

  it('takes individual document types for individuals and company types for companies', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const person = await call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, {
      beneficiaryType: 'UBO',
      info: { infoType: 'INDIVIDUAL', name: 'A', surname: 'B' },
    });
    const holding = await call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, {
      beneficiaryType: 'SHAREHOLDER',
      info: { infoType: 'COMPANY', companyName: 'H', country: 'LV' },
    });
    const personDocs = `/kyb/forms/${s.companyId}/beneficiaries/${person.json.id}/documents/`;
    const holdingDocs = `/kyb/forms/${s.companyId}/beneficiaries/${holding.json.id}/documents/`;
    const passport = await call('POST', personDocs, s.bearer, { type: 'IDENTITY_DOCUMENT', file: base64(pngImage()) });
    expect(passport.status).toBe(201);
    expect(contractErrors('BeneficiaryDocumentCreate', passport.json)).toEqual([]);
    expect((await call('POST', personDocs, s.bearer, { type: 'INCORPORATION_CERT', file: base64(pngImage()) })).json.message.type).toEqual([
      'must be one of: IDENTITY_DOCUMENT, PROOF_OF_ADDRESS, OTHER',
    ]);
    expect((await call('POST', holdingDocs, s.bearer, { type: 'INCORPORATION_CERT', file: base64(pdfDocument()) })).status).toBe(201);
    expect((await call('POST', holdingDocs, s.bearer, { type: 'IDENTITY_DOCUMENT', file: base64(pdfDocument()) })).status).toBe(400);
    expect((await call('GET', personDocs, s.partner.auth)).json.map((d: { id: string }) => d.id)).toEqual([passport.json.id]);
    expect((await call('GET', `/kyb/forms/${s.companyId}/documents/`, s.bearer)).json).toEqual([]);
    // Deleting the beneficiary deletes its documents.
    await call('DELETE', `/kyb/forms/${s.companyId}/beneficiaries/${person.json.id}/`, s.bearer);
    expect((await call('GET', personDocs, s.bearer)).status).toBe(404);
  });

  it("keeps one company's documents from another company's token and another partner (404)", async () => {
    const a = await startSession(h(), { flow: null });
    const b = await startSession(h(), { flow: null, partner: a.partner });
    const call = api(h()).call;
    const doc = await call('POST', `/kyb/forms/${a.companyId}/documents/`, a.bearer, { type: 'OTHER', file: base64(pngImage()) });
    expect((await call('GET', `/kyb/forms/${a.companyId}/documents/${doc.json.id}/`, b.bearer)).status).toBe(404);
    expect((await call('GET', `/kyb/forms/${b.companyId}/documents/${doc.json.id}/`, b.bearer)).status).toBe(404);
    expect((await call('DELETE', `/kyb/forms/${b.companyId}/documents/${doc.json.id}/`, b.bearer)).status).toBe(404);
    const other = await h().partner('Other');
    expect((await call('GET', `/kyb/forms/${a.companyId}/documents/`, other.auth)).status).toBe(404);
  });
});

describeEachDialect(
  'upload size limit',
  (h) => {
    it('answers an oversize upload with 413 and leaves no file behind', async () => {
      const s = await startSession(h(), { flow: null });
      const call = api(h()).call;
      const before = [await countRows(h(), 'documents'), await countRows(h(), 'stored_files'), storedFileCount(h())];
      const max = h().config.maxUploadBytes;
      const justOver = Buffer.concat([pngImage(), Buffer.alloc(max)]);
      const decodedTooBig = await call('POST', `/kyb/forms/${s.companyId}/documents/`, s.bearer, { type: 'OTHER', file: base64(justOver) });
      expect(decodedTooBig.status).toBe(413);
      expect(decodedTooBig.json.identifier).toBe('PAYLOAD_TOO_LARGE');
      const bodyTooBig = await call('POST', `/kyb/forms/${s.companyId}/documents/`, s.bearer, { type: 'OTHER', file: base64(Buffer.alloc(max * 2)) });
      expect(bodyTooBig.status).toBe(413);
      expect([await countRows(h(), 'documents'), await countRows(h(), 'stored_files'), storedFileCount(h())]).toEqual(before);
    });
  },
  { maxUploadBytes: 64 * 1024 },
);
