import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { openTestDatabase } from '../../test/harness.js';
import type { DatabaseHandle } from '../db/database.js';
import { buildRegistryProviders } from './build-providers.js';

const sample = (name: string) => readFileSync(path.join(import.meta.dirname, '../../test/fixtures/registries/api', name), 'utf8');
const env = (extra: NodeJS.ProcessEnv) => ({ OPENKYB_SECRET: 'x'.repeat(40), OPENKYB_DATA_DIR: '/tmp/openkyb-build-providers', ...extra });

describe('OPENKYB_REGISTRY_PROVIDERS builds the providers it names, in its order', () => {
  let database: { handle: DatabaseHandle; cleanup(): Promise<void> };
  let server: Server;
  let base: string;
  const seen: Array<{ path: string; authorization: string | undefined }> = [];
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
      if (req.url === '/ch/company/08957400') return void res.writeHead(200, { 'content-type': 'application/json' }).end(sample('ch-company_candour.json'));
      if (req.url === '/gleif/lei-records/5493001KJTIIGC8Y1R12')
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(sample('gleif-single_lei_record_5493001KJTIIGC8Y1R12.json'));
      res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.cleanup();
  });
  const build = (extra: NodeJS.ProcessEnv) => buildRegistryProviders({ config: loadConfig(env(extra)), db: database.handle.db, now: () => Date.now() });

  it('builds each of the five ids, with the countries and capabilities each serves', () => {
    const built = build({
      OPENKYB_REGISTRY_PROVIDERS: 'uk-companies-house-api, uk-companies-house-open-data,gleif-api,gleif-open-data,sandbox',
      OPENKYB_COMPANIES_HOUSE_API_KEY: 'key',
      OPENKYB_GLEIF_COUNTRIES: 'de,FR',
    });
    expect(built.list().map((p) => [p.id, p.countries, p.capabilities])).toEqual([
      ['uk-companies-house-api', ['GB'], ['search', 'profile', 'filings']],
      ['uk-companies-house-open-data', ['GB'], ['search', 'profile']],
      ['gleif-api', ['DE', 'FR'], ['search', 'profile']],
      ['gleif-open-data', ['DE', 'FR'], ['search', 'profile']],
      ['sandbox', expect.arrayContaining(['GB', 'LT']), expect.arrayContaining(['profile', 'filings', 'sos', 'registryCenter'])],
    ]);
    // Most specific first: GB goes to the API, LT (GLEIF narrowed to DE and FR) to the sandbox.
    expect(built.providerFor('GB', 'profile')?.id).toBe('uk-companies-house-api');
    expect(built.providerFor('LT', 'profile')?.id).toBe('sandbox');
    expect(
      build({})
        .list()
        .map((p) => p.id),
    ).toEqual(['sandbox']);
  });

  it('points the online providers at the configured base URLs, with the Companies House key', async () => {
    const built = build({
      OPENKYB_REGISTRY_PROVIDERS: 'uk-companies-house-api,gleif-api',
      OPENKYB_COMPANIES_HOUSE_API_KEY: 'ch-key',
      OPENKYB_COMPANIES_HOUSE_API_URL: `${base}/ch`,
      OPENKYB_GLEIF_API_URL: `${base}/gleif`,
    });
    const company = await built.providerFor('GB', 'search')!.search({ country: 'GB', number: '8957400' });
    expect(company.map((c) => [c.provider, c.number])).toEqual([['uk-companies-house-api', '08957400']]);
    const lei = await built.providerFor('DE', 'search')!.search({ country: 'DE', number: '5493001KJTIIGC8Y1R12' });
    expect(lei.map((c) => [c.provider, c.number])).toEqual([['gleif-api', '5493001KJTIIGC8Y1R12']]);
    expect(seen.map((s) => [s.path, s.authorization])).toEqual([
      ['/ch/company/08957400', `Basic ${Buffer.from('ch-key:').toString('base64')}`],
      ['/gleif/lei-records/5493001KJTIIGC8Y1R12', undefined],
    ]);
  });

  it('refuses an unknown id, the API provider without its key, and a malformed setting, naming the variable', () => {
    expect(() => build({ OPENKYB_REGISTRY_PROVIDERS: 'sandbox,companies-house' })).toThrow(ConfigError);
    expect(() => build({ OPENKYB_REGISTRY_PROVIDERS: 'sandbox,companies-house' })).toThrow(
      'OPENKYB_REGISTRY_PROVIDERS: "companies-house" is not one of sandbox, uk-companies-house-open-data, gleif-open-data, uk-companies-house-api, gleif-api',
    );
    expect(() => build({ OPENKYB_REGISTRY_PROVIDERS: 'uk-companies-house-api' })).toThrow(
      'OPENKYB_REGISTRY_PROVIDERS: "uk-companies-house-api" needs OPENKYB_COMPANIES_HOUSE_API_KEY',
    );
    expect(() => build({ OPENKYB_GLEIF_COUNTRIES: 'DEU' })).toThrow('OPENKYB_GLEIF_COUNTRIES: "DEU" is not a two-letter country code');
    expect(() => build({ OPENKYB_GLEIF_API_URL: 'ftp://gleif' })).toThrow(ConfigError);
  });
});
