import type { Config, REGISTRY_PROVIDER_IDS } from '../config.js';
import type { Db } from '../db/database.js';
import { companiesHouseApiProvider } from './online/companies-house-api.js';
import { gleifApiProvider } from './online/gleif-api.js';
import type { Fetch } from './online/fetch-register.js';
import { gleifOpenDataProvider, ukOpenDataProvider } from './open-data/open-data-providers.js';
import type { RegistryProvider } from './provider.js';
import { RegistryProviders } from './providers.js';
import { createSandboxProvider } from './sandbox/sandbox-provider.js';

/** What building a provider may use: the settings, the process's clock, the database (open data) and HTTP (online APIs). */
export interface ProviderDeps {
  config: Config;
  now: () => number;
  db: Db;
  /** The online providers' HTTP client; the global fetch unless a test gives its own. */
  fetch?: Fetch;
}

const gleifCountries = (config: Config) => (config.registrySources.gleifCountries.length > 0 ? config.registrySources.gleifCountries : '*');

/** One factory per id `OPENKYB_REGISTRY_PROVIDERS` may name (config.ts REGISTRY_PROVIDER_IDS). */
const FACTORIES: Readonly<Record<(typeof REGISTRY_PROVIDER_IDS)[number], (deps: ProviderDeps) => RegistryProvider>> = {
  sandbox: ({ now }) => createSandboxProvider({ now }),
  'uk-companies-house-open-data': ({ db }) => ukOpenDataProvider(db),
  'gleif-open-data': ({ db, config }) => gleifOpenDataProvider(db, { countries: gleifCountries(config) }),
  'uk-companies-house-api': ({ config, fetch }) => {
    const sources = config.registrySources;
    // config.ts refuses this provider without a key; this guards a configuration built by hand.
    if (sources.companiesHouseApiKey === null) throw new Error('uk-companies-house-api needs OPENKYB_COMPANIES_HOUSE_API_KEY');
    return companiesHouseApiProvider({
      apiKey: sources.companiesHouseApiKey,
      baseUrl: sources.companiesHouseApiUrl,
      documentBaseUrl: sources.companiesHouseDocumentUrl,
      timeoutMs: config.registryTimeoutMs,
      ...(fetch ? { fetch } : {}),
    });
  },
  'gleif-api': ({ config, fetch }) =>
    gleifApiProvider({
      baseUrl: config.registrySources.gleifApiUrl,
      timeoutMs: config.registryTimeoutMs,
      countries: gleifCountries(config),
      ...(fetch ? { fetch } : {}),
    }),
};

/** The configured providers, in the configured order; built once per process and passed in the context. */
export function buildRegistryProviders(deps: ProviderDeps): RegistryProviders {
  return new RegistryProviders(
    deps.config.registryProviders.map((id) => {
      const factory = FACTORIES[id as keyof typeof FACTORIES] as ((deps: ProviderDeps) => RegistryProvider) | undefined;
      if (!factory) throw new Error(`OPENKYB_REGISTRY_PROVIDERS: "${id}" is not a registry provider`);
      return factory(deps);
    }),
  );
}
