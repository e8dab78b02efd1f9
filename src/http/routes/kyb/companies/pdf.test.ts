import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { pdfText } from '../../../../../test/pdf-text.js';
import { base64, pdfDocument, pngImage } from '../../../../../test/files.js';
import { describeEachDialect, type Harness } from '../../../../../test/harness.js';
import { startSession, type Session } from '../../../../../test/kyb.js';
import { importUn, screenPending } from '../../../../../test/screening-cases.js';

const run = promisify(execFile);
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'openkyb-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A submitted case through the API: a holding company (60 %) with Rasa Petraite under it, a
 * direct UBO who is UN-listed (Germain Katanga, 40 %), a PDF certificate, PNG passports,
 * answers; then screened.
 */
async function completeCase(h: Harness, partner?: Session['partner']): Promise<Session> {
  const s = await startSession(h, partner ? { partner } : {});
  const call = api(h).call;
  const form = `/kyb/forms/${s.companyId}`;
  const add = async (body: Record<string, unknown>) => {
    const r = await call('POST', `${form}/beneficiaries/`, s.bearer, body);
    expect(r.status).toBe(201);
    return r.json.id as string;
  };
  const holding = await add({ beneficiaryTypes: ['UBO'], ownershipPercentage: 60, info: { infoType: 'COMPANY', companyName: 'Holding SIA', country: 'LV' } });
  const rasa = await add({
    beneficiaryTypes: ['UBO'],
    parent: holding,
    ownershipPercentage: 100,
    info: { infoType: 'INDIVIDUAL', name: 'Rasa', surname: 'Petraite', dateOfBirth: '1980-04-02', nationality: 'LT' },
  });
  const germain = await add({
    beneficiaryTypes: ['UBO'],
    ownershipPercentage: 40,
    info: { infoType: 'INDIVIDUAL', name: 'Germain', surname: 'Katanga', dateOfBirth: '1978-04-28', nationality: 'CD' },
  });
  expect((await call('POST', `${form}/documents/`, s.bearer, { type: 'INCORPORATION_CERT', filename: 'cert.pdf', file: base64(pdfDocument()) })).status).toBe(
    201,
  );
  for (const person of [rasa, germain]) {
    const passport = pngImage(40, 30, (x, y) => [x * 6, y * 8, 120]);
    expect(
      (
        await call('POST', `${form}/beneficiaries/${person}/documents/`, s.bearer, {
          type: 'IDENTITY_DOCUMENT',
          filename: 'passport.png',
          file: base64(passport),
        })
      ).status,
    ).toBe(201);
  }
  const [questionnaire] = (await call('GET', `${form}/questionnaires/`, s.bearer)).json;
  const answers = await call('PUT', `${form}/questionnaires/${questionnaire.id}/answers/`, s.bearer, {
    sections: {
      activity: { handlesCash: { value: true }, cashShare: { value: 12.5 }, size: { value: 'large' } },
      large: { auditor: { value: 'KPMG Baltics' } },
    },
  });
  expect(answers.status).toBe(200);
  expect((await call('POST', `${form}/submit/`, s.bearer)).status).toBe(200);
  await screenPending(h);
  return s;
}

