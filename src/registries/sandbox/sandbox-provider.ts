import {
  RegistryError,
  type RegistryCenterQuery,
  type RegistryCompanySummary,
  type RegistryFiling,
  type RegistryFilingContent,
  type RegistryProfile,
  type RegistryProvider,
  type RegistrySearchQuery,
  type SosReport,
  type SosReportQuery,
} from '../provider.js';
import {
  FAILING_FILING,
  OUTCOME_CODES,
  SANDBOX_COUNTRIES,
  SILENT_FILING,
  sandboxFilings,
  sandboxProfile,
  type SandboxCountry,
  type SandboxOutcome,
} from './registers.js';
import { registryCenterResult, sosOutcome, sosReport } from './person-registers.js';
import { sandboxPdf } from './sandbox-pdf.js';

/** The sandbox's "now" for `asOf`: fixed, so a profile is the same every time. */
const AS_OF = '2026-01-01T00:00:00.000Z';

/**
 * The deterministic sandbox register, the default provider when nothing else is configured:
 * magic numbers (registers.ts, docs/registries.md) produce every outcome an integrator must
 * handle, so integrators build against it and the tests use it. It never touches the network.
 *
 * `now` drives the one piece of state: a slow document is pending until its delivery time has
 * passed since it was first asked for (kept in memory; a restart starts the wait again).
 */
