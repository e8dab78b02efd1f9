import { expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { contractErrors } from '../../../../test/contract.js';
import { describeEachDialect, type Harness } from '../../../../test/harness.js';
import { startSession } from '../../../../test/kyb.js';
import { importUn, screenPending } from '../../../../test/screening-cases.js';
import { assessRisk } from '../../../core/risk/assess-risk.js';
import { presentRiskSummary } from '../../../core/risk/present-risk.js';
import { createRiskWorker } from '../../../jobs/risk-worker.js';

/** A submitted case whose only owner (100 %, declared UBO) has the given nationality. */
async function submittedCase(h: Harness, nationality: string, partner?: Awaited<ReturnType<Harness['partner']>>) {
  const s = await startSession(h, { flow: null, ...(partner ? { partner } : {}) });
  const call = api(h).call;
  const owner = await call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, {
    beneficiaryType: 'UBO',
    ownershipPercentage: 100,
    info: { infoType: 'INDIVIDUAL', name: 'Reza', surname: 'Karimi', nationality },
  });
  expect(owner.status).toBe(201);
  expect((await call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer)).status).toBe(200);
  return s;
}

const riskLevelOf = async (h: Harness, companyId: string) =>
  await h.database.db.selectFrom('companies').select(['risk_level', 'risk_requested_at']).where('id', '=', companyId).executeTakeFirstOrThrow();

