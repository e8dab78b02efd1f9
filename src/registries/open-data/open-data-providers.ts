import type { Db } from '../../db/database.js';
import type { RegistryImportRow } from '../../db/tables.js';
import type {
  RegistryCompanyStatus,
  RegistryCompanySummary,
  RegistryParent,
  RegistryPerson,
  RegistryProfile,
  RegistryProvider,
  RegistrySearchQuery,
} from '../provider.js';
import type { CompanyData } from './company-data.js';
import type { DatasetId } from './dataset.js';
import { numberKey } from './keys.js';
import { companiesByName, companiesByNumber, importRows, liveImport, MAX_RESULTS } from './search.js';

type CompanyRow = Awaited<ReturnType<typeof companiesByNumber>>[number];

export const UK_OPEN_DATA_PROVIDER_ID = 'uk-companies-house-open-data';
export const GLEIF_OPEN_DATA_PROVIDER_ID = 'gleif-open-data';

/** "UK" is how iDenfy and people write the United Kingdom; registers use ISO's "GB". */
const countryCode = (country: string) => (country.toUpperCase() === 'UK' ? 'GB' : country.toUpperCase());

function summaryOf(provider: string, row: CompanyRow): RegistryCompanySummary {
  const data = JSON.parse(row.data) as CompanyData;
  const summary: RegistryCompanySummary = { provider, country: row.country, number: row.number, name: row.name, status: row.status as RegistryCompanyStatus };
  if (row.legal_form) summary.legalForm = row.legal_form;
  if (row.incorporated_on) summary.incorporatedOn = row.incorporated_on;
  if (data.addresses[0]) summary.address = data.addresses[0];
  if (data.lei) summary.lei = data.lei;
  return summary;
}

async function search(db: Db, provider: string, dataset: DatasetId, query: RegistrySearchQuery, country?: string): Promise<RegistryCompanySummary[]> {
  const live = await liveImport(db, dataset);
  if (!live) return [];
  const limit = Math.min(Math.max(query.limit ?? 20, 1), MAX_RESULTS);
  const options = { limit, ...(country ? { country } : {}) };
  const byNumber = query.number ? await companiesByNumber(db, live, query.number, options) : [];
  const byName = query.name && byNumber.length === 0 ? await companiesByName(db, live, query.name, options) : [];
  return [...byNumber, ...byName].slice(0, limit).map((row) => summaryOf(provider, row));
}

function asOf(live: RegistryImportRow): string {
  return live.published_at ?? new Date(Number(live.imported_at)).toISOString();
}

/** Parents from the live GLEIF level 2 import, named from the live level 1 import. */
async function parentsOf(db: Db, lei: string): Promise<RegistryParent[]> {
  const relationships = await liveImport(db, 'gleif-rr');
  if (!relationships) return [];
  const rows = await importRows(db, relationships, 'registry_relationships')
    .select(['parent_lei', 'kind'])
    .where('child_lei', '=', lei)
    .where('status', '=', 'ACTIVE')
    .execute();
  const leis = await liveImport(db, 'gleif-lei');
  const names = new Map<string, string>();
  if (leis && rows.length > 0) {
    const named = await importRows(db, leis, 'registry_companies')
      .select(['number', 'name'])
      .where(
        'number_key',
        'in',
        rows.map((row) => row.parent_lei),
      )
      .execute();
    for (const row of named) names.set(row.number, row.name);
  }
  return rows.map((row) => ({ lei: row.parent_lei, relationship: row.kind, ...(names.has(row.parent_lei) ? { name: names.get(row.parent_lei)! } : {}) }));
}

function profileOf(
  provider: string,
  row: CompanyRow,
  live: RegistryImportRow,
  extra: { owners: RegistryPerson[]; parents: RegistryParent[]; lei?: string },
): RegistryProfile {
  const data = JSON.parse(row.data) as CompanyData;
  const summary = summaryOf(provider, row);
  if (extra.lei) summary.lei = extra.lei;
  return {
    ...summary,
    addresses: data.addresses,
    activityCodes: data.activityCodes,
    officers: [],
    owners: extra.owners,
    parents: extra.parents,
    asOf: asOf(live),
  };
}

/**
 * Companies House open data (basic company data and the PSC snapshot), joined with GLEIF when
 * both are imported: a company's LEI is the GLEIF record registered under its number.
 */
export function ukOpenDataProvider(db: Db): RegistryProvider {
  const id = UK_OPEN_DATA_PROVIDER_ID;
  return {
    id,
    countries: ['GB'],
    capabilities: ['search', 'profile'],
    search: (query) => search(db, id, 'uk-basic', query),
    async profile(_country, number) {
      const live = await liveImport(db, 'uk-basic');
      if (!live) return null;
      const key = numberKey(number);
      const row = await importRows(db, live, 'registry_companies').selectAll().where('number_key', '=', key).executeTakeFirst();
      if (!row) return null;
      const psc = await liveImport(db, 'uk-psc');
      const owners = psc
        ? (await importRows(db, psc, 'registry_persons').select('data').where('company_number_key', '=', key).orderBy('id').execute()).map(
            (person) => JSON.parse(person.data) as RegistryPerson,
          )
        : [];
      const gleif = await liveImport(db, 'gleif-lei');
      const lei = gleif
        ? (
            await importRows(db, gleif, 'registry_companies')
              .select('number')
              .where('registered_number_key', '=', key)
              .where('country', '=', 'GB')
              .executeTakeFirst()
          )?.number
        : undefined;
      return profileOf(id, row as CompanyRow, live, { owners, parents: lei ? await parentsOf(db, lei) : [], ...(lei ? { lei } : {}) });
    },
  };
}

/** The GLEIF Golden Copy: any country's legal entities with an LEI, and their parents. */
export function gleifOpenDataProvider(db: Db, options: { countries?: readonly string[] | '*' } = {}): RegistryProvider {
  const id = GLEIF_OPEN_DATA_PROVIDER_ID;
  return {
    id,
    countries: options.countries ?? '*',
    capabilities: ['search', 'profile'],
    search: (query) => search(db, id, 'gleif-lei', query, countryCode(query.country)),
    async profile(country, number) {
      const live = await liveImport(db, 'gleif-lei');
      if (!live) return null;
      const [row] = await companiesByNumber(db, live, number, { country: countryCode(country), limit: 1 });
      if (!row) return null;
      return profileOf(id, row, live, { owners: [], parents: await parentsOf(db, row.number) });
    },
  };
}

/**
 * The open-data providers, Companies House first (more specific). GLEIF serves every country
 * unless `gleifCountries` narrows it, so place a more specific provider before it.
 */
export function openDataProviders(db: Db, options: { gleifCountries?: readonly string[] | '*' } = {}): RegistryProvider[] {
  return [ukOpenDataProvider(db), gleifOpenDataProvider(db, options.gleifCountries ? { countries: options.gleifCountries } : {})];
}