export function createSandboxProvider(options: { now: () => number }): RegistryProvider {
  const firstAsked = new Map<string, number>();

  const lookup = (country: string, rawNumber: string): { spec: SandboxCountry; number: string; outcome: SandboxOutcome } => {
    const spec = SANDBOX_COUNTRIES.find((c) => c.country === country.toUpperCase());
    if (!spec) throw new RegistryError('rejected', `The sandbox has no register for country "${country}".`);
    const number = rawNumber.replace(/[\s-]/g, '').toUpperCase();
    if (!spec.format.test(number)) throw new RegistryError('rejected', `"${rawNumber}" is not a ${spec.country} registration number (${spec.format.source}).`);
    const outcome = number.startsWith(spec.prefix) ? (OUTCOME_CODES[number.slice(spec.prefix.length)] ?? 'notFound') : 'notFound';
    return { spec, number, outcome };
  };

  /** The faults every call on a number shares: silence until aborted, a failure, garbage. */
  const misbehave = async <T>(outcome: SandboxOutcome, garbage: unknown, signal?: AbortSignal): Promise<T | null> => {
    if (outcome === 'timeout') return neverAnswer(signal);
    if (outcome === 'failure') throw new RegistryError('failure', 'The sandbox register answered 500.');
    if (outcome === 'garbage') return garbage as T;
    return null;
  };

  return {
    id: 'sandbox',
    countries: SANDBOX_COUNTRIES.map((c) => c.country),
    capabilities: ['search', 'profile', 'filings', 'sos', 'registryCenter'],

    async search(query: RegistrySearchQuery, signal?: AbortSignal): Promise<RegistryCompanySummary[]> {
      const spec = SANDBOX_COUNTRIES.find((c) => c.country === query.country.toUpperCase());
      if (!spec) return [];
      if (query.number) {
        const profile = await this.profile(spec.country, query.number, signal);
        return profile ? [summaryOf(profile)] : [];
      }
      const wanted = normaliseName(query.name ?? '');
      const found = (['found', 'nameMismatch', 'dissolved', 'slowDocument'] as const)
        .map((outcome) => sandboxProfile(spec, spec.prefix + codeOf(outcome), outcome, AS_OF))
        .filter((profile) => wanted === '' || normaliseName(profile.name).includes(wanted));
      return found.slice(0, query.limit ?? 20).map(summaryOf);
    },

    async profile(country: string, rawNumber: string, signal?: AbortSignal): Promise<RegistryProfile | null> {
      const { spec, number, outcome } = lookup(country, rawNumber);
      const fault = await misbehave<RegistryProfile>(outcome, { provider: 'sandbox', name: 42, officers: 'none' }, signal);
      if (fault) return fault;
      if (outcome === 'notFound') return null;
      return sandboxProfile(spec, number, outcome, AS_OF);
    },

    async filings(country: string, rawNumber: string, signal?: AbortSignal): Promise<RegistryFiling[]> {
      const { spec, outcome } = lookup(country, rawNumber);
      const fault = await misbehave<RegistryFiling[]>(outcome, [{ id: 7, price: 'free' }], signal);
      if (fault) return fault;
      if (outcome === 'notFound') throw new RegistryError('rejected', `No ${spec.country} company has the number "${rawNumber}".`);
      return sandboxFilings(spec, outcome);
    },

    async fetchFiling(country: string, rawNumber: string, filingId: string, signal?: AbortSignal): Promise<RegistryFilingContent> {
      const { spec, number, outcome } = lookup(country, rawNumber);
      const fault = await misbehave<RegistryFilingContent>(outcome, { contentType: 'application/pdf', bytes: 'not bytes' }, signal);
      if (fault) return fault;
      const filing = outcome === 'notFound' ? undefined : sandboxFilings(spec, outcome).find((f) => f.id === filingId);
      if (!filing) throw new RegistryError('rejected', `The register has no document "${filingId}" for "${rawNumber}".`);
      if (filing.id === FAILING_FILING) throw new RegistryError('failure', 'The sandbox register answered 500 for this document.');
      if (filing.id === SILENT_FILING) return neverAnswer(signal);
      if (filing.deliveryMinutes > 0) {
        const key = `${spec.country}/${number}/${filing.id}`;
        const since = firstAsked.get(key) ?? options.now();
        firstAsked.set(key, since);
        if (options.now() < since + filing.deliveryMinutes * 60_000) return 'pending';
      }
      const profile = sandboxProfile(spec, number, outcome, AS_OF);
      const bytes = await sandboxPdf(filing.description, [`${profile.name} (${spec.country} ${number})`, `Filed ${filing.date}, type ${filing.type}`]);
      return { contentType: 'application/pdf', bytes };
    },

    async sosReport(query: SosReportQuery, signal?: AbortSignal): Promise<SosReport | null> {
      const outcome = sosOutcome(query.postalCode);
      const fault = await misbehave<SosReport>(outcome, { companyName: null, report: 'garbage' }, signal);
      if (fault) return fault;
      if (outcome === 'notFound') return null;
      return sosReport(query);
    },

    async registryCenterCheck(query: RegistryCenterQuery, signal?: AbortSignal): Promise<Record<string, unknown>> {
      const { outcome, result } = registryCenterResult(query);
      const fault = await misbehave<Record<string, unknown>>(outcome, { firstNameStatus: 'MAYBE', addressStatusScore: 'high' }, signal);
      return fault ?? result;
    },
  };
}

function codeOf(outcome: SandboxOutcome): string {
  return Object.entries(OUTCOME_CODES).find(([, value]) => value === outcome)![0];
}

function summaryOf(profile: RegistryProfile): RegistryCompanySummary {
  const { provider, country, number, name, status, legalForm, incorporatedOn, address } = profile;
  return {
    provider,
    country,
    number,
    name,
    status,
    ...(legalForm ? { legalForm } : {}),
    ...(incorporatedOn ? { incorporatedOn } : {}),
    ...(address ? { address } : {}),
  };
}

function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A register that never answers: settles only when the caller gives up (its signal aborts). */
function neverAnswer(signal?: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    const fail = () => reject(new RegistryError('timeout', 'The sandbox register did not answer in time.'));
    // Without a signal nobody would ever give up: time out at once rather than hang a caller.
    if (!signal || signal.aborted) return fail();
    signal.addEventListener('abort', fail, { once: true });
  });
}
