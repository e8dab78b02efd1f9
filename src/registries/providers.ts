import type { RegistryCapability, RegistryProvider } from './provider.js';

/**
 * The configured providers, most specific first. Built once at start-up from configuration
 * (the sandbox is the default when nothing else is configured) and passed in the context.
 */
export class RegistryProviders {
  constructor(private readonly providers: readonly RegistryProvider[]) {}

  /** The first provider that serves `country` with `capability`, or null. */
  providerFor(country: string, capability: RegistryCapability): RegistryProvider | null {
    const code = country.toUpperCase();
    for (const provider of this.providers) {
      if (!provider.capabilities.includes(capability)) continue;
      if (provider.countries === '*' || provider.countries.includes(code)) return provider;
    }
    return null;
  }

  byId(id: string): RegistryProvider | null {
    return this.providers.find((provider) => provider.id === id) ?? null;
  }

  list(): readonly RegistryProvider[] {
    return this.providers;
  }
}
