/**
 * The one interface every company-register source implements: offline open data (Companies
 * House, GLEIF), online APIs, the deterministic sandbox. Core verbs and jobs reach registers only
 * through `providerFor` (registries/providers.ts), never a provider directly.
 */

/** What a provider can do; a provider lists only what it serves. */
export type RegistryCapability = 'search' | 'profile' | 'filings' | 'sos' | 'registryCenter';

export type RegistryCompanyStatus = 'active' | 'dissolved' | 'liquidation' | 'inactive' | 'unknown';

export interface RegistrySearchQuery {
  /** ISO 3166-1 alpha-2, upper case ("GB", not "UK"). */
  country: string;
  /** Company name as typed: matched ignoring case, accents, punctuation, legal-form spelling and word order. */
  name?: string;
  /** Registration number as typed: matched ignoring spaces, dashes and leading zeros. */
  number?: string;
  /** At most this many results (providers cap it themselves too). */
  limit?: number;
}

export interface RegistryAddress {
  kind: 'registered' | 'business' | 'other';
  lines: string[];
  city?: string;
  postCode?: string;
  country?: string;
}

export interface RegistryCompanySummary {
  /** The provider's id (`RegistryProvider.id`). */
  provider: string;
  country: string;
  /** The register's own identifier; the `registrationNumber` an order or a profile read takes. */
  number: string;
  name: string;
  status: RegistryCompanyStatus;
  legalForm?: string;
  /** YYYY-MM-DD */
  incorporatedOn?: string;
  address?: RegistryAddress;
  lei?: string;
}

/** An officer (director, secretary...) or an owner (a person or company with significant control). */
export interface RegistryPerson {
  kind: 'individual' | 'company';
  role: 'officer' | 'owner';
  name: string;
  /** For individuals, when the register splits it. */
  firstName?: string;
  lastName?: string;
  /** Officer's position as the register words it ("director", "secretary"). */
  position?: string;
  appointedOn?: string;
  ceasedOn?: string;
  /** YYYY-MM (registers publish month and year only). */
  birthMonth?: string;
  nationality?: string;
  countryOfResidence?: string;
  /** Owner's nature of control as the register words it (e.g. "ownership-of-shares-25-to-50-percent"). */
  natureOfControl?: string[];
  /** Share of ownership as a range in percent, when the register gives one. */
  sharesMin?: number;
  sharesMax?: number;
  /** For a corporate owner: its register number and country, when known. */
  registrationNumber?: string;
  registrationCountry?: string;
}

/** A relationship from GLEIF level 2 (who consolidates whom). */
export interface RegistryParent {
  lei: string;
  name?: string;
  relationship: 'direct' | 'ultimate';
}

export interface RegistryProfile extends RegistryCompanySummary {
  addresses: RegistryAddress[];
  /** SIC / NACE / other activity codes as the register gives them. */
  activityCodes: string[];
  officers: RegistryPerson[];
  owners: RegistryPerson[];
  parents: RegistryParent[];
  /** When the provider's data was produced (import date or fetch time), ISO 8601. */
  asOf: string;
}

/** A filing document a register offers (free or paid). */
export interface RegistryFiling {
  /** The provider's id of the document, stable for `fetchFiling`. */
  id: string;
  /** YYYY-MM-DD */
  date: string;
  type: string;
  description: string;
  /** Price in the currency's minor unit (0 when free). */
  price: number;
  currency: string;
  /** Expected delivery time in minutes (0 when immediate). */
  deliveryMinutes: number;
}

/** A fetched filing, or `pending` when the register has not delivered it yet (ask again later). */
export type RegistryFilingContent = { contentType: string; bytes: Buffer } | 'pending';

export interface RegistryProvider {
  /** Stable id stored with every result ("uk-companies-house", "gleif", "sandbox"...). */
  readonly id: string;
  /** Countries served (ISO alpha-2), or '*' for any. */
  readonly countries: readonly string[] | '*';
  readonly capabilities: readonly RegistryCapability[];
  search(query: RegistrySearchQuery, signal?: AbortSignal): Promise<RegistryCompanySummary[]>;
  /** The company's profile, or null when the register does not know the number. */
  profile(country: string, number: string, signal?: AbortSignal): Promise<RegistryProfile | null>;
  filings?(country: string, number: string, signal?: AbortSignal): Promise<RegistryFiling[]>;
  fetchFiling?(country: string, number: string, filingId: string, signal?: AbortSignal): Promise<RegistryFilingContent>;
  /** A US Secretary-of-State filing report (capability `sos`), or null when no state register knows the company. */
  sosReport?(query: SosReportQuery, signal?: AbortSignal): Promise<SosReport | null>;
  /** A person-register check (capability `registryCenter`): the result fields of iDenfy's check for that database. */
  registryCenterCheck?(query: RegistryCenterQuery, signal?: AbortSignal): Promise<Record<string, unknown>>;
}

/** What a Secretary-of-State report is asked for (iDenfy's `SosReportParameterRequest`). */
export interface SosReportQuery {
  companyName: string;
  /** Two-letter US state. */
  state: string;
  city: string;
  street: string;
  postalCode: string;
}

export interface SosReport {
  companyName: string;
  /** YYYY-MM-DD */
  formationDate: string | null;
  entityType: 'CORPORATION' | 'LLC' | 'PARTNERSHIP' | 'NON_PROFIT' | 'TRUST' | 'SOLE_PROPRIETORSHIP' | null;
  watchlistHitsCount: number;
  /** The vendor's data, stored as the report's `dataFile` (JSON). */
  data: unknown;
  /** The vendor's report, stored as the report's `reportFile` (PDF). */
  report: Buffer;
}

/** A registry-center check: the database (`LT`, `HU`, `UK`, `US_15`) and the request's fields. */
export interface RegistryCenterQuery {
  database: string;
  fields: Readonly<Record<string, unknown>>;
}

/**
 * Why a register call failed. `rejected`: the caller is wrong (a number the register refuses),
 * answered as a 4xx. `timeout` and `failure`: the register is wrong, recorded and retried.
 */
export class RegistryError extends Error {
  constructor(
    readonly kind: 'rejected' | 'timeout' | 'failure',
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}
