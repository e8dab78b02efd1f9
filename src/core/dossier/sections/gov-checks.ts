import type { RegistryProfile } from '../../../registries/provider.js';
import { renderRegisterCompany, renderRegisterPeople, renderUndeclared } from '../../company-register/register-report.js';
import { field, note, subheading } from '../pdf-layout.js';
import type { Section } from './section.js';

const OUTCOMES = {
  NOT_CHECKED: 'No register check has run for this case yet.',
  NOT_FOUND: 'The register does not know this registration number.',
  REJECTED: 'The register refused the registration number as written.',
  TIMED_OUT: 'The register did not answer in time; the next automation run tries again.',
  FAILED: 'The register failed or answered something that is not a company profile; the next automation run tries again.',
  NOT_SERVED: 'No configured register serves this country, or the form has no registration number.',
} as const;

/**
 * The case's official register check (the reviewer's "Official register" panel): in GOV1/GOV2
 * sessions the company the client picked and what the form changed since, then the register's
 * record of the company, its officers and owners, and the ones the client did not declare with
 * their screening status. The form-against-register comparison is the KYB_DATA_MATCHING part.
 */
export const govChecksSection: Section = {
  title: 'Government register checks',
  async render(doc, dossier) {
    const register = await dossier.register();
    const pick = register.pick;
    if (pick) {
      subheading(doc, 'Picked by the client from the register');
      field(doc, 'Session', pick.mode);
      field(doc, 'Company picked', `${pick.companyName} (${pick.country} ${pick.registrationNumber}), ${pick.provider}`);
      field(doc, 'Picked at', pick.pickedAt);
      const changed = pick.formComparison.filter((line) => line.match !== 'MATCH');
      note(
        doc,
        changed.length === 0
          ? 'The form still holds what the register gave at the pick.'
          : `Changed in the form after the pick: ${changed.map((line) => `${line.field} (form "${line.systemValue ?? ''}", picked "${line.reportValue ?? ''}")`).join('; ')}.`,
      );
      subheading(doc, 'What the register says now');
    }
    field(doc, 'Outcome', register.status);
    field(doc, 'Checked at', register.checkedAt);
    field(doc, 'Register', register.provider);
    field(doc, 'Registration number asked for', register.registrationNumber);
    if (register.status !== 'FOUND' || register.profile === null) return note(doc, OUTCOMES[register.status === 'FOUND' ? 'FAILED' : register.status]);
    // The view's profile is the stored RegistryProfile as is (the wire schema leaves it open).
    const profile = register.profile as RegistryProfile;
    note(doc, `Data as of ${profile.asOf}.`);
    subheading(doc, 'The register’s record');
    renderRegisterCompany(doc, profile);
    renderRegisterPeople(doc, profile, subheading);
    subheading(doc, 'Officers and owners not declared by the client');
    renderUndeclared(
      doc,
      register.undeclaredPersons.map((person) => ({ name: person.name, roles: person.roles, status: person.sanctionsCheckStatus })),
    );
  },
};
