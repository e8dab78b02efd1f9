import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { pdfText } from '../../../../../test/pdf-text.js';
import { contractErrors } from '../../../../../test/contract.js';
import { describeEachDialect, type Harness } from '../../../../../test/harness.js';
import { companyBody, startSession } from '../../../../../test/kyb.js';
import { screenPending } from '../../../../../test/screening-cases.js';
import { checkCompanyRegister } from '../../../../core/company-register/check-company-register.js';
import { readTar } from '../../../../core/evidence/tar.js';
import { verifyEvidence } from '../../../../core/evidence/verify-evidence.js';
import { importList } from '../../../../core/screening/import-list.js';
import { purgeDecidedCases } from '../../../../core/retention/purge-decided-cases.js';

const DAY_MS = 24 * 60 * 60 * 1000;

import { RegistryProviders } from '../../../../registries/providers.js';
import { createSandboxProvider } from '../../../../registries/sandbox/sandbox-provider.js';
import type { RegistryProvider } from '../../../../registries/provider.js';

/** Parts OpenKYB has no service for are null, which iDenfy's schema does not allow (see docs/decisions.md). */
const NOT_YET_PROVIDED = ['/addressAudit', '/websiteAudit', '/companyNameAudit', '/einVerification'];
const detailContractErrors = (body: unknown) => contractErrors('CompanyDetail', body).filter((e) => !NOT_YET_PROVIDED.some((p) => e.startsWith(`${p} `)));

/** A submitted GB case (no flow) declaring Jane Sample as its UBO; the screening worker has run (register check included). */
async function submittedGbCase(h: Harness, company: Record<string, unknown>) {
  const s = await startSession(h, { flow: null, createForm: false });
  const { call } = api(h);
  const form = await call('POST', '/kyb/forms/', s.bearer, { company: companyBody({ additionalInfo: {}, country: 'GB', brandNames: [], ...company }) });
  expect(form.status).toBe(201);
  const ubo = await call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, {
    beneficiaryTypes: ['UBO'],
    ownershipPercentage: 60,
    info: { infoType: 'INDIVIDUAL', name: 'Jane', surname: 'SAMPLE', nationality: 'GB' },
  });
  expect(ubo.status).toBe(201);
  expect((await call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer)).status).toBe(200);
  expect(await screenPending(h)).toBe(1);
  return s;
}

/** Downloads a signed link through the app, as the reviewer's browser would. */
async function download(h: Harness, link: string) {
  const url = new URL(link);
  const res = await h.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
  return { status: res.statusCode, type: res.headers['content-type'], body: res.rawPayload };
}

const comparisonOf = (detail: { dataMatchings: Array<{ companyComparison: Array<{ field: string; match: string | null }> }> }) =>
  Object.fromEntries(detail.dataMatchings[0]!.companyComparison.map((line) => [line.field, line.match]));

