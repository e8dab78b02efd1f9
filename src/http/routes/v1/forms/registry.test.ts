import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { flowBody } from '../../../../../test/fixtures.js';
import { describeEachDialect, type Harness, type TestPartner } from '../../../../../test/harness.js';
import { auditEntries, countRows } from '../../../../../test/rows.js';
import { screenPending } from '../../../../../test/screening-cases.js';
import { readTar } from '../../../../core/evidence/tar.js';
import { pdfText } from '../../../../../test/pdf-text.js';

/** A GOV1/GOV2/FORM session without a flow (nothing else required at submit), its form not created yet. */
async function govSession(h: Harness, tokenType: 'FORM' | 'GOV1' | 'GOV2', partner?: TestPartner, flow?: string) {
  const owner = partner ?? (await h.partner());
  const token = await api(h).createToken(owner, { tokenType, clientId: 'client-gov', ...(flow ? { flow } : {}) });
  expect(token.status).toBe(201);
  return {
    partner: owner,
    companyId: token.json.companyId as string,
    bearer: `Bearer ${token.json.tokenString}`,
    tokenString: token.json.tokenString as string,
  };
}

const pick = (number: string, extra: Record<string, unknown> = {}) => ({ provider: 'sandbox', country: 'GB', number, ...extra });

