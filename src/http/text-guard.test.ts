import { expect, it } from 'vitest';
import { api } from '../../test/api.js';
import { base64, pdfDocument } from '../../test/files.js';
import { flowBody, questionnaireBody, themeBody } from '../../test/fixtures.js';
import { describeEachDialect } from '../../test/harness.js';
import { startSession } from '../../test/kyb.js';
import { countRows } from '../../test/rows.js';

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';
const MISSING_UUID = '00000000-0000-4000-8000-000000000000';

describeEachDialect('text no database stores alike is refused at the edge', (h) => {
  it.each([
    ['NUL', NUL],
    ['a lone surrogate', LONE_SURROGATE],
  ])('refuses %s in token fields with 400 naming the field, creating nothing', async (_name, bad) => {
    const partner = await h().partner();
    const before = await countRows(h(), 'kyb_tokens');
    for (const field of ['clientId', 'externalRef', 'questionnaire']) {
      const response = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'client-1', [field]: `a${bad}b` });
      expect(response.status, field).toBe(400);
      expect(response.json).toMatchObject({ identifier: 'VALIDATION_ERROR', message: { [field]: [expect.stringContaining('NUL')] } });
    }
    expect(await countRows(h(), 'kyb_tokens')).toBe(before);
  });

  it('refuses NUL in the names of flows, questionnaires, themes and webhooks', async () => {
    const partner = await h().partner();
    const call = api(h()).call;
    const cases: Array<[string, 'flows' | 'themes' | 'questionnaires' | 'webhook_endpoints', Record<string, unknown>]> = [
      ['/v1/flows/', 'flows', flowBody({ name: `flow${NUL}`, fieldsCustom: [], beneficiaries: [], documents: [] })],
      ['/v1/questionnaires/', 'questionnaires', questionnaireBody('aml', { name: `q${NUL}` })],
      ['/v1/themes/', 'themes', themeBody({ name: `theme${NUL}` })],
      ['/v1/webhooks/', 'webhook_endpoints', { url: 'http://127.0.0.1:9/hook', name: `hook${NUL}`, eventTypes: ['COMPANY_STATUS'] }],
    ];
    for (const [url, table, body] of cases) {
      const before = await countRows(h(), table);
      const response = await call('POST', url, partner.auth, body);
      expect(response.status, url).toBe(400);
      expect(response.json).toMatchObject({ identifier: 'VALIDATION_ERROR', message: { name: [expect.stringContaining('NUL')] } });
      expect(await countRows(h(), table)).toBe(before);
    }
  });

  it('refuses NUL in a document filename and names nested fields by their path', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const before = await countRows(h(), 'documents');
    const upload = await call('POST', `/kyb/forms/${s.companyId}/documents/`, s.bearer, {
      type: 'OTHER',
      filename: `a${NUL}.pdf`,
      file: base64(pdfDocument()),
    });
    expect(upload.status).toBe(400);
    expect(upload.json.message).toEqual({ filename: [expect.stringContaining('NUL')] });
    expect(await countRows(h(), 'documents')).toBe(before);

    const nested = await call('PATCH', `/kyb/forms/${s.companyId}/`, s.bearer, { company: { brandNames: ['ok', `x${LONE_SURROGATE}`] } });
    expect(nested.status).toBe(400);
    expect(nested.json.message).toEqual({ 'company.brandNames.1': [expect.stringContaining('NUL')] });
  });

  it('refuses NUL in a query string and in decoded Basic credentials', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const query = await call('GET', '/v1/webhooks/deliveries/?cursor=a%00b', s.partner.auth);
    expect(query.status).toBe(400);
    expect(query.json.message).toEqual({ 'querystring.cursor': [expect.stringContaining('NUL')] });
    const documents = await call('GET', `/kyb/forms/${s.companyId}/documents/?type=%00`, s.bearer);
    expect(documents.status).toBe(400);
    expect(documents.json.message).toEqual({ 'querystring.type': [expect.stringContaining('NUL')] });

    const basic = `Basic ${Buffer.from(`key${NUL}:secret`).toString('base64')}`;
    const auth = await call('GET', '/v1/webhooks/', basic);
    expect(auth.status).toBe(400);
    expect(auth.json).toMatchObject({ identifier: 'VALIDATION_ERROR', message: { authorization: [expect.stringContaining('NUL')] } });
  });

  it('answers 404 for malformed path ids, whoever asks, without reaching the database', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const base = `/kyb/forms/${s.companyId}`;
    const paths: Array<[string, string, string]> = [
      ['GET', '/kyb/forms/%00/', s.bearer],
      ['GET', '/kyb/forms/not-a-uuid/', s.bearer],
      ['PATCH', '/kyb/forms/%00/', s.partner.auth],
      ['POST', '/kyb/forms/%00/submit/', s.bearer],
      ['GET', `${base}/beneficiaries/%00/`, s.bearer],
      ['DELETE', `${base}/beneficiaries/%00/`, s.partner.auth],
      ['GET', `${base}/documents/%00/`, s.bearer],
      ['GET', `${base}/beneficiaries/${MISSING_UUID}/documents/%00/`, s.bearer],
      ['GET', `${base}/questionnaires/%00/`, s.bearer],
      ['GET', `${base}/questionnaires/%00/answers/`, s.bearer],
      ['GET', '/kyb/forms/%00/beneficiaries/', s.bearer],
      ['GET', '/v1/webhooks/%00/', s.partner.auth],
      ['DELETE', '/v1/webhooks/%ED%A0%80/', s.partner.auth],
      ['GET', '/v1/webhooks/deliveries/%00/', s.partner.auth],
      ['GET', '/v1/flows/%00/', s.partner.auth],
      ['GET', '/v1/themes/%00/', s.partner.auth],
      ['GET', '/v1/questionnaires/%00/', s.partner.auth],
      ['GET', '/v1/companies/%00/screening/', s.partner.auth],
      ['PATCH', '/kyb/tokens/%00/', s.partner.auth],
    ];
    for (const [method, url, auth] of paths) {
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const response = await call(method, url, auth, body);
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(response.json.identifier, `${method} ${url}`).toBe('NOT_FOUND');
    }
    expect(h().logs.filter((line) => JSON.parse(line).level >= 50)).toEqual([]);
  });
});
