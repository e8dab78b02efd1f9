import { expect, it } from 'vitest';
import { compareCompanyNames, compareWithRegister, undeclaredPersons } from './compare-profile.js';
import { sandboxProfile, SANDBOX_COUNTRIES } from './sandbox/registers.js';

const gb = SANDBOX_COUNTRIES.find((c) => c.country === 'GB')!;
const profile = sandboxProfile(gb, '09000001', 'found', '2026-01-01T00:00:00.000Z');

it.each([
  ['Acme Ltd.', 'ACME LIMITED', 'MATCH'],
  ['Žalgiris UAB', 'ZALGIRIS, UAB', 'MATCH'],
  ['Acme Trading', 'ACME TRADING LIMITED', 'PARTIAL_MATCH'],
  ['Trading Acme Ltd', 'Acme Trading Limited', 'PARTIAL_MATCH'],
  ['Meridian Advisory Ltd', 'Meridian Consulting Group Ltd', 'NO_MATCH'],
])("compares the company name %s with the register's %s: %s", (form, register, expected) => {
  expect(compareCompanyNames(form, register)).toBe(expected);
});

it('compares each field the register gives, leaves out those it does not, and shows what the form left empty without a verdict', () => {
  const lines = compareWithRegister(
    {
      companyName: 'SANDBOX TRADING LIMITED',
      registrationNumber: '0900 0001',
      country: 'GB',
      type: 'Private Limited Company',
      activityCode: '6202',
      postcode: 'ec1a1bb',
      street: '1, Sandbox street',
      city: 'Manchester',
      postalAddress: null,
    },
    profile,
  );
  expect(lines).toEqual([
    { field: 'COMPANY_NAME', systemValue: 'SANDBOX TRADING LIMITED', reportValue: 'Sandbox Trading Ltd', match: 'MATCH' },
    { field: 'REGISTRATION_NUMBER', systemValue: '0900 0001', reportValue: '09000001', match: 'MATCH' },
    { field: 'COUNTRY', systemValue: 'GB', reportValue: 'GB', match: 'MATCH' },
    { field: 'TYPE', systemValue: 'Private Limited Company', reportValue: 'ltd', match: 'MATCH' },
    { field: 'ACTIVITY_CODE', systemValue: '6202', reportValue: '62020', match: 'PARTIAL_MATCH' },
    { field: 'POSTAL_ADDRESS', systemValue: null, reportValue: '1 Sandbox Street, EC1A 1BB London, GB', match: null },
    { field: 'POSTCODE', systemValue: 'ec1a1bb', reportValue: 'EC1A 1BB', match: 'MATCH' },
    { field: 'STREET', systemValue: '1, Sandbox street', reportValue: '1 Sandbox Street', match: 'MATCH' },
    { field: 'CITY', systemValue: 'Manchester', reportValue: 'London', match: 'NO_MATCH' },
  ]);
  expect(lines.map((l) => l.field)).not.toContain('PHONE');
});

it.each([
  ['1 Sandbox Street, EC1A 1BB London', 'MATCH'],
  ['1 Sandbox Street, EC1A 1BB London, GB', 'MATCH'],
  ['EC1A 1BB London, 1 Sandbox Street', 'MATCH'],
  ['1 Sandbox Street, London', 'PARTIAL_MATCH'],
  ['9 Other Road, M1 1AA Manchester', 'NO_MATCH'],
])("compares the postal address %s with the register's, whose country is a field of its own: %s", (postalAddress, expected) => {
  const line = compareWithRegister({ postalAddress }, profile).find((l) => l.field === 'POSTAL_ADDRESS');
  expect(line?.match).toBe(expected);
});

it('flags the officers and owners no beneficiary is, once each with all their roles, and keeps their key across fetches', () => {
  const undeclared = undeclaredPersons(profile, [{ kind: 'individual', name: 'JANE', surname: 'sample' }]);
  expect(undeclared.map((p) => [p.kind, p.name, p.roles])).toEqual([
    ['individual', 'Tom Example', ['officer']],
    ['individual', 'Victor Hidden', ['owner']],
    ['company', 'Sandbox Holdings Ltd', ['owner']],
  ]);
  expect(undeclared[1]).toMatchObject({ natureOfControl: ['right-to-appoint-and-remove-directors'], birthMonth: '1969-02', nationality: 'CY' });
  const none = undeclaredPersons(profile, []);
  expect(none.map((p) => p.name)).toEqual(['Jane Sample', 'Tom Example', 'Victor Hidden', 'Sandbox Holdings Ltd']);
  expect(none[0]!.roles).toEqual(['officer', 'owner']);
  expect(none[1]!.key).toBe(undeclared[0]!.key);
  const declaredHolding = undeclaredPersons(profile, [
    { kind: 'individual', name: 'Jane Mary', surname: 'Sample' },
    { kind: 'individual', name: 'Tom', surname: 'Example' },
    { kind: 'company', name: 'SANDBOX HOLDINGS LIMITED' },
  ]);
  expect(declaredHolding.map((p) => p.name)).toEqual(['Victor Hidden']);
});
