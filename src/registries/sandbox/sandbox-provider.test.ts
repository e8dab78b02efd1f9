import { describe, expect, it } from 'vitest';
import { RegistryError } from '../provider.js';
import { createSandboxProvider } from './sandbox-provider.js';

const now = { ms: Date.parse('2026-11-26T10:00:00Z') };
const sandbox = createSandboxProvider({ now: () => now.ms });

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return (error as RegistryError).kind;
}

describe('sandbox register', () => {
  it('answers every magic number of every country with its documented outcome', async () => {
    const cases = [
      ['GB', '09000'],
      ['LT', '300000'],
      ['DE', 'HRB100'],
      ['HU', '0109000'],
      ['US', '7000'],
      ['FR', '900000'],
    ] as const;
    expect(sandbox.countries).toEqual(cases.map(([country]) => country));
    for (const [country, prefix] of cases) {
      const found = await sandbox.profile(country, `${prefix}001`);
      expect(found).toMatchObject({ country, number: `${prefix}001`, status: 'active', name: expect.stringMatching(/^Sandbox Trading /) });
      expect(found!.owners.map((o) => o.name)).toContain('Victor Hidden');
      expect((await sandbox.profile(country, `${prefix}002`))!.name).toMatch(/^Meridian Consulting Group /);
      expect((await sandbox.profile(country, `${prefix}003`))!.status).toBe('dissolved');
      expect(await sandbox.profile(country, `${prefix}404`)).toBeNull();
      expect(await sandbox.profile(country, `${prefix}123`)).toBeNull();
      expect(await failure(sandbox.profile(country, `${prefix}408`, AbortSignal.abort()))).toBe('timeout');
      expect(await failure(sandbox.profile(country, `${prefix}500`))).toBe('failure');
      expect(await sandbox.profile(country, `${prefix}502`)).toMatchObject({ name: 42 });
      expect(await failure(sandbox.profile(country, 'not a number!'))).toBe('rejected');
    }
  });

  it('waits for the caller to give up on a silent number, and no longer', async () => {
    const controller = new AbortController();
    const pending = sandbox.filings!('GB', '09000408', controller.signal);
    controller.abort();
    expect(await failure(pending)).toBe('timeout');
  });

  it('delivers the slow document only after its delivery time since it was first asked for', async () => {
    const filings = await sandbox.filings!('LT', '300000004');
    const slow = filings.find((f) => f.deliveryMinutes > 0)!;
    expect(slow).toMatchObject({ id: 'doc-archive', deliveryMinutes: 30 });
    expect(await sandbox.fetchFiling!('LT', '300000004', slow.id)).toBe('pending');
    now.ms += 29 * 60_000;
    expect(await sandbox.fetchFiling!('LT', '300000004', slow.id)).toBe('pending');
    now.ms += 60_000;
    const delivered = await sandbox.fetchFiling!('LT', '300000004', slow.id);
    expect(delivered).not.toBe('pending');
    expect((delivered as { bytes: Buffer }).bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('produces the same document bytes every time', async () => {
    const a = await sandbox.fetchFiling!('GB', '09000001', 'doc-incorporation');
    const b = await sandbox.fetchFiling!('GB', '09000001', 'doc-incorporation');
    expect(a).toEqual(b);
  });

  it('prices UK filings at nothing and others in the minor unit', async () => {
    expect((await sandbox.filings!('GB', '09000001')).every((f) => f.price === 0)).toBe(true);
    expect((await sandbox.filings!('FR', '900000001')).find((f) => f.id === 'doc-accounts-2025')?.price).toBe(1500);
  });

  it('searches a register by name ignoring case and punctuation', async () => {
    const results = await sandbox.search({ country: 'DE', name: 'meridian-consulting' });
    expect(results.map((r) => r.number)).toEqual(['HRB100002']);
  });

  it('answers person registers and SOS reports by their magic endings', async () => {
    expect(await sandbox.registryCenterCheck!({ database: 'LT', fields: { checkedPersonalNumber: '38001010001' } })).toMatchObject({ name: 'JONAS' });
    expect(await sandbox.registryCenterCheck!({ database: 'LT', fields: { checkedPersonalNumber: '38001010404' } })).toMatchObject({ name: null });
    expect(await failure(sandbox.registryCenterCheck!({ database: 'UK', fields: { lastName: 'Failure' } }))).toBe('failure');
    const sos = await sandbox.sosReport!({ companyName: 'Acme Sanctioned LLC', state: 'DE', city: 'Dover', street: '1 Main St', postalCode: '19901' });
    expect(sos).toMatchObject({ entityType: 'LLC', watchlistHitsCount: 1 });
    expect(await sandbox.sosReport!({ companyName: 'Nobody Inc', state: 'DE', city: 'Dover', street: '1 Main St', postalCode: '19404' })).toBeNull();
  });
});