describeEachDialect('the official register in automation (govChecks, dataMatchings, GET /v1/companies/{id}/register/)', (h) => {
  beforeAll(async () => {
    // A sanctions list naming Victor Hidden, the owner the sandbox register gives and clients rarely declare.
    const dir = await mkdtemp(path.join(tmpdir(), 'openkyb-ftm-'));
    const file = path.join(dir, 'hidden.ftm.jsonl');
    await writeFile(
      file,
      `${JSON.stringify({ id: 'victor-hidden', schema: 'Person', properties: { name: ['Victor Hidden'], nationality: ['cy'], topics: ['sanction'] }, datasets: ['test'] })}\n`,
    );
    await importList({ ctx: h().ctx, input: { source: 'ftm', path: file } });
    await h().screening.reload();
  });

  it('shows the reviewer a register that disagrees with the form: another name, an undeclared owner screened and blocking approval', async () => {
    const s = await submittedGbCase(h(), { companyName: 'Meridian Advisory Ltd', registrationNumber: '09000002', city: 'London', postcode: 'EC1A 1BB' });
    const { call } = api(h());

    const detail = await call('GET', `/kyb/companies/${s.companyId}/`, s.partner.auth);
    expect(detail.status).toBe(200);
    expect(detailContractErrors(detail.json)).toEqual([]);
    const [document] = detail.json.govChecks.govRegistersDocuments;
    expect(detail.json.govChecks.govRegistersDocuments).toHaveLength(1);
    expect(document).toMatchObject({
      externalCompanyId: '09000002',
      checkedCompanyName: 'Meridian Advisory Ltd',
      checkedRegistrationNumber: '09000002',
      companyName: 'Meridian Consulting Group Ltd',
      legalForm: 'ltd',
      legalStatus: 'active',
      registrationAuthority: 'sandbox',
      postcode: 'EC1A 1BB',
      city: 'London',
      beneficiaryDocument: false,
    });
    expect(document.dataFile).toMatch(/\.json$/);
    expect(document.reportFile).toMatch(/\.pdf$/);
    const data = await download(h(), document.dataFile);
    expect([data.status, data.type]).toEqual([200, 'application/json']);
    expect(JSON.parse(data.body.toString('utf8'))).toMatchObject({ name: 'Meridian Consulting Group Ltd', number: '09000002' });
    const report = await download(h(), document.reportFile);
    expect([report.status, report.type, report.body.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);

    expect(detail.json.dataMatchings).toEqual([
      expect.objectContaining({ id: document.id, reportId: document.id, reportType: 'GOV_REGISTERS', created: document.checkedAt }),
    ]);
    expect(comparisonOf(detail.json)).toEqual({
      COMPANY_NAME: 'NO_MATCH',
      REGISTRATION_NUMBER: 'MATCH',
      COUNTRY: 'MATCH',
      TYPE: null,
      ACTIVITY_CODE: null,
      POSTAL_ADDRESS: null,
      POSTCODE: 'MATCH',
      STREET: null,
      CITY: 'MATCH',
    });

    const register = await call('GET', `/v1/companies/${s.companyId}/register/`, s.partner.auth);
    expect(register.status).toBe(200);
    expect(register.json).toMatchObject({ companyId: s.companyId, status: 'FOUND', provider: 'sandbox', country: 'GB', registrationNumber: '09000002' });
    expect(register.json.profile).toMatchObject({ name: 'Meridian Consulting Group Ltd' });
    expect(register.json.dataMatching).toEqual(detail.json.dataMatchings[0]);
    // A FORM session picks nothing from the register.
    expect(register.json.pick).toBeNull();
    // Jane Sample is declared (case aside); the secretary, the hidden owner and the holding company are not.
    expect(register.json.undeclaredPersons.map((p: { name: string; roles: string[] }) => [p.name, p.roles])).toEqual([
      ['Tom Example', ['officer']],
      ['Victor Hidden', ['owner']],
      ['Sandbox Holdings Ltd', ['owner']],
    ]);
    const hidden = register.json.undeclaredPersons[1];
    expect(hidden).toMatchObject({ natureOfControl: ['right-to-appoint-and-remove-directors'], sanctionsCheckStatus: 'FLAGS_FOUND' });

    // Screened like a beneficiary: the hit shows in the screening read and blocks approval.
    const screening = await call('GET', `/v1/companies/${s.companyId}/screening/`, s.partner.auth);
    const subject = screening.json.subjects.find((x: { subjectId: string }) => x.subjectId === hidden.key);
    expect(subject).toMatchObject({ subjectType: 'REGISTER_PERSON', status: 'FLAGS_FOUND' });
    expect(subject.hits.map((hit: { entityId: string }) => hit.entityId)).toEqual(['ftm:victor-hidden']);
    const approve = await call('POST', `/kyb/companies/${s.companyId}/change-status/`, s.partner.auth, {
      status: 'COMPLETED',
      reviewInfo: { approvalStatus: 'APPROVED' },
    });
    expect(approve.status).toBe(409);
    expect(approve.json.message).toContain(`register person ${hidden.key}: FLAGS_FOUND`);

    // Another partner sees none of it.
    const other = await h().partner('Other');
    expect((await call('GET', `/v1/companies/${s.companyId}/register/`, other.auth)).status).toBe(404);
  });

  it("puts the register check in the PDF dossier: the register's record, the comparison, the undeclared persons and their screening", async () => {
    const s = await submittedGbCase(h(), { companyName: 'Meridian Advisory Ltd', registrationNumber: '09000002', city: 'London', postcode: 'EC1A 1BB' });
    const pdf = await h().app.inject({
      method: 'POST',
      url: `/kyb/companies/${s.companyId}/pdf/`,
      headers: { authorization: s.partner.auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ content: ['GOV_CHECKS', 'KYB_DATA_MATCHING'] }),
    });
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).not.toContain('OpenKYB does not perform this check');
    expect(text.indexOf('Government register checks')).toBeLessThan(text.indexOf('Data matching'));
    expect(text).toMatch(/Outcome: FOUND/);
    expect(text).toMatch(/Name: Meridian Consulting Group Ltd/);
    expect(text).toMatch(/Tom Example \(officer\): screening \w+/);
    expect(text).toMatch(/Victor Hidden \(owner\): screening FLAGS_FOUND/);
    expect(text).toMatch(/COMPANY_NAME: NO_MATCH: form "Meridian Advisory Ltd", register "Meridian Consulting\s+Group Ltd"/);
    expect(text).toMatch(/TYPE: not in the form; register "ltd"/);
    expect(text).toMatch(/REGISTRATION_NUMBER: MATCH/);

    // A case no register serves says so in both parts instead of staying silent.
    const unserved = await submittedGbCase(h(), { companyName: 'Nowhere Ltd', country: 'BR', registrationNumber: '123' });
    const none = await h().app.inject({
      method: 'POST',
      url: `/kyb/companies/${unserved.companyId}/pdf/`,
      headers: { authorization: unserved.partner.auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ content: ['GOV_CHECKS', 'KYB_DATA_MATCHING'] }),
    });
    const noneText = await pdfText(none.rawPayload);
    expect(noneText).toMatch(/Outcome: NOT_SERVED/);
    expect(noneText).toContain('No configured register serves this country');
    expect(noneText).toContain("Nothing to compare: the register check's outcome is NOT_SERVED.");
  });

  it('matches a form that spells the registered name another way (case, punctuation, legal form) and records the step in automation', async () => {
    const s = await submittedGbCase(h(), { companyName: 'SANDBOX TRADING LIMITED', registrationNumber: '0900-0001', type: 'Private limited company' });
    const { call } = api(h());
    const before = await call('GET', `/kyb/companies/${s.companyId}/`, s.partner.auth);
    expect(comparisonOf(before.json)).toMatchObject({ COMPANY_NAME: 'MATCH', REGISTRATION_NUMBER: 'MATCH', TYPE: 'MATCH' });

    h().clock.advance(60_000);
    expect((await call('POST', `/kyb/companies/${s.companyId}/automation/`, s.partner.auth)).status).toBe(202);
    expect(await screenPending(h())).toBe(1);
    const after = await call('GET', `/kyb/companies/${s.companyId}/`, s.partner.auth);
    expect(after.json.meta.status).toBe('NEED_TO_REVIEW');
    expect(after.json.meta.automationStatuses.register).toEqual({
      status: 'FOUND',
      provider: 'sandbox',
      mismatches: [],
      partialMatches: [],
      undeclaredPersons: 3,
    });
    // The run fetched the register again: a new check replaced the first, its files with it.
    const [first] = before.json.govChecks.govRegistersDocuments;
    const [second] = after.json.govChecks.govRegistersDocuments;
    expect(second.id).not.toBe(first.id);
    expect(second.checkedAt).toBe(new Date(h().clock.now()).toISOString());
    const checks = await h().database.db.selectFrom('company_register_checks').select('id').where('company_id', '=', s.companyId).execute();
    expect(checks.map((c) => c.id)).toEqual([second.id]);
  });

  it('matches "Acme Ltd." in the form with "ACME LIMITED" in the register', async () => {
    const s = await submittedGbCase(h(), { companyName: 'Acme Ltd.', registrationNumber: '12345678' });
    const sandbox = createSandboxProvider({ now: () => h().clock.now() });
    const acme: RegistryProvider = {
      ...sandbox,
      id: 'acme-register',
      countries: ['GB'],
      profile: async (country, number, signal) => {
        const found = await sandbox.profile(country, '09000001', signal);
        return found && { ...found, provider: 'acme-register', name: 'ACME LIMITED', number };
      },
    };
    h().clock.advance(1000);
    await h()
      .database.db.insertInto('automation_runs')
      .values({
        id: '00000000-0000-4000-8000-00000000acme',
        partner_id: s.partner.partnerId,
        company_id: s.companyId,
        previous_status: 'NEED_TO_REVIEW',
        requested_at: h().clock.now(),
        finished_at: null,
        statuses: null,
      })
      .execute();
    expect(await checkCompanyRegister({ ctx: { ...h().ctx, registries: new RegistryProviders([acme]) }, companyId: s.companyId })).toMatchObject({
      status: 'FOUND',
    });
    const register = await api(h()).call('GET', `/v1/companies/${s.companyId}/register/`, s.partner.auth);
    expect(register.json.dataMatching.companyComparison[0]).toEqual({
      field: 'COMPANY_NAME',
      systemValue: 'Acme Ltd.',
      reportValue: 'ACME LIMITED',
      match: 'MATCH',
    });
  });

  it.each([
    ['09000408', 'TIMED_OUT'],
    ['09000500', 'FAILED'],
    ['09000502', 'FAILED'],
    ['09000404', 'NOT_FOUND'],
  ])('records a register answering %s as %s: the case goes on to review, nothing half-written', async (number, status) => {
    const s = await submittedGbCase(h(), { companyName: 'Faulty Register Ltd', registrationNumber: number });
    const { call } = api(h());
    h().clock.advance(60_000);
    expect((await call('POST', `/kyb/companies/${s.companyId}/automation/`, s.partner.auth)).status).toBe(202);
    expect(await screenPending(h())).toBe(1);
    const detail = await call('GET', `/kyb/companies/${s.companyId}/`, s.partner.auth);
    expect(detail.status).toBe(200);
    expect(detail.json.meta).toMatchObject({ status: 'NEED_TO_REVIEW', automationStatuses: { register: { status, provider: 'sandbox' } } });
    expect(detail.json.govChecks.govRegistersDocuments).toEqual([]);
    expect(detail.json.dataMatchings).toEqual([]);
    expect(detailContractErrors(detail.json)).toEqual([]);
    const register = await call('GET', `/v1/companies/${s.companyId}/register/`, s.partner.auth);
    expect(register.json).toMatchObject({ status, profile: null, dataMatching: null, undeclaredPersons: [] });
    const row = await h().database.db.selectFrom('company_register_checks').selectAll().where('company_id', '=', s.companyId).executeTakeFirstOrThrow();
    expect([row.body, row.data_file_hash, row.report_file_hash]).toEqual([null, null, null]);
    const files = await h().database.db.selectFrom('stored_files').select('hash').where('company_id', '=', s.companyId).execute();
    expect(files).toEqual([]);
    const subjects = await h().database.db.selectFrom('screening_subjects').select('subject_type').where('company_id', '=', s.companyId).execute();
    expect(subjects.map((x) => x.subject_type).sort()).toEqual(['BENEFICIARY', 'COMPANY']);
  });

  it('puts the register check in the evidence pack: its comparison in case.json, its profile and report as files that verify offline', async () => {
    const s = await submittedGbCase(h(), { companyName: 'Meridian Advisory Ltd', registrationNumber: '09000002', city: 'London', postcode: 'EC1A 1BB' });
    const res = await h().app.inject({ method: 'POST', url: `/v1/companies/${s.companyId}/evidence-pack/`, headers: { authorization: s.partner.auth } });
    expect(res.statusCode, res.body).toBe(200);
    const files = new Map(readTar(res.rawPayload).map((entry) => [entry.name, entry.data]));
    expect([...files.keys()]).toEqual(expect.arrayContaining(['register/profile.json', 'register/report.pdf']));
    expect(JSON.parse(files.get('register/profile.json')!.toString())).toMatchObject({ number: '09000002', name: 'Meridian Consulting Group Ltd' });
    expect(files.get('register/report.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
    const caseJson = JSON.parse(files.get('case.json')!.toString());
    expect(caseJson.register).toMatchObject({ status: 'FOUND', registrationNumber: '09000002' });
    expect(caseJson.register.undeclaredPersons.map((p: { name: string }) => p.name)).toContain('Victor Hidden');
    expect(verifyEvidence(res.rawPayload)).toMatchObject({ isValid: true, problems: [] });
  });

  it('deletes the register check and its files with the company', async () => {
    const s = await submittedGbCase(h(), { companyName: 'Sandbox Trading Ltd', registrationNumber: '09000001' });
    const db = h().database.db;
    const check = await db.selectFrom('company_register_checks').selectAll().where('company_id', '=', s.companyId).executeTakeFirstOrThrow();
    expect(check.status).toBe('FOUND');
    const hashes = [check.data_file_hash!, check.report_file_hash!];
    expect(await db.selectFrom('stored_files').select('hash').where('hash', 'in', hashes).execute()).toHaveLength(2);
    expect((await api(h()).call('DELETE', `/kyb/companies/${s.companyId}/`, s.partner.auth)).status).toBe(204);
    expect(await db.selectFrom('company_register_checks').select('id').where('company_id', '=', s.companyId).execute()).toEqual([]);
    expect(await db.selectFrom('stored_files').select('hash').where('hash', 'in', hashes).execute()).toEqual([]);
  });

  it('erases the register check and its files with a decided case past its retention period', async () => {
    const s = await submittedGbCase(h(), { companyName: 'Sandbox Trading Ltd', registrationNumber: '09000001' });
    const db = h().database.db;
    const check = await db.selectFrom('company_register_checks').selectAll().where('company_id', '=', s.companyId).executeTakeFirstOrThrow();
    const hashes = [check.data_file_hash!, check.report_file_hash!];
    await db
      .updateTable('companies')
      .set({ status: 'COMPLETED', approval_status: 'DENIED', updated_at: h().clock.now() })
      .where('id', '=', s.companyId)
      .execute();
    h().clock.advance(1827 * DAY_MS);
    expect((await purgeDecidedCases({ ctx: h().ctx, input: { periodMs: 1826 * DAY_MS } })).purged).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom('company_register_checks').select('id').where('company_id', '=', s.companyId).execute()).toEqual([]);
    expect(await db.selectFrom('stored_files').select('hash').where('hash', 'in', hashes).execute()).toEqual([]);
  });

  it('leaves a case whose country no configured register serves unchecked (NOT_SERVED), and says so', async () => {
    const s = await submittedGbCase(h(), { country: 'EE', registrationNumber: '12345678' });
    const register = await api(h()).call('GET', `/v1/companies/${s.companyId}/register/`, s.partner.auth);
    expect(register.json).toMatchObject({ status: 'NOT_SERVED', provider: null, country: 'EE', profile: null });
  });
});
