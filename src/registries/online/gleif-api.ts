import { addressOf } from '../open-data/company-data.js';
import {
  RegistryError,
  type RegistryAddress,
  type RegistryCompanyStatus,
  type RegistryCompanySummary,
  type RegistryParent,
  type RegistryProvider,
} from '../provider.js';
import { expectArray, fetchRegisterJson, text, type Fetch, type RegisterRequest } from './fetch-register.js';

export interface GleifApiOptions {
  /** Default https://api.gleif.org/api/v1 */
  baseUrl?: string;
  fetch?: Fetch;
  /** Per call; default 10,000 ms. */
  timeoutMs?: number;
  /** Countries served; default every country ('*'). */
  countries?: readonly string[] | '*';
}

export const GLEIF_API_PROVIDER_ID = 'gleif-api';
const REGISTER = 'GLEIF';
const LEI_PATTERN = /^[A-Z0-9]{18}[0-9]{2}$/;
type Json = Record<string, unknown>;

function address(kind: RegistryAddress['kind'], node: unknown): RegistryAddress | undefined {
  const a = (node ?? {}) as Json;
  const lines = Array.isArray(a['addressLines']) ? a['addressLines'].map(text) : [];
  return addressOf(kind, lines, text(a['city']), text(a['postalCode']), text(a['country']));
}

function statusOf(entity: Json, registration: Json): RegistryCompanyStatus {
  const registrationStatus = text(registration['status']);
  if (registrationStatus === 'RETIRED' || registrationStatus === 'ANNULLED' || registrationStatus === 'MERGED') return 'dissolved';
  const status = text(entity['status']);
  return status === 'ACTIVE' ? 'active' : status === 'INACTIVE' ? 'inactive' : 'unknown';
}

/** A `lei-records` resource (JSON:API) as a company; a record without an LEI or a name is a failure. */
function summaryOf(record: unknown): RegistryCompanySummary & { addresses: RegistryAddress[] } {
  const attributes = ((record ?? {}) as Json)['attributes'] as Json | undefined;
  const entity = (attributes?.['entity'] ?? {}) as Json;
  const lei = text(attributes?.['lei']);
  const name = text(((entity['legalName'] ?? {}) as Json)['name']);
  if (!lei || !name) throw new RegistryError('failure', `${REGISTER} answered a record without an LEI or a legal name`);
  const addresses = [address('registered', entity['legalAddress']), address('business', entity['headquartersAddress'])].filter((a) => a !== undefined);
  const jurisdiction = text(entity['jurisdiction']);
  const country = (jurisdiction?.slice(0, 2) ?? addresses[0]?.country ?? 'XX').toUpperCase();
  const summary: RegistryCompanySummary & { addresses: RegistryAddress[] } = {
    provider: GLEIF_API_PROVIDER_ID,
    country,
    number: lei,
    name,
    status: statusOf(entity, (attributes?.['registration'] ?? {}) as Json),
    lei,
    addresses,
  };
  const legalForm = (entity['legalForm'] ?? {}) as Json;
  const form = text(legalForm['id']) === '8888' ? text(legalForm['other']) : (text(legalForm['id']) ?? text(legalForm['other']));
  if (form) summary.legalForm = form;
  const created = text(entity['creationDate']);
  if (created) summary.incorporatedOn = created.slice(0, 10);
  if (addresses[0]) summary.address = addresses[0];
  return summary;
}

/** The GLEIF API (no key): search by name or registration number, an LEI record, its parents. */
export function gleifApiProvider(options: GleifApiOptions = {}): RegistryProvider {
  const baseUrl = (options.baseUrl ?? 'https://api.gleif.org/api/v1').replace(/\/+$/, '');
  const request = (path: string, signal?: AbortSignal): RegisterRequest => ({
    fetch: options.fetch ?? fetch,
    url: `${baseUrl}${path}`,
    headers: { accept: 'application/vnd.api+json' },
    timeoutMs: options.timeoutMs ?? 10_000,
    register: REGISTER,
    ...(signal ? { signal } : {}),
  });
  const get = (path: string, signal?: AbortSignal) => fetchRegisterJson(request(path, signal));
  const list = async (filters: Record<string, string>, limit: number, signal?: AbortSignal) => {
    const query = Object.entries(filters)
      .map(([key, value]) => `filter[${key}]=${encodeURIComponent(value)}`)
      .join('&');
    const body = await get(`/lei-records?${query}&page[size]=${limit}`, signal);
    return expectArray(body ?? {}, 'data', REGISTER).map(summaryOf);
  };
  const byNumber = async (country: string, number: string, limit: number, signal?: AbortSignal) => {
    const compact = number.toUpperCase().replace(/\s+/g, '');
    if (LEI_PATTERN.test(compact)) {
      const body = await get(`/lei-records/${compact}`, signal);
      return body ? [summaryOf(body['data'])] : [];
    }
    if (!/^[\w\-./ ]{1,64}$/.test(number.trim())) throw new RegistryError('rejected', `"${number}" is neither an LEI nor a registration number`);
    return list({ 'entity.registeredAs': number.trim(), 'entity.legalAddress.country': country }, limit, signal);
  };
  const parent = async (lei: string, relationship: RegistryParent['relationship'], signal?: AbortSignal): Promise<RegistryParent[]> => {
    // A 404 is "no parent reported" (GLEIF then publishes a reporting exception instead).
    const body = await get(`/lei-records/${lei}/${relationship}-parent`, signal);
    if (!body) return [];
    const found = summaryOf(body['data']);
    return [{ lei: found.number, name: found.name, relationship }];
  };
  return {
    id: GLEIF_API_PROVIDER_ID,
    countries: options.countries ?? '*',
    capabilities: ['search', 'profile'],
    async search(query, signal) {
      const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
      const country = query.country.toUpperCase() === 'UK' ? 'GB' : query.country.toUpperCase();
      const found = query.number ? await byNumber(country, query.number, limit, signal) : [];
      if (found.length > 0 || !query.name?.trim()) return found.map(({ addresses: _addresses, ...summary }) => summary);
      const named = await list({ 'entity.legalName': query.name.trim(), 'entity.legalAddress.country': country }, limit, signal);
      return named.map(({ addresses: _addresses, ...summary }) => summary);
    },
    async profile(country, number, signal) {
      const code = country.toUpperCase() === 'UK' ? 'GB' : country.toUpperCase();
      const [found] = await byNumber(code, number, 1, signal);
      if (!found) return null;
      const parents = [...(await parent(found.number, 'direct', signal)), ...(await parent(found.number, 'ultimate', signal))];
      return { ...found, activityCodes: [], officers: [], owners: [], parents, asOf: new Date().toISOString() };
    },
  };
}
