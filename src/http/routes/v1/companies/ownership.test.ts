import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { describeEachDialect } from '../../../../../test/harness.js';
import { startSession } from '../../../../../test/kyb.js';
import { renderCompanyOwnership } from '../../../../core/ownership/get-ownership.js';

const anna = { infoType: 'INDIVIDUAL', name: 'Anna', surname: 'Berg', personalNumber: '38001010001', nationality: 'LT' };

describeEachDialect('GET /v1/companies/{id}/ownership/', (h) => {
  async function tree() {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const add = async (body: Record<string, unknown>) => {
      const r = await call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, body);
      expect(r.status).toBe(201);
      return r.json.id as string;
    };
    const holding = await add({
      beneficiaryType: 'SHAREHOLDER',
      ownershipPercentage: 60,
      info: { infoType: 'COMPANY', companyName: 'Holding BV', country: 'NL' },
    });
    const viaHolding = await add({ beneficiaryType: 'SHAREHOLDER', ownershipPercentage: 50, parent: holding, info: anna });
    const direct = await add({ beneficiaryType: 'SHAREHOLDER', ownershipPercentage: 20, info: anna });
    const ceo = await add({ beneficiaryType: 'CEO', positions: ['Director'], info: { infoType: 'INDIVIDUAL', name: 'Carl', surname: 'Dorn' } });
    return { s, holding, viaHolding, direct, ceo };
  }

  it("sums one person's shares over two paths, marks the UBO, and shows remainders and control roles", async () => {
    const { s, holding, viaHolding, direct, ceo } = await tree();
    const r = await api(h()).call('GET', `/v1/companies/${s.companyId}/ownership/`, s.partner.auth);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ companyId: s.companyId, threshold: 25, thresholdSource: 'DEFAULT', maxDepth: 2, unexplainedPercentage: 50 });
    // 60 % × 50 % + 20 % = 50 %, through two beneficiary rows recognised by the personal number.
    // Rows created in the same millisecond come back in id order, so either row may be the person's id.
    const person = r.json.persons.find((p: { beneficiaryIds: string[] }) => p.beneficiaryIds.includes(viaHolding));
    expect(person).toMatchObject({ name: 'Anna Berg', effectivePercentage: 50, isUbo: true });
    expect([...person.beneficiaryIds].sort()).toEqual([viaHolding, direct].sort());
    expect(person.paths).toHaveLength(2);
    expect(person.paths).toEqual(
      expect.arrayContaining([
        { beneficiaryIds: [holding, viaHolding], percentage: 30 },
        { beneficiaryIds: [direct], percentage: 20 },
      ]),
    );
    expect(r.json.edges).toEqual(
      expect.arrayContaining([
        { from: s.companyId, to: holding, percentage: 60, effectivePercentage: 60 },
        { from: holding, to: viaHolding, percentage: 50, effectivePercentage: 30 },
      ]),
    );
    expect(r.json.remainders).toEqual([
      { id: s.companyId, declaredPercentage: 80, remainderPercentage: 20, isOverDeclared: false, undeclaredOwners: 0 },
      { id: holding, declaredPercentage: 50, remainderPercentage: 50, isOverDeclared: false, undeclaredOwners: 0 },
    ]);
    expect(r.json.controlRoles).toEqual([{ beneficiaryId: ceo, name: 'Carl Dorn', beneficiaryTypes: ['CEO'], positions: ['Director'], isOwner: false }]);
    expect(r.json.nodes[0]).toMatchObject({ id: s.companyId, isRoot: true, name: 'Acme Payments UAB' });

    const text = await renderCompanyOwnership({ ctx: s.partner.ctx, input: { companyId: s.companyId } });
    expect(text).toMatch(/^[├└]─ Holding BV: 60 % \(company, effective 60 %; unexplained 50 %\)$/m);
    expect(text).toMatch(/^[├└]─ Carl Dorn \(CEO\)$/m);
    expect(text).toContain('not traced to a person: 50 %');
  });

  it("answers 404 for another partner's company and an unknown id, 401 without credentials", async () => {
    const { s } = await tree();
    const other = await h().partner('Other');
    const call = api(h()).call;
    expect((await call('GET', `/v1/companies/${s.companyId}/ownership/`, other.auth)).status).toBe(404);
    expect((await call('GET', '/v1/companies/00000000-0000-4000-8000-000000000000/ownership/', s.partner.auth)).status).toBe(404);
    expect((await call('GET', `/v1/companies/${s.companyId}/ownership/`, null)).status).toBe(401);
    expect((await call('GET', `/v1/companies/${s.companyId}/ownership/`, s.bearer)).status).toBe(401);
  });
});
