import { addressOf, companyStatusOf } from '../open-data/company-data.js';
import { pscPerson } from '../open-data/datasets/uk-psc.js';
import {
  RegistryError,
  type RegistryAddress,
  type RegistryCompanySummary,
  type RegistryFiling,
  type RegistryPerson,
  type RegistryProfile,
  type RegistryProvider,
} from '../provider.js';
import { expectArray, fetchRegister, fetchRegisterJson, text, type Fetch, type RegisterRequest } from './fetch-register.js';

export interface CompaniesHouseApiOptions {
  apiKey: string;
  /** Default https://api.company-information.service.gov.uk */
  baseUrl?: string;
  /** Where filing documents are fetched; default https://document-api.company-information.service.gov.uk */
  documentBaseUrl?: string;
  fetch?: Fetch;
  /** Per call; default 10,000 ms. */
  timeoutMs?: number;
}

export const COMPANIES_HOUSE_API_PROVIDER_ID = 'uk-companies-house-api';
const REGISTER = 'Companies House';
type Json = Record<string, unknown>;

/**
 * A Companies House number as the API wants it: 8 characters, digits padded with zeros
 * ("8209948" is "08209948", "SC12345" is "SC012345"). Anything else is refused before any call.
 */
export function companiesHouseNumber(number: string): string {
  const compact = number.toUpperCase().replace(/[\s\-./]+/g, '');
  const match = /^([A-Z]{2})?(\d{1,8})$/.exec(compact);
  if (!match || (match[1] && match[2]!.length > 6)) throw new RegistryError('rejected', `"${number}" is not a Companies House company number`);
  return match[1] ? match[1] + match[2]!.padStart(6, '0') : match[2]!.padStart(8, '0');
}

function address(kind: RegistryAddress['kind'], node: unknown): RegistryAddress | undefined {
  const a = (node ?? {}) as Json;
  const premises = text(a['premises']);
  const first = text(a['address_line_1']);
  return addressOf(
    kind,
    [
      text(a['care_of']) && `c/o ${text(a['care_of'])}`,
      premises && first ? `${premises} ${first}` : (premises ?? first),
      text(a['address_line_2']),
      text(a['region']),
    ],
    text(a['locality']),
    text(a['postal_code']),
    text(a['country']),
  );
}

/** "STEVENSON, Elizabeth Mary" as the register writes an officer. */
function officer(item: Json): RegistryPerson {
  const name = text(item['name']) ?? '';
  const role = text(item['officer_role']) ?? 'officer';
  const person: RegistryPerson = { kind: role.startsWith('corporate') ? 'company' : 'individual', role: 'officer', name, position: role };
  const [surname, forenames] = name.split(',', 2).map((part) => part.trim());
  if (person.kind === 'individual' && surname && forenames) {
    person.lastName = surname;
    person.firstName = forenames.split(/\s+/)[0]!;
  }
  if (text(item['appointed_on'])) person.appointedOn = text(item['appointed_on'])!;
  if (text(item['resigned_on'])) person.ceasedOn = text(item['resigned_on'])!;
  const birth = item['date_of_birth'] as Json | undefined;
  if (birth && typeof birth['year'] === 'number' && typeof birth['month'] === 'number')
    person.birthMonth = `${birth['year']}-${String(birth['month']).padStart(2, '0')}`;
  if (text(item['nationality'])) person.nationality = text(item['nationality'])!;
  if (text(item['country_of_residence'])) person.countryOfResidence = text(item['country_of_residence'])!;
  return person;
}

