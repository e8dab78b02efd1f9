import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryError, type RegistryProfile } from '../provider.js';
import { companiesHouseApiProvider, companiesHouseNumber } from './companies-house-api.js';
import { gleifApiProvider } from './gleif-api.js';

const sample = (name: string) => readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/registries/api', name), 'utf8');
const API_KEY = 'ch-test-key';
const PDF = Buffer.from('%PDF-1.4\n% a filing\n%%EOF\n');
const seen: string[] = [];

/** Answers like the documented APIs (bodies are real responses kept as fixtures), plus faults on chosen numbers. */
function answer(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  seen.push(`${url.pathname}${url.search}`);
  const json = (body: string, status = 200): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  const fault = /\/(?:company|lei-records)\/(\w+)/.exec(url.pathname)?.[1] ?? '';
  if (fault.endsWith('00500') || fault === '5493000000000000F500') return void res.writeHead(500).end('{"error":"boom"}');
  if (fault.endsWith('00777')) return json('<html>maintenance</html>');
  if (fault.endsWith('00400')) return json('{"errors":[{"error":"invalid"}]}', 400);
  if (fault.endsWith('00999')) return void setTimeout(() => json('{}'), 3000);
  if (url.pathname.startsWith('/ch/')) {
    if (req.headers.authorization !== `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`) return json('{"error":"Invalid Authorization"}', 401);
    const route = url.pathname.slice(3);
    const filing = JSON.parse(sample('ch-filing_tell_aldi.json')) as { items: Array<{ transaction_id: string }> };
    if (route === '/search/companies' && url.searchParams.get('q') === 'you') return json(sample('ch-search_result_you.json'));
    if (route === '/company/08957400') return json(sample('ch-company_candour.json'));
    if (route === '/company/08957400/officers') return json(sample('ch-officers_you_limited.json'));
    if (route === '/company/08957400/persons-with-significant-control') return json(sample('ch-persons_yorkshire_air_ambulance.json'));
    if (route === '/company/08957400/filing-history') return json(sample('ch-filing_tell_aldi.json'));
    const item = filing.items.find((each) => route === `/company/08957400/filing-history/${each.transaction_id}`);
    if (item) return json(JSON.stringify(item));
  }
  if (url.pathname === '/docs/document/gC-gKYvd4yGueZh5-gLNFV_Xy3jsiEzQ2rhV09MmiFU/content') {
    if (req.headers.authorization !== `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`) return json('{}', 401);
    return void res.writeHead(302, { location: '/s3/filing.pdf' }).end();
  }
  if (url.pathname === '/s3/filing.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF);
  if (url.pathname === '/gleif/lei-records/5493001KJTIIGC8Y1R12') return json(sample('gleif-single_lei_record_5493001KJTIIGC8Y1R12.json'));
  if (url.pathname === '/gleif/lei-records/5493001KJTIIGC8Y1R12/direct-parent') return json(sample('gleif-direct-parent_5493001KJTIIGC8Y1R12.json'));
  if (url.pathname === '/gleif/lei-records/5493001KJTIIGC8Y1R12/ultimate-parent') return json(sample('gleif-ultimate-parent_5493001KJTIIGC8Y1R12.json'));
  if (url.pathname === '/gleif/lei-records' && url.searchParams.get('filter[entity.legalName]') === 'Bloomberg')
    return json(sample('gleif-multi_lei_records.json'));
  if (url.pathname === '/gleif/lei-records' && url.searchParams.get('filter[entity.registeredAs]') === 'GARBAGE') return json('{"data": "not a list"}');
  json('{"errors":[{"status":"404","title":"Not Found"}]}', 404);
}

describe('online registers against a local server answering like the documented APIs', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer(answer);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const ch = () => companiesHouseApiProvider({ apiKey: API_KEY, baseUrl: `${base}/ch`, documentBaseUrl: `${base}/docs`, timeoutMs: 500 });
  const gleif = () => gleifApiProvider({ baseUrl: `${base}/gleif`, timeoutMs: 500 });
  /** What every provider's profile says of a company: who read it, its number, name, status, legal form and date of incorporation. */
  const identity = (profile: RegistryProfile | null) =>
    profile && [profile.provider, profile.number, profile.name, profile.status, profile.legalForm, profile.incorporatedOn];
  const kindOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: unknown) => (error instanceof RegistryError ? error.kind : `not a RegistryError: ${String(error)}`),
    );

  it('reads a Companies House profile with its officers and persons with significant control', async () => {
    const profile = await ch().profile('GB', '8957400');
    expect(identity(profile)).toEqual(['uk-companies-house-api', '08957400', 'CANDOUR GROUP LIMITED', 'active', 'ltd', '2014-03-25']);
    expect(profile).toMatchObject({
      activityCodes: ['68100'],
      address: { kind: 'registered', lines: ['71 New Dover Road'], city: 'Canterbury', postCode: 'CT1 3DZ', country: 'England' },
    });
    expect(profile!.officers).toHaveLength(7);
    expect(profile!.officers[0]).toMatchObject({
      kind: 'individual',
      role: 'officer',
      name: 'STEVENSON, Elizabeth Mary',
      lastName: 'STEVENSON',
      firstName: 'Elizabeth',
      position: 'secretary',
    });
    expect(profile!.officers[3]).toMatchObject({ kind: 'company', position: 'corporate-nominee-secretary', ceasedOn: '2002-07-02' });
    expect(profile!.owners.map((owner) => [owner.kind, owner.name])).toEqual([
      ['individual', 'Mr Peter Sunderland'],
      ['individual', 'Mr Bruce Burns'],
      ['individual', 'Mr Kevin Hynes'],
      ['individual', 'Mr John William Young Strachan Samuel'],
      ['company', 'Yorkshire Air Ambulance Ltd'],
    ]);
    expect(await ch().profile('GB', '12345678')).toBeNull();
  });

  it('searches Companies House by name and by number', async () => {
    const hits = await ch().search({ country: 'GB', name: 'you', limit: 5 });
    expect(hits).toHaveLength(5);
    expect(hits.map((hit) => hit.number)).not.toContain('11722385');
    expect(hits[0]).toMatchObject({
      number: '04475590',
      name: 'YOU  LIMITED',
      status: 'active',
      incorporatedOn: '2002-07-02',
      address: { city: 'Beverley', postCode: 'HU17 8EU' },
    });
    expect(await ch().search({ country: 'GB', number: '08957400' })).toEqual([expect.objectContaining({ name: 'CANDOUR GROUP LIMITED' })]);
  });

  it('lists the free filing history and downloads a document through the document API', async () => {
    const filings = await ch().filings!('GB', '08957400');
    expect(filings).toHaveLength(3);
    expect(filings[0]).toEqual({
      id: 'MzM2NjYwMzgyOGFkaXF6a2N4',
      date: '2023-01-20',
      type: 'CERTNM',
      description: 'Company name changed helping hands trust LTD\\certificate issued on 20/01/23',
      price: 0,
      currency: 'GBP',
      deliveryMinutes: 0,
    });
    const document = await ch().fetchFiling!('GB', '08957400', 'MzM2NjYwMzgyOGFkaXF6a2N4');
    expect(document).toEqual({ contentType: 'application/pdf', bytes: PDF });
    expect(seen).toContain('/docs/document/gC-gKYvd4yGueZh5-gLNFV_Xy3jsiEzQ2rhV09MmiFU/content');
  });

  it('maps timeouts, 500s, garbage and refused numbers to RegistryError kinds', async () => {
    const before = seen.length;
    expect(await kindOf(ch().profile('GB', 'not a number!'))).toBe('rejected');
    expect(await kindOf(ch().profile('GB', 'SC1234567'))).toBe('rejected');
    expect(seen.length).toBe(before);
    expect(await kindOf(ch().profile('GB', '00000400'))).toBe('rejected');
    expect(await kindOf(ch().profile('GB', '00000500'))).toBe('failure');
    expect(await kindOf(ch().profile('GB', '00000777'))).toBe('failure');
    expect(await kindOf(ch().profile('GB', '00000999'))).toBe('timeout');
    expect(await kindOf(companiesHouseApiProvider({ apiKey: 'wrong', baseUrl: `${base}/ch`, timeoutMs: 500 }).profile('GB', '08957400'))).toBe('failure');
    expect(await kindOf(companiesHouseApiProvider({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:1', timeoutMs: 500 }).profile('GB', '08957400'))).toBe(
      'failure',
    );
    expect(await kindOf(gleif().profile('US', '5493000000000000F500'))).toBe('failure');
    expect(await kindOf(gleif().search({ country: 'US', number: 'GARBAGE' }))).toBe('failure');
    expect(await kindOf(gleif().search({ country: 'US', number: '<script>' }))).toBe('rejected');
  });

  it('reads a GLEIF record with its direct and ultimate parents, and searches by name', async () => {
    const lei = '5493001KJTIIGC8Y1R12';
    const profile = await gleif().profile('US', lei);
    expect(identity(profile)).toEqual(['gleif-api', lei, 'Bloomberg Finance L.P.', 'active', 'T91T', '2007-06-05']);
    expect(profile).toMatchObject({ country: 'US', lei });
    expect(profile!.addresses.map((a) => a.kind)).toEqual(['registered', 'business']);
    expect(profile!.parents).toEqual([
      { lei: '549300B56MD0ZC402L06', name: 'Bloomberg L.P.', relationship: 'direct' },
      { lei: '549300RMUDWPHCUQNE66', name: 'Bloomberg Inc.', relationship: 'ultimate' },
    ]);
    expect(await gleif().profile('US', '5493009999999999XX11')).toBeNull();
    const hits = await gleif().search({ country: 'US', name: 'Bloomberg' });
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.every((hit) => /^[A-Z0-9]{20}$/.test(hit.number) && hit.provider === 'gleif-api')).toBe(true);
  });

  it('normalises Companies House numbers to the eight characters the API takes', () => {
    expect(companiesHouseNumber('8957400')).toBe('08957400');
    expect(companiesHouseNumber('sc 12345')).toBe('SC012345');
    expect(() => companiesHouseNumber('123456789')).toThrow(RegistryError);
  });
});