async function requestPdf(h: Harness, companyId: string, auth: string, body?: unknown) {
  const response = await h.app.inject({
    method: 'POST',
    url: `/kyb/companies/${companyId}/pdf/`,
    headers: { authorization: auth, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return { status: response.statusCode, headers: response.headers, bytes: response.rawPayload, json: () => response.json() };
}

async function saved(bytes: Buffer): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, bytes);
  return file;
}

const HEADINGS = [
  'Submitted company information',
  'Case',
  'Related subjects',
  'Ownership structure',
  'Questionnaire answers',
  'Documents',
  'Audit trail',
  'Company AML check',
  'Beneficiary AML checks',
];

/** Where each heading starts a line (headings are alone on their line), in the order found. */
function headingOrder(text: string, headings: string[]): string[] {
  const found = headings.map((heading) => ({ heading, at: text.search(new RegExp(`^\\s*${heading}\\s*$`, 'm')) }));
  return found
    .filter((f) => f.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((f) => f.heading);
}

describeEachDialect('the PDF dossier (POST /kyb/companies/{id}/pdf/)', (h) => {
  let s: Session;
  beforeAll(async () => {
    await importUn(h());
    await h().screening.reload();
    s = await completeCase(h());
  });

  it('renders every part by default, in enum order, with the company, its people, the tree, the evidence and the trail', async () => {
    const r = await requestPdf(h(), s.companyId, s.partner.auth);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(await saved(r.bytes));

    expect(headingOrder(text, HEADINGS)).toEqual(HEADINGS);
    // Parts OpenKYB has no data for still appear, in their place, saying so.
    expect(text.indexOf('Company name audit')).toBeGreaterThan(text.indexOf('Questionnaire answers'));
    expect(text).toContain('OpenKYB does not perform this check');
    expect(text).toContain('Acme Payments UAB');
    expect(text).toContain('ops@acme.example');
    expect(text).toContain('Rasa Petraite');
    expect(text).toContain('1980-04-02');
    // The ownership tree, with declared and effective shares.
    expect(text).toMatch(/Holding SIA: 60 % \(company, effective 60 %; unexplained 0 %\)/);
    expect(text).toMatch(/Rasa Petraite: 100 % \(effective 60 %, UBO\)/);
    expect(text).toMatch(/Germain Katanga: 40 % \(effective 40 %, UBO\)/);
    // Answers as titles, documents with their hash, the screening hit's evidence, the trail.
    expect(text).toContain('KPMG Baltics');
    expect(text).toContain('Large');
    expect(text).toMatch(/INCORPORATION_CERT/);
    expect(text).toMatch(/SHA-256: [0-9a-f]{64}/);
    expect(text).toMatch(/GERMAIN KATANGA \(\w+, un:CDi\.006\): score \d+(\.\d+)?, alert/);
    expect(text).toMatch(/germain ~ germain/);
    expect(text).toMatch(/birth-date: matched/);
    expect(text).toContain('FLAGS_FOUND');
    expect(text).toContain('Form submitted');
    expect(text).toContain('Risk assessment');
  });

  it('embeds each PNG document as an image', async () => {
    const r = await requestPdf(h(), s.companyId, s.partner.auth, { content: ['KYB_DOCUMENTS'] });
    expect(r.status).toBe(200);
    const { stdout } = await run('/usr/bin/pdfimages', ['-list', await saved(r.bytes)]);
    const images = stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(images).toHaveLength(2);
    expect(images[0]).toMatch(/^\s*\d+\s+\d+\s+image\s+40\s+30\s+rgb/);
  });

  it('renders only the requested parts, in enum order whatever the request order', async () => {
    const r = await requestPdf(h(), s.companyId, s.partner.auth, { content: ['AUDIT_LOGS', 'OWNERSHIP_STRUCTURE', 'AUDIT_LOGS'] });
    expect(r.status).toBe(200);
    const text = await pdfText(await saved(r.bytes));
    expect(headingOrder(text, HEADINGS)).toEqual(['Ownership structure', 'Audit trail']);
    expect(text).toContain('Holding SIA: 60 %');
    expect(text).not.toContain('KPMG Baltics');
    expect(text).not.toContain('ops@acme.example');
    expect(text).not.toContain('GERMAIN KATANGA');
  });

  it("renders the reviewers' comments, oldest first, with their author", async () => {
    const none = await pdfText(await saved((await requestPdf(h(), s.companyId, s.partner.auth, { content: ['COMMENTS'] })).bytes));
    expect(none).toContain('No comments.');
    const call = api(h()).call;
    for (const content of ['Register extract ordered.', 'UBO chain explained by the holding.'])
      expect((await call('POST', `/v1/companies/${s.companyId}/comments/`, s.partner.auth, { content })).status).toBe(201);
    const text = await pdfText(await saved((await requestPdf(h(), s.companyId, s.partner.auth, { content: ['COMMENTS'] })).bytes));
    expect(text).not.toContain('No comments.');
    expect(text.indexOf('Register extract ordered.')).toBeGreaterThan(-1);
    expect(text.indexOf('Register extract ordered.')).toBeLessThan(text.indexOf('UBO chain explained by the holding.'));
    expect(text).toMatch(/Z, the partner.s API:/);
  });

  it('encrypts the file with the password: poppler cannot open it without, and reads it with', async () => {
    const r = await requestPdf(h(), s.companyId, s.partner.auth, { password: 'S3cret-pass', content: ['SUBMITTED_COMPANY_INFO', 'RELATED_SUBJECTS'] });
    expect(r.status).toBe(200);
    const file = await saved(r.bytes);
    await expect(pdfText(file)).rejects.toThrow(/Incorrect password|Command failed/);
    await expect(pdfText(file, 'wrong')).rejects.toThrow();
    const text = await pdfText(file, 'S3cret-pass');
    expect(text).toContain('Acme Payments UAB');
    expect(text).toContain('Rasa Petraite');
    // AES-256 (PDF 1.7 extension level 3): nothing readable in the raw bytes.
    expect(r.bytes.includes(Buffer.from('Acme Payments'))).toBe(false);
    const { stdout } = await run('/usr/bin/pdfinfo', ['-upw', 'S3cret-pass', file]);
    expect(stdout).toMatch(/Encrypted:\s+yes \(.*algorithm:AES-256\)/);
  });

  it('refuses an empty content list, an unknown part and an empty password with 400 in the envelope', async () => {
    for (const body of [{ content: [] }, { content: ['EVERYTHING'] }, { password: '' }, { extra: true }]) {
      const r = await requestPdf(h(), s.companyId, s.partner.auth, body);
      expect(r.status).toBe(400);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.json()).toMatchObject({ identifier: 'VALIDATION_ERROR', severity: 'NOT_SEVERE' });
    }
    expect((await requestPdf(h(), s.companyId, s.partner.auth, { content: [] })).json().message).toEqual({ content: ['must have at least 1 items'] });
    // SASLprep (AES-256 passwords) refuses control characters and mixed-direction text.
    for (const password of ['\u000ex', 'abc\u05d0']) {
      const r = await requestPdf(h(), s.companyId, s.partner.auth, { password });
      expect(r.status).toBe(400);
      expect(Object.keys(r.json().message)).toEqual(['password']);
    }
  });

  it("answers 404 for another partner's company and an unknown id, 401 for a token, and logs no personal data", async () => {
    const other = await h().partner('Other');
    expect((await requestPdf(h(), s.companyId, other.auth)).status).toBe(404);
    expect((await requestPdf(h(), '00000000-0000-4000-8000-000000000000', s.partner.auth)).status).toBe(404);
    expect((await requestPdf(h(), s.companyId, s.bearer)).status).toBe(401);
    const logs = h().logs.join('\n');
    expect(logs).toContain('dossier rendered');
    for (const personal of ['Rasa', 'Petraite', 'Katanga', '1980-04-02', 'ops@acme.example', 'S3cret-pass']) expect(logs).not.toContain(personal);
  });
});