/** The Companies House public data API (an API key), with its filing history and document API. */
export function companiesHouseApiProvider(options: CompaniesHouseApiOptions): RegistryProvider {
  const baseUrl = (options.baseUrl ?? 'https://api.company-information.service.gov.uk').replace(/\/+$/, '');
  const documentBaseUrl = (options.documentBaseUrl ?? 'https://document-api.company-information.service.gov.uk').replace(/\/+$/, '');
  const id = COMPANIES_HOUSE_API_PROVIDER_ID;
  const request = (url: string, signal?: AbortSignal): RegisterRequest => ({
    fetch: options.fetch ?? fetch,
    url,
    // The API key is the Basic user name with an empty password.
    headers: { authorization: `Basic ${Buffer.from(`${options.apiKey}:`).toString('base64')}` },
    timeoutMs: options.timeoutMs ?? 10_000,
    register: REGISTER,
    ...(signal ? { signal } : {}),
  });
  const get = (path: string, signal?: AbortSignal) => fetchRegisterJson(request(`${baseUrl}${path}`, signal));

  const summary = (item: Json, name: unknown, addressNode: unknown): RegistryCompanySummary => {
    const number = text(item['company_number']);
    const companyName = text(name);
    if (!number || !companyName) throw new RegistryError('failure', `${REGISTER} answered a company without a number or a name`);
    const result: RegistryCompanySummary = {
      provider: id,
      country: 'GB',
      number,
      name: companyName,
      status: companyStatusOf(text(item['company_status']) ?? ''),
    };
    if (text(item['company_type'] ?? item['type'])) result.legalForm = text(item['company_type'] ?? item['type'])!;
    if (text(item['date_of_creation'])) result.incorporatedOn = text(item['date_of_creation'])!;
    const registered = address('registered', addressNode);
    if (registered) result.address = registered;
    return result;
  };

  const profile = async (_country: string, number: string, signal?: AbortSignal): Promise<RegistryProfile | null> => {
    const path = `/company/${companiesHouseNumber(number)}`;
    const company = await get(path, signal);
    if (!company) return null;
    const base = summary(company, company['company_name'], company['registered_office_address']);
    const officers = expectArray((await get(`${path}/officers?items_per_page=100`, signal)) ?? {}, 'items', REGISTER).map(officer);
    const psc = expectArray((await get(`${path}/persons-with-significant-control?items_per_page=100`, signal)) ?? {}, 'items', REGISTER);
    const owners = psc.flatMap((item) => pscPerson(text(item['kind']) ?? '', item) ?? []);
    const codes = Array.isArray(company['sic_codes']) ? company['sic_codes'].filter((code): code is string => typeof code === 'string') : [];
    return { ...base, addresses: base.address ? [base.address] : [], activityCodes: codes, officers, owners, parents: [], asOf: new Date().toISOString() };
  };

  return {
    id,
    countries: ['GB'],
    capabilities: ['search', 'profile', 'filings'],
    async search(query, signal) {
      const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
      if (query.number) {
        const company = await get(`/company/${companiesHouseNumber(query.number)}`, signal);
        return company ? [summary(company, company['company_name'], company['registered_office_address'])] : [];
      }
      if (!query.name?.trim()) return [];
      const body = await get(`/search/companies?q=${encodeURIComponent(query.name.trim())}&items_per_page=${limit}`, signal);
      // Real answers hold the odd item without a title; it cannot be shown, so it is left out.
      return expectArray(body ?? {}, 'items', REGISTER)
        .filter((item) => text(item['company_number']) && text(item['title']))
        .slice(0, limit)
        .map((item) => summary(item, item['title'], item['address']));
    },
    profile,
    async filings(_country, number, signal) {
      const body = await get(`/company/${companiesHouseNumber(number)}/filing-history?items_per_page=100`, signal);
      if (!body) throw new RegistryError('rejected', `${REGISTER} has no company ${number}`);
      return expectArray(body, 'items', REGISTER).map((item): RegistryFiling => {
        const filingId = text(item['transaction_id']);
        const date = text(item['date']);
        if (!filingId || !date) throw new RegistryError('failure', `${REGISTER} answered a filing without a transaction id or a date`);
        const values = (item['description_values'] ?? {}) as Json;
        return {
          id: filingId,
          date,
          type: text(item['type']) ?? 'unknown',
          description: text(values['description']) ?? text(item['description']) ?? '',
          price: 0,
          currency: 'GBP',
          deliveryMinutes: 0,
        };
      });
    },
    async fetchFiling(_country, number, filingId, signal) {
      if (!/^[A-Za-z0-9_-]{1,100}$/.test(filingId)) throw new RegistryError('rejected', 'not a Companies House filing id');
      const filing = await get(`/company/${companiesHouseNumber(number)}/filing-history/${filingId}`, signal);
      if (!filing) throw new RegistryError('rejected', `${REGISTER} has no filing ${filingId} for ${number}`);
      const metadata = text(((filing['links'] ?? {}) as Json)['document_metadata']);
      if (!metadata) throw new RegistryError('rejected', `${REGISTER} holds no document for filing ${filingId}`);
      // Only the metadata link's path is used: the API key goes to the configured document host alone.
      let documentPath: string;
      try {
        documentPath = new URL(metadata, documentBaseUrl).pathname;
      } catch {
        throw new RegistryError('failure', `${REGISTER} answered a document link that is not a URL`);
      }
      const response = await fetchRegister(request(`${documentBaseUrl}${documentPath}/content`, signal), 'application/pdf');
      if (!response) throw new RegistryError('failure', `${REGISTER} lost the document of filing ${filingId}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      return { contentType: response.headers.get('content-type')?.split(';')[0] ?? 'application/pdf', bytes };
    },
  };
}
