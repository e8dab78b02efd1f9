import type { Config, REGISTRY_PROVIDER_IDS } from '../config.js';
import type { RegistryProvider } from './provider.js';
import { RegistryProviders } from './providers.js';
import { createSandboxProvider } from './sandbox/sandbox-provider.js';

/** What building a provider may use: the settings and the process's clock. */
export interface ProviderDeps {
  config: Config;
  now: () => number;
}

/** One factory per id `OPENKYB_REGISTRY_PROVIDERS` may name (config.ts REGISTRY_PROVIDER_IDS). */
const FACTORIES: Readonly<Record<(typeof REGISTRY_PROVIDER_IDS)[number], (deps: ProviderDeps) => RegistryProvider>> = {
  sandbox: ({ now }) => createSandboxProvider({ now }),
};

/** The configured providers, in the configured order; built once per process and passed in the context. */
export function buildRegistryProviders(deps: ProviderDeps): RegistryProviders {
  return new RegistryProviders(deps.config.registryProviders.map((id) => FACTORIES[id as keyof typeof FACTORIES](deps)));
}
