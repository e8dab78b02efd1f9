import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { submittedNamed } from '../../../../../test/companies.js';
import { describeEachDialect } from '../../../../../test/harness.js';
import { screenPending, UN_XML } from '../../../../../test/screening-cases.js';
import { fixturePath } from '../../../../../test/screening/data-dir.js';
import { importList } from '../../../../../src/core/screening/import-list.js';

type Beneficiary = { info: { name: string }; meta: { pepsCheckStatus: string; pepsStatusSetAt: string | null; sanctionsCheckStatus: string } };

describeEachDialect("CompanyDetail: an individual beneficiary's pepsCheckStatus", (h) => {
  const people = [
    { name: 'Olaf', surname: 'Scholz', dateOfBirth: '1958-06-14' },
    { name: 'Jurgita', surname: 'Petrauskienė', dateOfBirth: '1985-03-02' },
  ];
  const detail = async (partner: Awaited<ReturnType<ReturnType<typeof h>['partner']>>, id: string) => {
    const res = await api(h()).call('GET', `/kyb/companies/${id}/`, partner.auth);
    expect(res.status).toBe(200);
    return new Map((res.json.beneficiaries as Beneficiary[]).map((b) => [b.info.name, b.meta]));
  };

  it('is NOT_CHECKED while only sanctions lists were screened against', async () => {
    await importList({ ctx: h().ctx, input: { source: 'un', path: UN_XML() } });
    const partner = await h().partner();
    const id = await submittedNamed(h(), partner, { companyName: 'Plain Trading UAB', people });
    await screenPending(h());
    const metas = await detail(partner, id);
    expect(metas.get('Olaf')).toMatchObject({ pepsCheckStatus: 'NOT_CHECKED', sanctionsCheckStatus: 'NO_FLAGS' });
  });

  it('is FLAGS_FOUND for a beneficiary hit by a PEP entry and NO_FLAGS for the others, then follows the reviewer', async () => {
    await importList({ ctx: h().ctx, input: { source: 'ftm', path: fixturePath('peps.ftm.jsonl') } });
    const partner = await h().partner();
    const id = await submittedNamed(h(), partner, { companyName: 'Plain Holding UAB', people });
    await screenPending(h());
    const metas = await detail(partner, id);
    expect(metas.get('Olaf')).toMatchObject({ pepsCheckStatus: 'FLAGS_FOUND', pepsStatusSetAt: null });
    expect(metas.get('Jurgita')).toMatchObject({ pepsCheckStatus: 'NO_FLAGS' });

    const screening = await api(h()).call('GET', `/v1/companies/${id}/screening/`, partner.auth);
    const hit = (screening.json.subjects as { hits: { id: string; entityId: string }[] }[]).flatMap((s) => s.hits).find((x) => x.entityId === 'ftm:pep-scholz');
    expect(hit).toBeDefined();
    const resolved = await api(h()).call('POST', `/v1/screening/hits/${hit!.id}/resolve/`, partner.auth, { resolution: 'TRUE_POSITIVE' });
    expect(resolved.status).toBe(200);
    const after = (await detail(partner, id)).get('Olaf')!;
    expect(after.pepsCheckStatus).toBe('TRUE_POSITIVE');
    expect(after.pepsStatusSetAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("answers another partner's company with 404", async () => {
    const owner = await h().partner();
    const other = await h().partner();
    const id = await submittedNamed(h(), owner, { companyName: 'Plain Owner UAB', people });
    expect((await api(h()).call('GET', `/kyb/companies/${id}/`, other.auth)).status).toBe(404);
  });
});