describeEachDialect(
  'GOV1 and GOV2 sessions: the register search, the pick, the locks (/v1/forms/{id}/registry/)',
  (h) => {
    it('GOV1: searches by name and by number, picks, pre-fills the company and proposes the officers and owners', async () => {
      const s = await govSession(h(), 'GOV1');
      const { call } = api(h());
      const info = await api(h()).info(s.tokenString);
      expect(info.json.registry).toEqual({
        mode: 'GOV1',
        searchRequired: true,
        company: null,
        lockedFields: [],
        lockedBeneficiaries: [],
        proposedBeneficiaries: [],
      });

      const byName = await call('GET', `/v1/forms/${s.companyId}/registry/search/?q=sandbox%20trading&country=GB`, s.bearer);
      expect(byName.status).toBe(200);
      expect(byName.json.results).toEqual([
        {
          provider: 'sandbox',
          country: 'GB',
          number: '09000001',
          name: 'Sandbox Trading Ltd',
          status: 'active',
          legalForm: 'ltd',
          incorporatedOn: '2015-03-12',
          address: '1 Sandbox Street, EC1A 1BB London',
        },
      ]);
      const byNumber = await call('GET', `/v1/forms/${s.companyId}/registry/search/?q=09000003&country=GB`, s.bearer);
      expect(byNumber.json.results.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([['Closed Doors Trading Ltd', 'dissolved']]);

      const picked = await call('POST', `/v1/forms/${s.companyId}/registry/pick/`, s.bearer, pick('09000001'));
      expect(picked.status).toBe(200);
      expect(picked.json.company).toMatchObject({
        companyName: 'Sandbox Trading Ltd',
        registrationNumber: '09000001',
        country: 'GB',
        type: 'ltd',
        postalAddress: '1 Sandbox Street, EC1A 1BB London',
        street: '1 Sandbox Street',
        city: 'London',
        postcode: 'EC1A 1BB',
        activityCode: '62020',
      });
      const registry = picked.json.registry;
      expect(registry).toMatchObject({ mode: 'GOV1', searchRequired: false, lockedFields: [], lockedBeneficiaries: [] });
      expect(registry.company).toMatchObject({ number: '09000001', incorporatedOn: '2015-03-12', pickedAt: expect.any(String) });
      expect(
        registry.proposedBeneficiaries.map((p: { beneficiary: { beneficiaryTypes: string[]; ownershipPercentage: number | null } }) => p.beneficiary),
      ).toEqual([
        {
          beneficiaryTypes: ['UBO', 'SHAREHOLDER', 'CEO'],
          positions: ['director'],
          ownershipPercentage: 50,
          info: { infoType: 'INDIVIDUAL', name: 'Jane', surname: 'Sample', nationality: 'GB', countryOfResidence: 'GB' },
        },
        {
          beneficiaryTypes: ['REPRESENTATIVE'],
          positions: ['secretary'],
          ownershipPercentage: null,
          info: { infoType: 'INDIVIDUAL', name: 'Tom', surname: 'Example', nationality: 'LT' },
        },
        {
          beneficiaryTypes: ['UBO'],
          positions: [],
          ownershipPercentage: null,
          info: { infoType: 'INDIVIDUAL', name: 'Victor', surname: 'Hidden', nationality: 'CY', countryOfResidence: 'AE' },
        },
        {
          beneficiaryTypes: ['SHAREHOLDER'],
          positions: [],
          ownershipPercentage: 25,
          info: { infoType: 'COMPANY', companyName: 'Sandbox Holdings Ltd', country: 'GB', registrationNumber: '09000999', brandNames: [] },
        },
      ]);

      // The form exists now, pre-filled; GOV1 fields stay the client's to correct.
      const form = await call('GET', `/kyb/forms/${s.companyId}/`, s.bearer);
      expect(form.json.company.companyName).toBe('Sandbox Trading Ltd');
      expect((await call('PATCH', `/kyb/forms/${s.companyId}/`, s.bearer, { company: { companyName: 'Sandbox Trading Limited' } })).status).toBe(200);

      // Accepting a proposal is posting it; it is no longer proposed.
      const accepted = await call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, registry.proposedBeneficiaries[0].beneficiary);
      expect(accepted.status).toBe(201);
      const after = await call('GET', `/v1/forms/${s.companyId}/registry/`, s.bearer);
      expect(
        after.json.proposedBeneficiaries.map(
          (p: { beneficiary: { info: { name?: string; companyName?: string } } }) => p.beneficiary.info.name ?? p.beneficiary.info.companyName,
        ),
      ).toEqual(['Tom', 'Victor', 'Sandbox Holdings Ltd']);
      const infoAfter = await api(h()).info(s.tokenString);
      expect(infoAfter.json.registry).toEqual(after.json);
      expect(contractErrors('KybInfo', { locale: infoAfter.json.locale, theme: infoAfter.json.theme, flow: infoAfter.json.flow })).toEqual([]);

      // GOV1 may pick again (the client chose the wrong company).
      const again = await call('POST', `/v1/forms/${s.companyId}/registry/pick/`, s.bearer, pick('09000002'));
      expect(again.status).toBe(200);
      expect(again.json.company.companyName).toBe('Meridian Consulting Group Ltd');

      // The pick is audited with ids and outcomes, never the register's names.
      const audits = await auditEntries(h(), s.companyId, 'REGISTRY_PICKED');
      expect(audits).toHaveLength(2);
      expect(JSON.parse(audits[0]!.details)).toMatchObject({ mode: 'GOV1', provider: 'sandbox', repicked: false, beneficiariesAdded: [] });
      expect(audits.map((a) => a.details).join(' ')).not.toMatch(/Sample|Hidden|Sandbox Trading|Meridian/);
      expect(await auditEntries(h(), s.companyId, 'FORM_CREATED')).toHaveLength(1);
      // The stored profile is sealed: the names are not in the row as written.
      const row = await h().database.db.selectFrom('gov_sessions').selectAll().where('company_id', '=', s.companyId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ provider: 'sandbox', country: 'GB', company_number: '09000002', token_type: 'GOV1' });
      expect(row.profile).not.toContain('Jane');
      expect(h().logs.join('\n')).not.toMatch(/Jane|Victor|Hidden/);

      const submit = await call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer);
      expect(submit.status).toBe(200);
    });

    it('keeps what the partner filled in a read-only field, fills the empty read-only ones, and adds only the types the flow allows', async () => {
      const partner = await h().partner();
      const { call } = api(h());
      const fields = [
        { field: 'COMPANY_NAME', required: true, readOnly: true },
        { field: 'COUNTRY', required: true },
        { field: 'TYPE', readOnly: true },
      ];
      const flow = await call('POST', '/v1/flows/', partner.auth, { ...flowBody({ fields, fieldsCustom: [] }), questionnaire: null });
      expect(flow.status).toBe(201);
      const s = await govSession(h(), 'GOV2', partner, flow.json.id);
      expect((await call('POST', '/kyb/forms/', s.bearer, { company: { companyName: 'Typed By Client', country: 'GB' } })).status).toBe(201);
      expect((await call('PATCH', `/kyb/forms/${s.companyId}/`, partner.auth, { company: { companyName: 'Partner Known Name Ltd' } })).status).toBe(200);

      const picked = await call('POST', `/v1/forms/${s.companyId}/registry/pick/`, s.bearer, pick('09000001'));
      expect(picked.status).toBe(200);
      expect(picked.json.company).toMatchObject({ companyName: 'Partner Known Name Ltd', type: 'ltd', registrationNumber: '09000001' });
      expect(picked.json.registry.lockedFields).not.toContain('companyName');
      // The flow has UBO only: the secretary and the holding company have no type the client may add.
      const beneficiaries = await call('GET', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer);
      expect(beneficiaries.json.map((b: { info: { name: string }; beneficiaryTypes: string[] }) => [b.info.name, b.beneficiaryTypes])).toEqual([
        ['Jane', ['UBO']],
        ['Victor', ['UBO']],
      ]);
    });

    it('refuses to submit a GOV1 or GOV2 form before a company is picked, and changes nothing', async () => {
      for (const tokenType of ['GOV1', 'GOV2'] as const) {
        const s = await govSession(h(), tokenType);
        const { call } = api(h());
        const created = await call('POST', '/kyb/forms/', s.bearer, { company: { companyName: 'Typed By Hand Ltd', country: 'GB' } });
        expect(created.status).toBe(201);
        const submit = await call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer);
        expect(submit.status).toBe(400);
        expect(submit.json.identifier).toBe('VALIDATION_ERROR');
        expect(submit.json.message).toEqual({ registry: ['pick the company from the register first (a GOV1/GOV2 session)'] });
        const company = await h()
          .database.db.selectFrom('companies')
          .select(['submission_time', 'status'])
          .where('id', '=', s.companyId)
          .executeTakeFirstOrThrow();
        expect(company).toEqual({ submission_time: null, status: 'PENDING' });
      }
    });

    it('GOV2: adds the register persons as beneficiaries, locks what the register gave, and lets the client add the rest', async () => {
      const s = await govSession(h(), 'GOV2');
      const { call } = api(h());
      const picked = await call('POST', `/v1/forms/${s.companyId}/registry/pick/`, s.bearer, pick('09000001'));
      expect(picked.status).toBe(200);
      const registry = picked.json.registry;
      expect(registry.mode).toBe('GOV2');
      expect(registry.proposedBeneficiaries).toEqual([]);
      expect(registry.lockedFields).toEqual([
        'companyName',
        'registrationNumber',
        'country',
        'type',
        'postalAddress',
        'street',
        'city',
        'postcode',
        'activityCode',
      ]);
      const beneficiaries = await call('GET', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer);
      expect(beneficiaries.json.map((b: { info: { name?: string; companyName?: string } }) => b.info.name ?? b.info.companyName)).toEqual([
        'Jane',
        'Tom',
        'Victor',
        'Sandbox Holdings Ltd',
      ]);
      const jane = beneficiaries.json[0];
      expect(registry.lockedBeneficiaries[0]).toEqual({
        id: jane.id,
        fields: ['info.name', 'info.surname', 'info.nationality', 'info.countryOfResidence', 'ownershipPercentage', 'beneficiaryTypes'],
      });

      // A locked company field: 400 naming it, nothing changed.
      const before = await countRows(h(), 'audit_logs');
      const renamed = await call('PATCH', `/kyb/forms/${s.companyId}/`, s.bearer, {
        company: { companyName: 'Another Name Ltd', email: 'ops@sandbox.example' },
      });
      expect(renamed.status).toBe(400);
      expect(renamed.json.message).toEqual({ 'company.companyName': ['comes from the company register in this session (GOV2) and cannot be changed'] });
      expect(await countRows(h(), 'audit_logs')).toBe(before);
      expect((await call('GET', `/kyb/forms/${s.companyId}/`, s.bearer)).json.company).toMatchObject({ companyName: 'Sandbox Trading Ltd', email: null });
      // What the register cannot give is the client's; sending the register's values back is no change.
      const email = await call('PATCH', `/kyb/forms/${s.companyId}/`, s.bearer, {
        company: { companyName: 'Sandbox Trading Ltd', email: 'ops@sandbox.example' },
      });
      expect(email.status).toBe(200);

      // A register beneficiary's register-given fields are locked, and it cannot be deleted; its other fields are the client's.
      const renamedJane = await call('PATCH', `/kyb/forms/${s.companyId}/beneficiaries/${jane.id}/`, s.bearer, {
        info: { infoType: 'INDIVIDUAL', surname: 'Other' },
      });
      expect(renamedJane.status).toBe(400);
      expect(renamedJane.json.message).toEqual({ 'info.surname': ['comes from the company register in this session (GOV2) and cannot be changed'] });
      const share = await call('PATCH', `/kyb/forms/${s.companyId}/beneficiaries/${jane.id}/`, s.bearer, { ownershipPercentage: 10 });
      expect(share.status).toBe(400);
      // Her roles too: the register's director and owner cannot become a mere representative,
      // though she may be the representative as well.
      const demoted = await call('PATCH', `/kyb/forms/${s.companyId}/beneficiaries/${jane.id}/`, s.bearer, { beneficiaryTypes: ['REPRESENTATIVE'] });
      expect(demoted.status, demoted.text).toBe(400);
      expect(demoted.json.message).toEqual({ beneficiaryTypes: ['come from the company register in this session (GOV2): roles may be added, not removed'] });
      const sameRoles = await call('PATCH', `/kyb/forms/${s.companyId}/beneficiaries/${jane.id}/`, s.bearer, {
        beneficiaryTypes: [...jane.beneficiaryTypes].reverse(),
      });
      expect(sameRoles.status, sameRoles.text).toBe(200);
      const moreRoles = await call('PATCH', `/kyb/forms/${s.companyId}/beneficiaries/${jane.id}/`, s.bearer, {
        beneficiaryTypes: [...jane.beneficiaryTypes, 'REPRESENTATIVE'],
      });
      expect(moreRoles.status, moreRoles.text).toBe(200);
      expect(moreRoles.json.beneficiaryTypes).toEqual(expect.arrayContaining([...jane.beneficiaryTypes, 'REPRESENTATIVE']));
      const janeEmail = await call('PATCH', `/kyb/forms/${s.companyId}/beneficiaries/${jane.id}/`, s.bearer, {
        info: { infoType: 'INDIVIDUAL', email: 'jane@sandbox.example', dateOfBirth: '1980-04-02' },
      });
      expect(janeEmail.status).toBe(200);
      const removed = await call('DELETE', `/kyb/forms/${s.companyId}/beneficiaries/${jane.id}/`, s.bearer);
      expect(removed.status).toBe(409);
      expect(removed.json.identifier).toBe('CONFLICT');
      const missing = await call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, {
        beneficiaryTypes: ['UBO'],
        ownershipPercentage: 20,
        info: { infoType: 'INDIVIDUAL', name: 'Nora', surname: 'Unlisted' },
      });
      expect(missing.status).toBe(201);

      // GOV2 picks once; the partner may still correct what the register gave.
      const again = await call('POST', `/v1/forms/${s.companyId}/registry/pick/`, s.bearer, pick('09000002'));
      expect(again.status).toBe(409);
      // Refused before the register is asked: a register that would time out does not turn it into a 502.
      expect((await call('POST', `/v1/forms/${s.companyId}/registry/pick/`, s.bearer, pick('09000408'))).status).toBe(409);
      const corrected = await call('PATCH', `/kyb/forms/${s.companyId}/`, s.partner.auth, {
        company: { companyName: 'Sandbox Trading Limited', city: 'Manchester' },
      });
      expect(corrected.status).toBe(200);

      // The reviewer sees the pick, and what changed in the form since: "Ltd" for "Limited" is
      // the same name; the city is not the register's.
      const register = await call('GET', `/v1/companies/${s.companyId}/register/`, s.partner.auth);
      expect(register.status).toBe(200);
      expect(register.json.pick).toMatchObject({
        mode: 'GOV2',
        provider: 'sandbox',
        country: 'GB',
        registrationNumber: '09000001',
        companyName: 'Sandbox Trading Ltd',
        pickedAt: expect.any(String),
        lockedFields: registry.lockedFields,
        profile: { number: '09000001', name: 'Sandbox Trading Ltd' },
      });
      const changed = register.json.pick.formComparison.filter((line: { match: string | null }) => line.match !== 'MATCH');
      expect(changed).toEqual([{ field: 'CITY', systemValue: 'Manchester', reportValue: 'London', match: 'NO_MATCH' }]);
      expect(register.json.pick.formComparison.map((line: { field: string }) => line.field)).toContain('COMPANY_NAME');
      // Another partner reads none of it.
      expect((await call('GET', `/v1/companies/${s.companyId}/register/`, (await h().partner()).auth)).status).toBe(404);

      // Deleting the company deletes its pick (the sealed profile names people).
      expect((await call('DELETE', `/kyb/companies/${s.companyId}/`, s.partner.auth)).status).toBe(204);
      expect(await h().database.db.selectFrom('gov_sessions').select('company_id').where('company_id', '=', s.companyId).execute()).toEqual([]);
    });

    it('GOV2: the register check does not flag the register owners as undeclared (they are declared beneficiaries)', async () => {
      const s = await govSession(h(), 'GOV2');
      const { call } = api(h());
      expect((await call('POST', `/v1/forms/${s.companyId}/registry/pick/`, s.bearer, pick('09000001'))).status).toBe(200);
      expect((await call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer)).status).toBe(200);
      // Other tests' submitted cases may be pending in this harness too.
      expect(await screenPending(h())).toBeGreaterThanOrEqual(1);
      const register = await call('GET', `/v1/companies/${s.companyId}/register/`, s.partner.auth);
      expect(register.status).toBe(200);
      expect(register.json).toMatchObject({ status: 'FOUND', registrationNumber: '09000001' });
      expect(register.json.profile.owners.length + register.json.profile.officers.length).toBeGreaterThan(0);
      expect(register.json.undeclaredPersons).toEqual([]);
      // The evidence pack holds the pick beside the check.
      const pack = await h().app.inject({ method: 'POST', url: `/v1/companies/${s.companyId}/evidence-pack/`, headers: { authorization: s.partner.auth } });
      expect(pack.statusCode).toBe(200);
      const caseJson = JSON.parse(
        readTar(pack.rawPayload)
          .find((entry) => entry.name === 'case.json')!
          .data.toString(),
      );
      expect(caseJson.register.pick).toMatchObject({ mode: 'GOV2', registrationNumber: '09000001', companyName: 'Sandbox Trading Ltd' });
      // So does the PDF dossier's register part.
      const pdf = await h().app.inject({
        method: 'POST',
        url: `/kyb/companies/${s.companyId}/pdf/`,
        headers: { authorization: s.partner.auth, 'content-type': 'application/json' },
        payload: JSON.stringify({ content: ['GOV_CHECKS'] }),
      });
      expect(pdf.statusCode).toBe(200);
      const text = await pdfText(pdf.rawPayload);
      expect(text).toMatch(/Picked by the client from the register\s+Session: GOV2\s+Company picked: Sandbox Trading Ltd \(GB 09000001\), sandbox/);
      expect(text).toContain('The form still holds what the register gave at the pick.');
      expect(text.indexOf('Picked by the client')).toBeLessThan(text.indexOf('Outcome: FOUND'));
    });

    it('refuses the register in a FORM session, an unserved country, an unknown provider and numbers the register refuses or does not know; nothing is written', async () => {
      const { call } = api(h());
      const form = await govSession(h(), 'FORM');
      expect((await call('GET', `/v1/forms/${form.companyId}/registry/search/?q=sandbox&country=GB`, form.bearer)).status).toBe(409);
      expect((await call('POST', `/v1/forms/${form.companyId}/registry/pick/`, form.bearer, pick('09000001'))).status).toBe(409);
      expect((await api(h()).info(form.tokenString)).json).toEqual({ locale: null, theme: null, flow: null });

      const s = await govSession(h(), 'GOV1');
      const before = await Promise.all([countRows(h(), 'gov_sessions'), countRows(h(), 'audit_logs'), countRows(h(), 'beneficiaries')]);
      const cases: Array<[string, string, unknown, number, string]> = [
        ['GET', `/v1/forms/${s.companyId}/registry/search/?q=sandbox&country=PL`, undefined, 400, 'country'],
        ['GET', `/v1/forms/${s.companyId}/registry/search/?q=sandbox&country=XX`, undefined, 400, 'country'],
        ['GET', `/v1/forms/${s.companyId}/registry/search/?q=&country=GB`, undefined, 400, 'q'],
        ['POST', `/v1/forms/${s.companyId}/registry/pick/`, pick('09000001', { provider: 'nope' }), 400, 'provider'],
        ['POST', `/v1/forms/${s.companyId}/registry/pick/`, pick('300000001', { country: 'PL' }), 400, 'provider'],
        ['POST', `/v1/forms/${s.companyId}/registry/pick/`, pick('09000404'), 400, 'number'],
        ['POST', `/v1/forms/${s.companyId}/registry/pick/`, pick('12'), 400, 'number'],
        ['POST', `/v1/forms/${s.companyId}/registry/pick/`, { ...pick('09000001'), name: 'Client-Sent Name Ltd' }, 400, 'name'],
      ];
      for (const [method, url, body, status, field] of cases) {
        const res = await call(method, url, s.bearer, body);
        expect([url, res.status]).toEqual([url, status]);
        expect(res.json.identifier).toBe('VALIDATION_ERROR');
        expect(JSON.stringify(res.json.message)).toContain(field);
      }
      expect(await Promise.all([countRows(h(), 'gov_sessions'), countRows(h(), 'audit_logs'), countRows(h(), 'beneficiaries')])).toEqual(before);
      const company = await h().database.db.selectFrom('companies').select('info').where('id', '=', s.companyId).executeTakeFirstOrThrow();
      expect(company.info).toBeNull();
    });

    it('answers 502 REGISTRY_UNAVAILABLE when the register times out, fails or answers garbage, and writes nothing', async () => {
      const { call } = api(h());
      const s = await govSession(h(), 'GOV2');
      const before = await Promise.all([countRows(h(), 'gov_sessions'), countRows(h(), 'audit_logs'), countRows(h(), 'beneficiaries')]);
      for (const number of ['09000408', '09000500', '09000502']) {
        const picked = await call('POST', `/v1/forms/${s.companyId}/registry/pick/`, s.bearer, pick(number));
        expect([number, picked.status, picked.json.identifier]).toEqual([number, 502, 'REGISTRY_UNAVAILABLE']);
      }
      const search = await call('GET', `/v1/forms/${s.companyId}/registry/search/?q=09000408&country=GB`, s.bearer);
      expect([search.status, search.json.identifier]).toEqual([502, 'REGISTRY_UNAVAILABLE']);
      expect(await Promise.all([countRows(h(), 'gov_sessions'), countRows(h(), 'audit_logs'), countRows(h(), 'beneficiaries')])).toEqual(before);
      expect((await api(h()).info(s.tokenString)).json.registry.searchRequired).toBe(true);
    });

    it('rejects a token of one company on another form with 404, and another partner\u2019s token too; nothing is picked for that form', async () => {
      const { call } = api(h());
      const a = await govSession(h(), 'GOV1');
      const sameTenant = await govSession(h(), 'GOV1', a.partner);
      const otherTenant = await govSession(h(), 'GOV2');
      for (const intruder of [sameTenant, otherTenant]) {
        expect((await call('POST', `/v1/forms/${a.companyId}/registry/pick/`, intruder.bearer, pick('09000001'))).status).toBe(404);
        expect((await call('GET', `/v1/forms/${a.companyId}/registry/search/?q=sandbox&country=GB`, intruder.bearer)).status).toBe(404);
        expect((await call('GET', `/v1/forms/${a.companyId}/registry/`, intruder.bearer)).status).toBe(404);
      }
      // The partner's key pair is not a token: the register pick is the client's act.
      expect((await call('POST', `/v1/forms/${a.companyId}/registry/pick/`, a.partner.auth, pick('09000001'))).status).toBe(401);
      expect(await h().database.db.selectFrom('gov_sessions').select('company_id').where('company_id', '=', a.companyId).execute()).toEqual([]);
    });
  },
  { registryTimeoutMs: 100 },
);