describeEachDialect('risk model and assessments', (h) => {
  it('serves the default model with FATF lists until the partner saves one', async () => {
    const partner = await h().partner();
    const r = await api(h()).call('GET', '/v1/risk-model/', partner.auth);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ version: 0, isDefault: true, updatedAt: null, levels: { LOW: 20, MEDIUM: 40, HIGH: 60, VERY_HIGH: 80 } });
    expect(r.json.countryLists.black).toEqual(['KP', 'IR', 'MM']);
    expect(r.json.countryLists.source).toMatch(/24 October 2025/);
  });

  it('assesses at submit: an owner from a black-listed country makes the case HIGH, and the factor says why', async () => {
    const s = await submittedCase(h(), 'IR');
    const r = await api(h()).call('GET', `/v1/companies/${s.companyId}/risk/`, s.partner.auth);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      companyId: s.companyId,
      level: 'HIGH',
      score: 60,
      modelVersion: 0,
      reason: 'SUBMIT',
      floor: { level: 'HIGH', factor: 'ownerCountries' },
    });
    const owners = r.json.factors.find((f: { factor: string }) => f.factor === 'ownerCountries');
    expect(owners).toEqual({
      factor: 'ownerCountries',
      weight: 30,
      severity: 1,
      contribution: 30,
      floor: 'HIGH',
      isFloorApplied: true,
      explanation: 'owners are connected to black-listed IR',
    });
    expect(r.json.factors.find((f: { factor: string }) => f.factor === 'screening')).toMatchObject({ contribution: 10, explanation: 'not screened yet' });
    expect((await riskLevelOf(h(), s.companyId)).risk_level).toBe('HIGH');

    const summary = presentRiskSummary(r.json);
    expect(summary).toMatchObject({ id: r.json.id, riskScore: 60, riskLevel: 'HIGH' });
    expect(summary!.comment).toContain('raised to HIGH by ownerCountries');
    expect(contractErrors('RiskAssessmentSummary', summary)).toEqual([]);
  });

  it('scores an owner from a country on no list lower', async () => {
    const s = await submittedCase(h(), 'LT');
    const r = await api(h()).call('GET', `/v1/companies/${s.companyId}/risk/`, s.partner.auth);
    expect(r.json).toMatchObject({ level: 'VERY_LOW', score: 10, floor: null });
  });

  it('refuses an invalid model with every problem at once and changes nothing', async () => {
    const partner = await h().partner();
    const call = api(h()).call;
    const model = (await call('GET', '/v1/risk-model/', partner.auth)).json;
    const bad = {
      ...model,
      levels: { LOW: 50, MEDIUM: 40, HIGH: 60, VERY_HIGH: 80 },
      factors: {
        ...model.factors,
        questionnaire: {
          rules: [
            { condition: 'risk.pep ==', points: 10, floor: null, explanation: 'PEP' },
            { condition: 'pep == true', points: 10, floor: null, explanation: 'PEP' },
          ],
        },
      },
    };
    const r = await call('PUT', '/v1/risk-model/', partner.auth, bad);
    expect(r.status).toBe(400);
    expect(Object.keys(r.json.message).sort()).toEqual(['factors.questionnaire.rules.0.condition', 'factors.questionnaire.rules.1.condition', 'levels']);
    expect(r.json.message['factors.questionnaire.rules.1.condition']).toEqual(['name each question as section.question']);
    const schemaBad = await call('PUT', '/v1/risk-model/', partner.auth, { ...model, countryLists: { ...model.countryLists, black: ['XX'] }, extra: 1 });
    expect(schemaBad.status).toBe(400);
    expect(Object.keys(schemaBad.json.message)).toEqual(expect.arrayContaining(['countryLists.black.0']));
    expect((await call('GET', '/v1/risk-model/', partner.auth)).json.version).toBe(0);
  });

  it('recomputes open cases when the model changes, leaving decided cases and other partners alone', async () => {
    const partner = await h().partner();
    const open = await submittedCase(h(), 'IR', partner);
    const approved = await submittedCase(h(), 'IR', partner);
    await h().database.db.updateTable('companies').set({ approval_status: 'APPROVED' }).where('id', '=', approved.companyId).execute();
    const bystander = await submittedCase(h(), 'IR');
    const call = api(h()).call;
    const model = (await call('GET', '/v1/risk-model/', partner.auth)).json;
    const put = await call('PUT', '/v1/risk-model/', partner.auth, {
      ...model,
      factors: { ...model.factors, ownerCountries: { weight: 5, floor: null, black: 1, grey: 0.5 } },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ version: 1, isDefault: false, factors: { ownerCountries: { weight: 5, floor: null } } });
    expect((await riskLevelOf(h(), open.companyId)).risk_requested_at).not.toBeNull();
    expect((await riskLevelOf(h(), approved.companyId)).risk_requested_at).toBeNull();
    expect((await riskLevelOf(h(), bystander.companyId)).risk_requested_at).toBeNull();

    const worker = createRiskWorker({ ctx: h().ctx, database: h().database, logger: h().ctx.logger });
    expect(await worker.runOnce()).toBeGreaterThanOrEqual(1);
    const after = await call('GET', `/v1/companies/${open.companyId}/risk/`, partner.auth);
    expect(after.json).toMatchObject({ modelVersion: 1, reason: 'RECOMPUTE', level: 'VERY_LOW', score: 15, floor: null });
    expect(after.json.factors.find((f: { factor: string }) => f.factor === 'ownerCountries')).toMatchObject({ contribution: 5, isFloorApplied: false });
    expect(await riskLevelOf(h(), open.companyId)).toEqual({ risk_level: 'VERY_LOW', risk_requested_at: null });
    expect((await call('GET', `/v1/companies/${approved.companyId}/risk/`, partner.auth)).json).toMatchObject({ modelVersion: 0, level: 'HIGH' });
    expect((await call('GET', `/v1/companies/${bystander.companyId}/risk/`, bystander.partner.auth)).json.modelVersion).toBe(0);
  });

  it("answers 404 for another partner's case (route and automation verb) and for a case never assessed", async () => {
    const s = await submittedCase(h(), 'LT');
    const other = await h().partner('Other');
    const call = api(h()).call;
    expect((await call('GET', `/v1/companies/${s.companyId}/risk/`, other.auth)).status).toBe(404);
    await expect(assessRisk({ ctx: other.ctx, input: { companyId: s.companyId } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const fresh = await startSession(h(), { flow: null });
    expect((await call('GET', `/v1/companies/${fresh.companyId}/risk/`, fresh.partner.auth)).status).toBe(404);
    expect((await call('GET', '/v1/risk-model/', null)).status).toBe(401);

    const assessed = await assessRisk({ ctx: s.partner.ctx, input: { companyId: s.companyId } });
    expect(assessed).toMatchObject({ reason: 'AUTOMATION', companyId: s.companyId });
    expect((await call('GET', `/v1/companies/${s.companyId}/risk/`, s.partner.auth)).json.id).toBe(assessed.id);
  });

  // Last: it screens every pending case of this suite's database.
  it('assesses a case again once its screening finished, with the screening outcome as a factor', async () => {
    await importUn(h());
    await h().screening.reload();
    const s = await submittedCase(h(), 'LT');
    expect(await screenPending(h())).toBeGreaterThanOrEqual(1);
    expect((await riskLevelOf(h(), s.companyId)).risk_requested_at).not.toBeNull();
    await createRiskWorker({ ctx: h().ctx, database: h().database, logger: h().ctx.logger }).runOnce(1000);
    const r = await api(h()).call('GET', `/v1/companies/${s.companyId}/risk/`, s.partner.auth);
    expect(r.json).toMatchObject({ reason: 'RECOMPUTE', score: 0, level: 'VERY_LOW' });
    expect(r.json.factors.find((f: { factor: string }) => f.factor === 'screening')).toMatchObject({
      contribution: 0,
      explanation: 'worst screening outcome NO_FLAGS (2 of 2 subjects)',
    });
  });
});
